// Questions asked of the taxonomy: is a code known, what does it expand to, what does it require.
import {distance} from 'fastest-levenshtein'
import type {Requirement} from './catalogue.js'
import type {Config, Taxonomy} from './config.js'
import {todayUtc} from './dates.js'
import {SopkitError} from './errors.js'
import {mapFor, memo} from './memo.js'

export const GLOBAL = 'GLOBAL'

/** A market code, a region code or GLOBAL (own keys only: "constructor" is not a market). */
export function isKnownMarket(taxonomy: Taxonomy, code: string): boolean {
  return code === GLOBAL || Object.hasOwn(taxonomy.markets, code) || Object.hasOwn(taxonomy.regions, code)
}

/** GLOBAL, the region codes and the market codes: the "did you mean" candidates and prompt choices. */
export function marketCodes(taxonomy: Taxonomy): string[] {
  return [GLOBAL, ...Object.keys(taxonomy.regions), ...Object.keys(taxonomy.markets)]
}

/**
 * Spellings people type for a market that are neither its code nor the taxonomy's name for it: the
 * EU's EL for Greece, UK for the United Kingdom, and a few everyday names (upper case).
 */
const MARKET_ALIASES: Readonly<Record<string, string>> = {
  UK: 'GB',
  EL: 'GR',
  'GREAT BRITAIN': 'GB',
  BRITAIN: 'GB',
  USA: 'US',
  'UNITED STATES OF AMERICA': 'US',
  UAE: 'AE',
  KOREA: 'KR',
  'REPUBLIC OF KOREA': 'KR',
  'CZECH REPUBLIC': 'CZ',
  HOLLAND: 'NL',
  'THE NETHERLANDS': 'NL',
  'VIET NAM': 'VN',
  'HONG KONG': 'HK',
  MACAU: 'MO',
  MACAO: 'MO',
}

/**
 * The code a user means by `value`: a market or region code or GLOBAL in any case (sg → SG), the
 * taxonomy's name for it (Germany → DE, "European Union" → EU), or a common alias (UK → GB, EL → GR).
 * Undefined when it means none. A code the config defines itself always wins over an alias.
 */
export function marketCodeOf(taxonomy: Taxonomy, value: string): string | undefined {
  const wanted = value.trim().replace(/\s+/g, ' ')
  const upper = wanted.toUpperCase()
  if (isKnownMarket(taxonomy, upper)) return upper
  const byName = marketNames(taxonomy).get(wanted.toLowerCase())
  if (byName !== undefined) return byName
  const alias = Object.hasOwn(MARKET_ALIASES, upper) ? MARKET_ALIASES[upper] : undefined
  return alias !== undefined && isKnownMarket(taxonomy, alias) ? alias : undefined
}

/**
 * The code to suggest for an unknown market, the one "did you mean" every command and rule gives:
 * what `marketCodeOf` reads it as (UK → GB, never UA), else the closest code, else the code of the
 * closest name (Germny → DE). `also` are further words the caller accepts (export's `all`).
 */
export function suggestMarket(taxonomy: Taxonomy, value: string, also: readonly string[] = []): string | undefined {
  const meant = marketCodeOf(taxonomy, value)
  if (meant !== undefined) return meant
  const byCode = suggest(value, [...marketCodes(taxonomy), ...also])
  if (byCode !== undefined || value.trim().length <= 3) return byCode
  const names = marketNames(taxonomy)
  const name = suggest(value.trim(), names.keys())
  return name === undefined ? undefined : names.get(name)
}

const namesByTaxonomy = new WeakMap<Taxonomy, Map<string, string>>()

/**
 * Every market's and then every region's name, in lower case, with the code of the first that
 * bears it: built once a taxonomy, as every unknown market of a library asks for it.
 */
function marketNames(taxonomy: Taxonomy): Map<string, string> {
  return memo(namesByTaxonomy, taxonomy, () => {
    const names = new Map<string, string>()
    const tables: Array<Record<string, {name: string}>> = [taxonomy.markets, taxonomy.regions]
    for (const table of tables)
      for (const [code, {name}] of Object.entries(table)) memo(names, name.toLowerCase(), () => code)
    return names
  })
}

const MARKET_MEND = 'use an ISO 3166-1 alpha-2 code (SG, DE), a region of the taxonomy (EU, SEA ...) or GLOBAL'

/**
 * Why a market code is not one the taxonomy knows, in the one wording every command uses, or
 * undefined when it is known. `also` are further words the caller accepts (export's `all`).
 */
export function unknownMarket(
  taxonomy: Taxonomy,
  code: string,
  also: readonly string[] = [],
): {hint: string; mend: string} | undefined {
  if (isKnownMarket(taxonomy, code) || also.includes(code)) return undefined
  return {
    hint: didYouMean(suggestMarket(taxonomy, code, also)),
    mend: also.length > 0 ? `${MARKET_MEND}, or ${also.join(' or ')}` : MARKET_MEND,
  }
}

/** `unknown market "XX" (did you mean "AX"?)` for a value, or undefined when it is known. */
export function unknownMarketMessage(taxonomy: Taxonomy, code: string): {message: string; mend: string} | undefined {
  const unknown = unknownMarket(taxonomy, code)
  return unknown && {message: `unknown market "${code}"${unknown.hint}`, mend: unknown.mend}
}

/**
 * The code a flag's market value means (`--market uk` → GB, `--market Germany` → DE; an `also` word
 * as given), or exit 2 (`--market XX: unknown market (did you mean "AX"?)`).
 */
