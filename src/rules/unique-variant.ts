// One document per (id, market): two would make the variant a market reads ambiguous.
import type {DocumentSummary} from '../core/document.js'
import type {Family} from '../core/library.js'
import {memo} from '../core/memo.js'
import {listItems} from './shared.js'
import {defineLibraryRule} from './rule.js'

export default defineLibraryRule({
  id: 'unique-variant',
  description: 'No two documents share an id and a market.',
  defaultSeverity: 'error',
  messages: {
    duplicate: {
      message: 'Duplicate (id, market): {id} already has a {market} document in {other}',
      mend: 'merge the two documents, or change the market of one',
    },
  },
  check({doc, library, report}) {
    const family = doc.meta.id ? library.families.get(doc.meta.id) : undefined
    if (!family || family.baselines.length + family.variants.length < 2) return
    const byMarket = sharedMarkets(family)
    if (!doc.meta.markets.some(m => byMarket.has(m))) return
    for (const {value, key} of listItems(doc, 'markets')) {
      const other = byMarket.get(value)?.find(d => d.file < doc.file)
      if (other) report({messageId: 'duplicate', data: {id: family.id, market: value, other: other.file}, at: {key}})
    }
  },
})

const index = new WeakMap<Family<DocumentSummary>, {size: number; byMarket: Map<string, DocumentSummary[]>}>()

/**
 * The markets two or more of the family's documents list, each with those documents, baselines
 * first: built once per family, not per member, and again only when the family grew or shrank
 * (`import` adds documents to a library row by row). Most families have none.
 */
function sharedMarkets(family: Family<DocumentSummary>): Map<string, DocumentSummary[]> {
  const size = family.baselines.length + family.variants.length
  const cached = index.get(family)
  if (cached?.size === size) return cached.byMarket
  const byMarket = new Map<string, DocumentSummary[]>()
  for (const d of [...family.baselines, ...family.variants]) {
    for (const market of new Set(d.meta.markets)) memo(byMarket, market, () => []).push(d)
  }
  const shared = new Map([...byMarket].filter(([, docs]) => docs.length > 1))
  index.set(family, {size, byMarket: shared})
  return shared
}
