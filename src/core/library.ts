// Families, baselines and variants, and the one variant resolver (market → region → GLOBAL, status first).
import type SemVer from 'semver/classes/semver.js'
import parse from 'semver/functions/parse.js'
import type {Config, Taxonomy} from './config.js'
import {type DocumentMeta, type DocumentSummary, type SopDocument, isBaseline} from './document.js'
import {memo} from './memo.js'
import {effectiveDocument, isEffective, isOverlay} from './overlay.js'
import {familyOf, isApproved, isLive} from './status.js'
import {GLOBAL} from './taxonomy.js'
import type {Upstream} from './upstream.js'

/** The two kinds of document a library is built from. */
export type LibraryDoc = SopDocument | DocumentSummary

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
  /**
   * The first document of each path and id as case- and normalisation-insensitive file systems
   * see them (`path:` and `id:` keys, see `foldName`): names that are one name on macOS and Windows.
   */
  byFoldedName: Map<string, D>
  /** Every document of a folded name that is spelled in two ways or more: empty in a sound library. */
  collidingNames: Map<string, D[]>
}

/**
 * Group documents into families. An overlay variant is replaced by its effective document
 * (core/overlay) in `documents`, its family and `byPath`: every command reads that one. A library
 * of summaries gets effective summaries (the overlay's own sections placed among the baseline's).
 */
export function buildLibrary<D extends LibraryDoc>(config: Config, documents: D[]): Library<D> {
  const library: Library<D> = {
    config,
    documents: [],
    families: new Map(),
    byPath: new Map(),
    byFoldedName: new Map(),
    collidingNames: new Map(),
  }
  for (const doc of documents) addDocument(library, doc)
  return applyOverlays(library)
}

const ASCII = /^\p{ASCII}*$/u

/** One spelling per name as case-insensitive, normalisation-insensitive file systems see it. */
export function foldName(name: string): string {
  // ASCII is its own normal form: most names skip both normalisations.
  if (ASCII.test(name)) return name.toLowerCase()
  return name.normalize('NFC').toLowerCase().normalize('NFC')
}

function foldedKeys(doc: LibraryDoc): string[] {
  return doc.meta.id ? [`path:${foldName(doc.file)}`, `id:${foldName(doc.meta.id)}`] : [`path:${foldName(doc.file)}`]
}

/** How `doc` spells the name a folded key stands for. */
export function spellingOf(doc: LibraryDoc, key: string): string | undefined {
  return key.startsWith('path:') ? doc.file : doc.meta.id
}

/**
 * Index `doc` under its folded names. A name is spelled once in a sound library, so only the
 * first document is kept; on a second spelling the name's documents so far (the first one's
 * path, or its family) start a list of the colliding documents.
 */
function indexFoldedNames<D extends LibraryDoc>(library: Library<D>, doc: D): void {
  for (const key of foldedKeys(doc)) {
    const first = memo(library.byFoldedName, key, () => doc)
    const colliding = library.collidingNames.get(key)
    if (colliding) colliding.push(doc)
    else if (spellingOf(first, key) !== spellingOf(doc, key)) {
      const family = key.startsWith('id:') && first.meta.id ? library.families.get(first.meta.id) : undefined
      library.collidingNames.set(key, [...(family ? [...family.baselines, ...family.variants] : [first]), doc])
    }
  }
}

const revisions = new WeakMap<object, number>()

/** Changes with every document added or removed, so a cache of the library can tell it is stale. */
export function revisionOf(library: object): number {
  return revisions.get(library) ?? 0
}

/** Add a document in O(1): `import` grows one library row by row instead of rebuilding it. */
export function addDocument<D extends LibraryDoc>(library: Library<D>, doc: D): void {
  library.documents.push(doc)
  library.byPath.set(doc.absPath, doc)
  indexFoldedNames(library, doc)
  const id = doc.meta.id
  if (id) {
    const family = memo(library.families, id, (): Family<D> => ({id, baselines: [], variants: []}))
    if (isBaseline(doc)) family.baselines.push(doc)
    else family.variants.push(doc)
  }
  revisions.set(library, revisionOf(library) + 1)
}

/** Take back the document added last (a candidate that was checked and refused). */
export function removeLastDocument<D extends LibraryDoc>(library: Library<D>, doc: D): void {
  if (library.documents.at(-1) !== doc) throw new Error('removeLastDocument: not the last document added')
  library.documents.pop()
  if (library.byPath.get(doc.absPath) === doc) library.byPath.delete(doc.absPath)
  for (const key of foldedKeys(doc)) {
    if (library.byFoldedName.get(key) === doc) library.byFoldedName.delete(key)
    const colliding = library.collidingNames.get(key)
    if (colliding?.at(-1) === doc) colliding.pop()
    if (colliding?.every(d => spellingOf(d, key) === spellingOf(colliding[0]!, key))) library.collidingNames.delete(key)
  }
  const family = doc.meta.id ? library.families.get(doc.meta.id) : undefined
  if (family) {
    const members = isBaseline(doc) ? family.baselines : family.variants
    if (members.at(-1) === doc) members.pop()
    if (family.baselines.length + family.variants.length === 0) library.families.delete(family.id)
  }
  revisions.set(library, revisionOf(library) + 1)
}

