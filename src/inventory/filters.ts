// Filter values from flags, checked against the config (exit 2 with "did you mean" for a typo),
// and the one meaning of "a document applies to a market".
import type {Config, Taxonomy} from '../core/config.js'
import {SopkitError} from '../core/errors.js'
import {didYouMean, GLOBAL, requireKnownMarket, suggest} from '../core/taxonomy.js'
import type {InventoryFilters} from './model.js'

export interface FilterFlags {
  market?: string[]
  channel?: string[]
  type?: string[]
  status?: string[]
  owner?: string[]
  overdue?: boolean
}

/** Market codes, names or aliases (sg → SG, Germany → DE, UK → GB), each one a market, region or GLOBAL. */
export function marketFilter(config: Config, values: readonly string[] = [], flag = '--market'): string[] {
  return [...new Set(values.map(v => requireKnownMarket(config.taxonomy, v, flag)))]
}

function listFilter(values: readonly string[] = [], known: readonly string[], flag: string): string[] {
  for (const v of values) {
    if (known.includes(v)) continue
    const hint = suggest(v, known)
    throw new SopkitError(
      'INVALID_VALUE',
      `${flag} ${v}: not one of the config's values${didYouMean(hint)}`,
      `use one of ${known.join(', ')}`,
    )
  }
  return [...new Set(values)]
}

/** Every filter flag checked and normalised. */
export function inventoryFilters(config: Config, flags: FilterFlags): InventoryFilters {
  return {
    markets: marketFilter(config, flags.market),
    channels: listFilter(flags.channel, Object.keys(config.taxonomy.channels), '--channel'),
    types: listFilter(flags.type, Object.keys(config.types), '--type'),
    statuses: listFilter(flags.status, config.statuses, '--status'),
    owners: (flags.owner ?? []).map(o => o.trim()).filter(o => o !== ''),
    overdue: flags.overdue ?? false,
  }
}

/**
 * A document applies to market M when its markets name M, a region M belongs to, or GLOBAL. For a
 * region R, it applies when its markets name R, a market of R, or GLOBAL; `GLOBAL` alone selects
 * the baselines. So `--market DE` lists what German agents may read: DE's own, EU's and GLOBAL's.
 */
export function appliesToMarket(taxonomy: Taxonomy, documentMarkets: readonly string[], market: string): boolean {
  if (documentMarkets.includes(GLOBAL) || documentMarkets.includes(market)) return true
  if (market === GLOBAL) return false
  if (Object.hasOwn(taxonomy.markets, market))
    return documentMarkets.some(
      code => Object.hasOwn(taxonomy.regions, code) && taxonomy.regions[code]!.markets.includes(market),
    )
  const region = Object.hasOwn(taxonomy.regions, market) ? taxonomy.regions[market] : undefined
  return Boolean(region && documentMarkets.some(code => region.markets.includes(code)))
}

/** `--owner` matches the owner in any case, with or without the @ of a team or the domain of an email. */
export function ownerMatches(owner: string, wanted: string): boolean {
  const norm = (s: string) => s.trim().toLowerCase().replace(/^@/, '')
  const o = norm(owner)
  const w = norm(wanted)
  return o === w || (!w.includes('@') && o.startsWith(`${w}@`))
}

/** The day overdue is judged on: a `--date` value, or today (UTC). */
