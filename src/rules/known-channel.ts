// Channels come from the taxonomy.
import {didYouMean, suggestAmong} from '../core/taxonomy.js'
import {listItems} from './shared.js'
import {defineRule} from './rule.js'

export default defineRule({
  id: 'known-channel',
  description: 'Channels are ones the taxonomy defines.',
  defaultSeverity: 'error',
  messages: {
    unknown: {message: 'Unknown channel "{value}"{hint}', mend: 'use one of {known}, or add it to taxonomy.channels'},
  },
  check({doc, config, report}) {
    const {channels} = config.taxonomy
    for (const {value, key} of listItems(doc, 'channels')) {
      if (Object.hasOwn(channels, value)) continue
      const known = Object.keys(channels)
      report({
        messageId: 'unknown',
        data: {value, hint: didYouMean(suggestAmong(channels, value)), known: known.join(', ')},
        at: {key},
      })
    }
  },
})