function applyOverlays<D extends LibraryDoc>(library: Library<D>): Library<D> {
  const replaced = new Map<D, D>()
  for (const family of library.families.values()) {
    const baseline = baselineOf(family)
    if (!baseline || !isSound(baseline) || !family.variants.some(isOverlay)) continue
    family.variants = family.variants.map(variant => {
      if (!isOverlay(variant) || !isSound(variant) || isEffective(variant)) return variant
      const effective = effectiveDocument(variant, baseline)
      library.byPath.set(variant.absPath, effective)
      replaced.set(variant, effective)
      return effective
    })
  }
  if (replaced.size > 0) library.documents = library.documents.map(d => replaced.get(d) ?? d)
  return library
}

function isSound(doc: LibraryDoc): boolean {
  return !doc.readProblem && doc.problems.length === 0
}

export function baselineOf<D extends Member>(family: Family<D>): D | undefined {
  return family.baselines[0]
}

export type Resolution<D extends Member = SopDocument> =
  {via: 'market'; document: D} | {via: 'region'; region: string; document: D} | {via: 'baseline'; document: D}

/**
 * The document a market reads for a family: the market's own variant, else the variant of the
 * market's first region that has one, else the baseline. `undefined` when none applies.
 */
export function resolveVariant<D extends Member>(
  taxonomy: Taxonomy,
  family: Family<D>,
  market: string,
  exclude?: D,
): Resolution<D> | undefined {
  const variants = family.variants.filter(d => d !== exclude)
  const own = variants.find(d => d.meta.markets.includes(market))
  if (own) return {via: 'market', document: own}
  for (const region of taxonomy.markets[market]?.regions ?? []) {
    const regional = variants.find(d => d.meta.markets.includes(region))
    if (regional) return {via: 'region', region, document: regional}
  }
  const baseline = family.baselines.find(d => d !== exclude)
  return baseline ? {via: 'baseline', document: baseline} : undefined
}

/**
 * What market `market` reads of a family, with status applied before resolving: `read` is resolved
 * among the documents in force only (approved, unless the caller names other statuses), so a draft
 * variant leaves the market on the approved baseline; `pending` is the more specific live document
 * that is not in force yet, so that every command can show it as a draft, never as "no variant".
 */
export interface MarketReading<D extends Member = SopDocument> {
  read?: Resolution<D>
  pending?: Resolution<D>
}

export function readingFor<D extends Member>(
  taxonomy: Taxonomy,
  family: Family<D>,
  market: string,
  options: {inForce?: (doc: D) => boolean; exclude?: D} = {},
): MarketReading<D> {
  const inForce = options.inForce ?? isApproved
  const read = resolveVariant(taxonomy, familyOf(family, inForce), market, options.exclude)
  const preferred = resolveVariant(taxonomy, familyOf(family, isLive), market, options.exclude)
  const pending =
    preferred && preferred.document !== read?.document && !inForce(preferred.document) ? preferred : undefined
  return pending ? {read, pending} : {read}
}

/**
 * What a variant is judged against: what its market would read without it (in force first, else
 * whatever applies). An overlay always sits on the baseline. A multi-market variant is judged by
 * its first market.
 */
export function inheritedBy<D extends Member>(
  taxonomy: Taxonomy,
  family: Family<D>,
  variant: D,
): Resolution<D> | undefined {
  const market = variant.meta.markets.find(m => m !== GLOBAL)
  const baseline = baselineOf(family)
  if (!market || (isOverlay(variant) && baseline)) return baseline ? {via: 'baseline', document: baseline} : undefined
  return (
    readingFor(taxonomy, family, market, {exclude: variant}).read ?? resolveVariant(taxonomy, family, market, variant)
  )
}

const versions = new Map<string, SemVer | null>()

/** The semantic version a string names (semver's loose reading), or null; parsed once per distinct string. */
export function semverOf(value: string): SemVer | null {
  return memo(versions, value, v => parse(v))
}

/** True when a variant's `based_on` is an older version than its baseline's. */
export function isOutdated(variant: Member, baseline: Member): boolean {
  const basedOn = semverOf(variant.meta.based_on ?? '')
  const current = semverOf(baseline.meta.version ?? '')
  return Boolean(basedOn && current && basedOn.compare(current) < 0)
}
