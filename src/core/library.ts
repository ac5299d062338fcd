// Families, baselines and variants, and the one variant resolver (market → region → GLOBAL).
import type SemVer from 'semver/classes/semver.js'
import parse from 'semver/functions/parse.js'
import type {Config, Taxonomy} from './config.js'
import {type DocumentMeta, type SopDocument, isBaseline} from './document.js'
import {memo} from './memo.js'
import {GLOBAL} from './taxonomy.js'
import type {Upstream} from './upstream.js'

/** What a library is made of: whole documents (`SopDocument`) or, for library rules, summaries (`DocumentSummary`). */
export interface Member {
  readonly absPath: string
  readonly meta: DocumentMeta
}

/** All documents sharing an id. */
export interface Family<D extends Member = SopDocument> {
  id: string
  /** The documents whose markets include GLOBAL (one, when the library is sound). */
  baselines: D[]
  /** Market variants: every other document of the family. */
  variants: D[]
}

export interface Library<D extends Member = SopDocument> {
  config: Config
  documents: D[]
  families: Map<string, Family<D>>
  byPath: Map<string, D>
  /** Merge bases from git, when the caller looked them up (see core/upstream); else drift is judged against today's baseline. */
  upstream?: Upstream
}

export function buildLibrary<D extends Member>(config: Config, documents: D[]): Library<D> {
  const families = new Map<string, Family<D>>()
  const byPath = new Map<string, D>()
  for (const doc of documents) {
    byPath.set(doc.absPath, doc)
    const id = doc.meta.id
    if (!id) continue
    const family = memo(families, id, (): Family<D> => ({id, baselines: [], variants: []}))
    if (isBaseline(doc)) family.baselines.push(doc)
    else family.variants.push(doc)
  }
  return {config, documents, families, byPath}
}

export function baselineOf<D extends Member>(family: Family<D>): D | undefined {
  return family.baselines[0]
}

export type Resolution<D extends Member = SopDocument> =
  | {via: 'market'; document: D}
  | {via: 'region'; region: string; document: D}
  | {via: 'baseline'; document: D}

/**
 * The document a market reads for a family: the market's own variant, else the variant of the
 * market's first region that has one, else the baseline. `undefined` when none applies.
 */
export function resolveVariant<D extends Member>(taxonomy: Taxonomy, family: Family<D>, market: string, exclude?: D)
  : Resolution<D> | undefined {
  const variants = family.variants.filter((d) => d !== exclude)
  const own = variants.find((d) => d.meta.markets.includes(market))
  if (own) return {via: 'market', document: own}
  for (const region of taxonomy.markets[market]?.regions ?? []) {
    const regional = variants.find((d) => d.meta.markets.includes(region))
    if (regional) return {via: 'region', region, document: regional}
  }
  const baseline = family.baselines.find((d) => d !== exclude)
  return baseline ? {via: 'baseline', document: baseline} : undefined
}

/**
 * What a variant's market would read if no variant named that market: the variant of one of its
 * regions, else the baseline. A multi-market variant is judged by its first market.
 */
export function inheritedFor<D extends Member>(taxonomy: Taxonomy, family: Family<D>, variant: D)
  : Resolution<D> | undefined {
  const market = variant.meta.markets.find((m) => m !== GLOBAL)
  if (!market) return undefined
  for (const region of taxonomy.markets[market]?.regions ?? []) {
    const regional = family.variants.find((d) => d !== variant && d.meta.markets.includes(region))
    if (regional) return {via: 'region', region, document: regional}
  }
  const baseline = baselineOf(family)
  return baseline ? {via: 'baseline', document: baseline} : undefined
}

const versions = new Map<string, SemVer | null>()

/** The semantic version a string names (semver's loose reading), or null; parsed once per distinct string. */
export function semverOf(value: string): SemVer | null {
  return memo(versions, value, (v) => parse(v))
}

/** True when a variant's `based_on` is an older version than its baseline's. */
export function isOutdated(variant: Member, baseline: Member): boolean {
  const basedOn = semverOf(variant.meta.based_on ?? '')
  const current = semverOf(baseline.meta.version ?? '')
  return Boolean(basedOn && current && basedOn.compare(current) < 0)
}
