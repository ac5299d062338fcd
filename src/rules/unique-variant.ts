// One document per (id, market): two would make the variant a market reads ambiguous.
import {listItems} from './shared.js'
import {defineRule} from './rule.js'

export default defineRule({
  id: 'unique-variant',
  description: 'No two documents share an id and a market.',
  defaultSeverity: 'error',
  readsLibrary: true,
  messages: {
    duplicate: {message: 'Duplicate (id, market): {id} already has a {market} document in {other}', mend: 'merge the two documents, or change the market of one'},
  },
  check({doc, library, report}) {
    const family = doc.meta.id ? library.families.get(doc.meta.id) : undefined
    if (!family) return
    const earlier = [...family.baselines, ...family.variants].filter((d) => d.file < doc.file)
    for (const {value, key} of listItems(doc, 'markets')) {
      const other = earlier.find((d) => d.meta.markets.includes(value))
      if (other) report({messageId: 'duplicate', data: {id: family.id, market: value, other: other.file}, at: {key}})
    }
  },
})
