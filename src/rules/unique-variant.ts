// One document per (id, market): two would make the variant a market reads ambiguous.
import type {SopDocument} from '../core/document.js'
import type {Family} from '../core/library.js'
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
    const byMarket = documentsByMarket(family)
    for (const {value, key} of listItems(doc, 'markets')) {
      const other = byMarket.get(value)?.find((d) => d.file < doc.file)
      if (other) report({messageId: 'duplicate', data: {id: family.id, market: value, other: other.file}, at: {key}})
    }
  },
})

const index = new WeakMap<Family, Map<string, SopDocument[]>>()

/** The family's documents under each market they list, baselines first: built once per family, not per member. */
function documentsByMarket(family: Family): Map<string, SopDocument[]> {
  let byMarket = index.get(family)
  if (!byMarket) {
    byMarket = new Map()
    for (const d of [...family.baselines, ...family.variants]) {
      for (const market of new Set(d.meta.markets)) byMarket.set(market, [...(byMarket.get(market) ?? []), d])
    }
    index.set(family, byMarket)
  }
  return byMarket
}
