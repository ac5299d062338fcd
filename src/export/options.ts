// What the user asked for, checked against the config before anything is assembled: unknown
// markets, channels, types and statuses are exit-2 errors with a "did you mean".
import type {Config} from '../core/config.js'
import {dateFlag, todayUtc} from '../core/dates.js'
import {SopkitError} from '../core/errors.js'
import type {Library} from '../core/library.js'
import {didYouMean, GLOBAL, isKnownMarket, requireKnownMarket, suggest} from '../core/taxonomy.js'
import type {PlaybookOptions} from './model.js'

export const DEFAULT_STATUSES = ['approved']

/** Throws the first unknown value among the options, naming the flag and the closest known value. */
export function checkOptions(config: Config, options: Omit<PlaybookOptions, 'date'>): void {
  const {taxonomy} = config
  requireKnownMarket(taxonomy, options.market, '--market', ['all'])
  for (const c of options.channels)
    if (!taxonomy.channels[c]) unknown('--channel', 'channel', c, Object.keys(taxonomy.channels))
  for (const t of options.types) if (!config.types[t]) unknown('--type', 'document type', t, Object.keys(config.types))
  for (const s of options.statuses) if (!config.statuses.includes(s)) unknown('--status', 'status', s, config.statuses)
}

function unknown(flag: string, noun: string, value: string, known: string[]): never {
  const hint = suggest(value, known)
  throw new SopkitError(
    `UNKNOWN_${flag.slice(2).toUpperCase()}`,
    `${flag} ${value}: unknown ${noun}${didYouMean(hint)}`,
    `use one of ${known.join(', ')}`,
  )
}

/**
 * The cover date: --date, else SOURCE_DATE_EPOCH (reproducible builds' convention), else today
 * (UTC): see core/dates `todayUtc`. Never a time of day, so the same inputs and date give the same bytes.
 */
export function exportDate(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag === undefined ? todayUtc(env) : dateFlag(flag)
}

/**
 * The markets `--market all` exports: every market or region some document names, and GLOBAL.
 * Not all 249 ISO markets: one that no document names reads exactly what GLOBAL reads.
 */
export function namedMarkets(library: Library): string[] {
  const codes = new Set<string>([GLOBAL])
  for (const doc of library.documents)
    if (doc.meta.id) for (const m of doc.meta.markets) if (isKnownMarket(library.config.taxonomy, m)) codes.add(m)
  return [...codes].sort()
}
