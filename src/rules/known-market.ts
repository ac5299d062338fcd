// Markets are ISO 3166-1 codes, configured regions, or GLOBAL.
import {didYouMean, isKnownMarket, suggestMarket} from '../core/taxonomy.js'
import {caseFix, listItems} from './shared.js'
import {defineRule} from './rule.js'

export default defineRule({
  id: 'known-market',
  description: 'Markets are ISO 3166-1 alpha-2 codes, configured regions or GLOBAL.',
  defaultSeverity: 'error',
  fixable: true,
  messages: {
    unknown: {
      message: 'Unknown market "{value}"{hint}',
      mend: 'use an ISO 3166-1 alpha-2 code, a region ({regions}) or GLOBAL, or add it to taxonomy.markets',
    },
  },
  check({doc, config, report}) {
    const {taxonomy} = config
    for (const {value, key} of listItems(doc, 'markets')) {
      if (isKnownMarket(taxonomy, value)) continue
      const suggestion = suggestMarket(taxonomy, value)
      const fix = caseFix(doc, key, value, suggestion)
      report({
        messageId: 'unknown',
        data: {value, hint: didYouMean(suggestion), regions: Object.keys(taxonomy.regions).join(', ')},
        at: {key},
        fix,
      })
    }
  },
})