export function requireKnownMarket(
  taxonomy: Taxonomy,
  code: string,
  flag: string,
  also: readonly string[] = [],
): string {
  if (also.includes(code)) return code
  const meant = marketCodeOf(taxonomy, code)
  if (meant !== undefined) return meant
  const unknown = unknownMarket(taxonomy, code, also)!
  throw new SopkitError('UNKNOWN_MARKET', `${flag} ${code}: unknown market${unknown.hint}`, unknown.mend)
}

/** The concrete markets a list of market and region codes covers (GLOBAL covers none by name). */
export function concreteMarkets(taxonomy: Taxonomy, codes: readonly string[]): Set<string> {
  const out = new Set<string>()
  for (const code of codes) {
    if (taxonomy.regions[code]) for (const m of taxonomy.regions[code].markets) out.add(m)
    else if (taxonomy.markets[code]) out.add(code)
  }
  return out
}

const suggestionsFor = new WeakMap<object, Map<string, string | undefined>>()

/**
 * `suggest` among a config's list or a table's own keys (statuses, types, channels, compliance
 * tags), worked out once per distinct value: a library misspells the same few values many times.
 */
export function suggestAmong(
  known: readonly string[] | Readonly<Record<string, unknown>>,
  value: string,
): string | undefined {
  const byValue = mapFor(suggestionsFor, known)
  if (!byValue.has(value)) byValue.set(value, suggest(value, Array.isArray(known) ? known : Object.keys(known)))
  return byValue.get(value)
}

/** The closest known value, for "did you mean": same letters in another case first, then edit distance ≤ 2. */
export function suggest(value: string, candidates: Iterable<string>): string | undefined {
  const lower = value.toLowerCase()
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const c of candidates) {
    if (c.toLowerCase() === lower) return c
    // Ties go to the candidate that starts like the value: "SGG" means SG more likely than GG.
    const d = distance(lower, c.toLowerCase()) + (c[0]?.toLowerCase() === lower[0] ? 0 : 0.5)
    if (d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  const limit = value.length <= 3 ? 1 : 2
  return bestDistance <= limit + 0.5 ? best : undefined
}

/** ` (did you mean "X"?)` for a suggestion, or nothing: the one wording every message uses. */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion ? ` (did you mean "${suggestion}"?)` : ''
}

export interface ApplicableFacts {
  markets: readonly string[]
  channels: readonly string[]
  type?: string
  topics: readonly string[]
  /** The run's date (YYYY-MM-DD): requirements with a later `from` do not apply yet. Today (UTC) by default. */
  today?: string
}

export interface RequiredTag {
  tag: string
  reason: string
}

const byMarkets = new WeakMap<Config, Map<string, Requirement[]>>()

/** The compliance tags the config requires of a document with these markets, channels, type and topics. */
export function requiredCompliance(config: Config, facts: ApplicableFacts): RequiredTag[] {
  const out = new Map<string, string>()
  const today = facts.today ?? todayUtc()
  for (const req of requirementsForMarkets(config, facts.markets)) {
    if (!matchesOtherFacts(req, facts) || (req.from !== undefined && req.from > today)) continue
    for (const tag of req.require.compliance) if (!out.has(tag)) out.set(tag, reasonOf(req))
  }
  return [...out].map(([tag, reason]) => ({tag, reason}))
}

/**
 * The requirements whose market and region conditions these markets meet, in config order. A
 * library lists a few dozen market combinations but thousands of market, channel, type and topic
 * ones, so this, the costly half, is what is remembered.
 */
function requirementsForMarkets(config: Config, markets: readonly string[]): Requirement[] {
  return memo(mapFor(byMarkets, config), JSON.stringify(markets), () => {
    const concrete = concreteMarkets(config.taxonomy, markets)
    return config.requirements.filter(req => matchesMarkets(req, config.taxonomy, markets, concrete))
  })
}

function matchesMarkets(
  req: Requirement,
  taxonomy: Taxonomy,
  markets: readonly string[],
  concrete: Set<string>,
): boolean {
  const {market, region} = req.when
  if (market && !market.some(m => concrete.has(m))) return false
  if (region && !region.some(r => markets.includes(r) || [...concrete].some(m => regionMarkets(taxonomy, r).has(m))))
    return false
  return true
}

function matchesOtherFacts(req: Requirement, facts: ApplicableFacts): boolean {
  const {channel, type, topic} = req.when
  if (channel && !channel.some(c => facts.channels.includes(c))) return false
  if (type && !(facts.type && type.includes(facts.type))) return false
  if (topic && !topic.some(t => facts.topics.includes(t))) return false
  return true
}

const regionSets = new WeakMap<Taxonomy, Map<string, Set<string>>>()

/** A region's markets as a set, built once per taxonomy (requirements test membership a lot). */
function regionMarkets(taxonomy: Taxonomy, region: string): Set<string> {
  return memo(mapFor(regionSets, taxonomy), region, () => new Set(taxonomy.regions[region]?.markets ?? []))
}

/** The requirement's reason (or its conditions), with the law and article that impose it. */
function reasonOf(req: Requirement): string {
  const reason = req.reason ?? describe(req)
  return req.citation ? `${reason} (${req.citation})` : reason
}

const descriptions = new WeakMap<Requirement, string>()

/** "market DE|AT and channel chatbot": why a requirement with no reason of its own applies. */
function describe(req: Requirement): string {
  return memo(descriptions, req, () =>
    Object.entries(req.when)
      .map(([k, v]) => `${k} ${(v as string[]).join('|')}`)
      .join(' and '),
  )
}
