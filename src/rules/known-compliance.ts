// Compliance tags come from the taxonomy.
import {didYouMean, suggestAmong} from '../core/taxonomy.js'
import {caseFix, listItems} from './shared.js'
import {defineRule} from './rule.js'

export default defineRule({
  id: 'known-compliance',
  description: 'Compliance tags are ones the taxonomy defines.',
  defaultSeverity: 'error',
  fixable: true,
  messages: {
    unknown: {
      message: 'Unknown compliance tag "{value}"{hint}',
      mend: 'use a tag from taxonomy.compliance (`sopkit schema` lists them), or add it there',
    },
  },
  check({doc, config, report}) {
    const known = config.taxonomy.compliance
    for (const {value, key} of listItems(doc, 'compliance')) {
      if (Object.hasOwn(known, value)) continue
      const suggestion = suggestAmong(known, value)
      const fix = caseFix(doc, key, value, suggestion)
      report({messageId: 'unknown', data: {value, hint: didYouMean(suggestion)}, at: {key}, fix})
    }
  },
})
