// The compliance tags a document's markets, channels, type and topics require are present.
import {requiredCompliance} from '../core/taxonomy.js'
import {defineRule} from './rule.js'

export default defineRule({
  id: 'require-compliance',
  description: 'Documents carry the compliance tags their markets, channels, type and topics require.',
  defaultSeverity: 'error',
  messages: {
    missing: {
      message: 'Missing compliance tag "{tag}": {reason}',
      mend: 'add {tag} to `compliance` once the document meets it',
    },
  },
  check({doc, config, today, report}) {
    const {markets, channels, type, topics, compliance} = doc.meta
    for (const {tag, reason} of requiredCompliance(config, {markets, channels, type, topics, today})) {
      if (compliance.includes(tag)) continue
      report({
        messageId: 'missing',
        data: {tag, reason},
        at: {key: [doc.data.compliance === undefined ? 'markets' : 'compliance'], part: 'key'},
      })
    }
  },
})
