// `sopkit coverage` without the CLI: families × markets and markets × channels, both through the
// one variant resolver. Pure.
import type {Config, Taxonomy} from '../core/config.js'
import {baselineOf, isOutdated, type Family, type Library, readingFor} from '../core/library.js'
import {GLOBAL, concreteMarkets} from '../core/taxonomy.js'
import type {ChannelCell, Coverage, CoverageCell, FamilyCoverage, MarketChannels} from './model.js'
import {familyOf, isLive} from '../core/status.js'

export interface CoverageOptions {
  /** The markets to show; by default every market and region code the live documents name. */
  markets?: readonly string[]
  /** Only families of these types. */
  types?: readonly string[]
}

/**
 * Families × markets and markets × channels, both through the one resolver with status applied
 * first: a market reads approved documents only, and a live variant not yet in force (a draft) is
 * shown as pending on the cell, never as the market's own. A channel is covered in a market when
 * some family's document for that market lists it.
 */
export function buildCoverage(library: Library, options: CoverageOptions = {}): Coverage {
  const {taxonomy} = library.config
  // A family whose every document is deprecated or retired is no longer offered anywhere.
  const families = [...library.families.values()]
    .filter(f => [...f.baselines, ...f.variants].some(isLive))
    .filter(f => !options.types?.length || options.types.includes(typeOf(f)))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const markets = options.markets?.length ? [...options.markets] : libraryMarkets(families)
  const channels = Object.keys(taxonomy.channels)
  const rows = families.map(f => familyRow(taxonomy, f, markets, library.config.coverage.scope))
  return {
    markets,
    channels,
    families: rows,
    marketChannels: markets.map(m => marketChannels(taxonomy, families, m, channels)),
    gaps: rows.flatMap(r => r.cells.filter(c => c.gap).map(c => ({id: r.id, market: c.market, state: c.state}))),
  }
}

function typeOf(family: Family): string {
  return (baselineOf(family) ?? family.variants[0])?.meta.type ?? ''
}

/** Market and region codes named by live documents, GLOBAL aside, sorted. */
function libraryMarkets(families: readonly Family[]): string[] {
  const codes = new Set<string>()
  for (const f of families)
    for (const d of [...f.baselines, ...f.variants])
      if (isLive(d)) for (const m of d.meta.markets) if (m !== GLOBAL) codes.add(m)
  return [...codes].sort()
}

/**
 * The markets a family is meant for: those its live documents name (a region names its markets,
 * GLOBAL names every market). A DE-only policy missing in France is not a gap, it is not France's.
 */
function familyScope(taxonomy: Taxonomy, family: Family): (market: string) => boolean {
  const codes = [...family.baselines, ...family.variants].filter(isLive).flatMap(d => d.meta.markets)
  if (codes.includes(GLOBAL)) return () => true
  const named = concreteMarkets(taxonomy, codes)
  return market => named.has(market) || codes.includes(market)
}

function familyRow(
  taxonomy: Taxonomy,
  family: Family,
  markets: readonly string[],
  scope: Config['coverage']['scope'],
): FamilyCoverage {
  const live = familyOf(family, isLive)
  const inScope = scope === 'all' ? () => true : familyScope(taxonomy, family)
  const head = baselineOf(live) ?? live.variants[0]
  const variants = [...new Set(live.variants.flatMap(d => d.meta.markets))].sort()
  // A family some markets have localised: the others reading the baseline is a gap worth showing.
  const localised = live.variants.length > 0
  const baseline = baselineOf(live)
  const cells = markets.map((market): CoverageCell => {
    const {read, pending} = readingFor(taxonomy, live, market)
    const cell: CoverageCell = read
      ? {
          market,
          state: read.via === 'market' ? 'own' : read.via,
          file: read.document.file,
          status: read.document.meta.status,
          gap: read.via === 'baseline' && localised,
        }
      : {market, state: 'none', gap: true}
    if (!inScope(market)) {
      cell.gap = false
      cell.outOfScope = true
    }
    if (read?.via === 'region') cell.region = read.region
    if (read && read.via !== 'baseline' && baseline && isOutdated(read.document, baseline)) cell.outdated = true
    if (pending) cell.pending = {file: pending.document.file, status: pending.document.meta.status ?? 'no status'}
    return cell
  })
  return {id: family.id, title: head?.meta.title ?? family.id, type: head?.meta.type ?? '', variants, cells}
}

function marketChannels(
  taxonomy: Taxonomy,
  families: readonly Family[],
  market: string,
  channels: readonly string[],
): MarketChannels {
  const ids = new Map<string, string[]>(channels.map(c => [c, []]))
  for (const family of families) {
    const {read} = readingFor(taxonomy, family, market)
    for (const channel of read?.document.meta.channels ?? []) ids.get(channel)?.push(family.id)
  }
  const cells: ChannelCell[] = channels.map(channel => ({channel, ids: ids.get(channel)!}))
  return {market, channels: cells, missing: cells.filter(c => c.ids.length === 0).map(c => c.channel)}
}
