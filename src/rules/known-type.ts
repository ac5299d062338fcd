// Document types come from the config.
import {didYouMean, suggestAmong} from '../core/taxonomy.js'

import {defineRule} from './rule.js'

export default defineRule({
  id: 'known-type',
  description: 'The document type is one the config defines.',
  defaultSeverity: 'error',
  messages: {
    unknown: {
      message: 'Unknown type "{value}"{hint}',
      mend: 'use one of {known}, or add the type to `types` in the config',
    },
  },
  check({doc, config, report}) {
    const type = doc.meta.type
    if (type === undefined || Object.hasOwn(config.types, type)) return
    const known = Object.keys(config.types)
    report({
      messageId: 'unknown',
      data: {value: type, hint: didYouMean(suggestAmong(config.types, type)), known: known.join(', ')},
      at: {key: ['type']},
    })
  },
})
