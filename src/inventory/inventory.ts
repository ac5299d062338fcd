// `sopkit ls` without the CLI: the library's documents as inventory rows, filtered. Pure.
import {isCalendarDate} from '../core/dates.js'
import type {SopDocument} from '../core/document.js'
import {baselineOf, isOutdated, type Library} from '../core/library.js'
import {appliesToMarket, ownerMatches} from './filters.js'
import {isLive} from '../core/status.js'
import type {Inventory, InventoryFilters, InventoryRow} from './model.js'

/** Every readable document as a row, kept when it passes every filter; sorted by id, baseline first. */
export function buildInventory(library: Library, filters: InventoryFilters, today: string): Inventory {
  const unreadable: Inventory['unreadable'] = []
  const rows: InventoryRow[] = []
  for (const doc of library.documents) {
    const problem = unreadableReason(doc)
    if (problem) unreadable.push({file: doc.file, reason: problem})
    else rows.push(rowOf(library, doc, today))
  }
  const kept = rows.filter(r => keeps(library, r, filters)).sort(byIdThenRole)
  return {
    today,
    filters,
    total: rows.length,
    documents: kept,
    unreadable: unreadable.sort((a, b) => compare(a.file, b.file)),
  }
}

function unreadableReason(doc: SopDocument): string | undefined {
  if (doc.readProblem) return doc.readProblem.kind
  const first = doc.problems[0]
  if (!first) return undefined
  return first.kind === 'yaml' ? 'invalid front matter' : first.kind
}

function rowOf(library: Library, doc: SopDocument, today: string): InventoryRow {
  const m = doc.meta
  const family = m.id ? library.families.get(m.id) : undefined
  const baseline = family ? baselineOf(family) : undefined
  const variant = !doc.isBaseline()
  return {
    id: m.id ?? '',
    title: m.title ?? '',
    type: m.type ?? '',
    status: m.status ?? '',
    version: m.version ?? '',
    owner: m.owner ?? '',
    markets: m.markets,
    channels: m.channels,
    compliance: m.compliance,
    topics: m.topics,
    effective: m.effective ?? '',
    review_by: m.review_by ?? '',
    // As the review-overdue rule judges it: a live document with a calendar review date before today.
    overdue: Boolean(m.review_by && isCalendarDate(m.review_by) && m.review_by < today && isLive(doc)),
    role: variant ? 'variant' : 'baseline',
    based_on: m.based_on ?? '',
    outdated: Boolean(variant && baseline && isOutdated(doc, baseline)),
    file: doc.file,
  }
}

function keeps(library: Library, row: InventoryRow, f: InventoryFilters): boolean {
  const {taxonomy} = library.config
  if (f.markets.length > 0 && !f.markets.some(m => appliesToMarket(taxonomy, row.markets, m))) return false
  if (f.channels.length > 0 && !f.channels.some(c => row.channels.includes(c))) return false
  if (f.types.length > 0 && !f.types.includes(row.type)) return false
  if (f.statuses.length > 0 && !f.statuses.includes(row.status)) return false
  if (f.owners.length > 0 && !f.owners.some(o => ownerMatches(row.owner, o))) return false
  if (f.overdue && !row.overdue) return false
  return true
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function byIdThenRole(a: InventoryRow, b: InventoryRow): number {
  return (
    compare(a.id, b.id) ||
    compare(a.role, b.role) ||
    compare(a.markets.join(','), b.markets.join(',')) ||
    compare(a.file, b.file)
  )
}
