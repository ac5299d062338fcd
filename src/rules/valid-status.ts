// `status` is one of the configured lifecycle states.
import {didYouMean, suggestAmong} from '../core/taxonomy.js'
import {caseFix} from './shared.js'
import {defineRule} from './rule.js'

export default defineRule({
  id: 'valid-status',
  description: '`status` is one of the configured lifecycle states.',
  defaultSeverity: 'error',
  fixable: true,
  messages: {
    invalid: {message: 'Unknown status "{value}"{hint}', mend: 'use one of {known}'},
  },
  check({doc, config, report}) {
    const value = doc.meta.status
    if (value === undefined || config.statuses.includes(value)) return
    const suggestion = suggestAmong(config.statuses, value)
    report({
      messageId: 'invalid',
      data: {value, hint: didYouMean(suggestion), known: config.statuses.join(', ')},
      at: {key: ['status']},
      fix: caseFix(doc, ['status'], value, suggestion),
    })
  },
})
