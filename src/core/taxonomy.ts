// Questions asked of the taxonomy: is a code known, what does it expand to, what does it require.
import {distance} from 'fastest-levenshtein'
import type {Requirement} from './catalogue.js'
import type {Config, Taxonomy} from './config.js'

export const GLOBAL = 'GLOBAL'

/** A market code, a region code or GLOBAL. */
export function isKnownMarket(taxonomy: Taxonomy, code: string): boolean {
  return code === GLOBAL || code in taxonomy.markets || code in taxonomy.regions
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
}

export interface RequiredTag {
  tag: string
  reason: string
}

const requiredCache = new WeakMap<Config, Map<string, RequiredTag[]>>()

/** The compliance tags the config requires of a document with these markets, channels, type and topics. */
export function requiredCompliance(config: Config, facts: ApplicableFacts): RequiredTag[] {
  // A library repeats a handful of market/channel/type combinations thousands of times.
  const key = JSON.stringify([facts.markets, facts.channels, facts.type, facts.topics])
  let cache = requiredCache.get(config)
  if (!cache) requiredCache.set(config, (cache = new Map()))
  let tags = cache.get(key)
  if (!tags) cache.set(key, (tags = computeRequired(config, facts)))
  return tags
}

function computeRequired(config: Config, facts: ApplicableFacts): RequiredTag[] {
  const {taxonomy} = config
  const concrete = concreteMarkets(taxonomy, facts.markets)
  const out = new Map<string, string>()
  for (const req of config.requirements) {
    if (!matches(req, taxonomy, facts, concrete)) continue
    for (const tag of req.require.compliance) if (!out.has(tag)) out.set(tag, req.reason ?? describe(req))
  }
  return [...out].map(([tag, reason]) => ({tag, reason}))
}

function matches(req: Requirement, taxonomy: Taxonomy, facts: ApplicableFacts, concrete: Set<string>): boolean {
  const {market, region, channel, type, topic} = req.when
  if (market && !market.some((m) => concrete.has(m))) return false
  if (region && !region.some((r) => facts.markets.includes(r) || [...concrete].some((m) => regionMarkets(taxonomy, r).has(m)))) return false
  if (channel && !channel.some((c) => facts.channels.includes(c))) return false
  if (type && !(facts.type && type.includes(facts.type))) return false
  if (topic && !topic.some((t) => facts.topics.includes(t))) return false
  return true
}

const regionSets = new WeakMap<Taxonomy, Map<string, Set<string>>>()

/** A region's markets as a set, built once per taxonomy (requirements test membership a lot). */
function regionMarkets(taxonomy: Taxonomy, region: string): Set<string> {
  let sets = regionSets.get(taxonomy)
  if (!sets) regionSets.set(taxonomy, (sets = new Map()))
  let markets = sets.get(region)
  if (!markets) sets.set(region, (markets = new Set(taxonomy.regions[region]?.markets ?? [])))
  return markets
}

function describe(req: Requirement): string {
  return Object.entries(req.when).map(([k, v]) => `${k} ${(v as string[]).join('|')}`).join(' and ')
}
