// Families, baselines and variants, and the one variant resolver (market → region → GLOBAL).
import type SemVer from 'semver/classes/semver.js'
import parse from 'semver/functions/parse.js'
import type {Config, Taxonomy} from './config.js'
import type {SopDocument} from './document.js'
import {memo} from './memo.js'
import {GLOBAL} from './taxonomy.js'

/** All documents sharing an id. */
export interface Family {
  id: string
  /** The documents whose markets include GLOBAL (one, when the library is sound). */
  baselines: SopDocument[]
  /** Market variants: every other document of the family. */
  variants: SopDocument[]
}

export interface Library {
  config: Config
  documents: SopDocument[]
  families: Map<string, Family>
  byPath: Map<string, SopDocument>
  /**
   * Documents by their path and by their id as case- and normalisation-insensitive file systems
   * see them (`path:` and `id:` keys, see `foldName`): names that are one name on macOS and Windows.
   */
  byFoldedName: Map<string, SopDocument[]>
}

export function buildLibrary(config: Config, documents: SopDocument[]): Library {
  const library: Library = {config, documents: [], families: new Map(), byPath: new Map(), byFoldedName: new Map()}
  for (const doc of documents) addDocument(library, doc)
  return library
}

/** One spelling per name as case-insensitive, normalisation-insensitive file systems see it. */
export function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase().normalize('NFC')
}

function foldedKeys(doc: SopDocument): string[] {
  return doc.meta.id ? [`path:${foldName(doc.file)}`, `id:${foldName(doc.meta.id)}`] : [`path:${foldName(doc.file)}`]
}

const revisions = new WeakMap<Library, number>()

/** Changes with every document added or removed, so a cache of the library can tell it is stale. */
export function revisionOf(library: Library): number {
  return revisions.get(library) ?? 0
}

/** Add a document in O(1): `import` grows one library row by row instead of rebuilding it. */
export function addDocument(library: Library, doc: SopDocument): void {
  library.documents.push(doc)
  library.byPath.set(doc.absPath, doc)
  for (const key of foldedKeys(doc)) memo(library.byFoldedName, key, () => []).push(doc)
  const id = doc.meta.id
  if (id) {
    const family = memo(library.families, id, () => ({id, baselines: [], variants: []}))
    if (doc.isBaseline()) family.baselines.push(doc)
    else family.variants.push(doc)
  }
  revisions.set(library, revisionOf(library) + 1)
}

/** Take back the document added last (a candidate that was checked and refused). */
export function removeLastDocument(library: Library, doc: SopDocument): void {
  if (library.documents.at(-1) !== doc) throw new Error('removeLastDocument: not the last document added')
  library.documents.pop()
  if (library.byPath.get(doc.absPath) === doc) library.byPath.delete(doc.absPath)
  for (const key of foldedKeys(doc)) {
    const docs = library.byFoldedName.get(key)
    if (docs?.at(-1) === doc) docs.pop()
    if (docs?.length === 0) library.byFoldedName.delete(key)
  }
  const family = doc.meta.id ? library.families.get(doc.meta.id) : undefined
  if (family) {
    const members = doc.isBaseline() ? family.baselines : family.variants
    if (members.at(-1) === doc) members.pop()
    if (family.baselines.length + family.variants.length === 0) library.families.delete(family.id)
  }
  revisions.set(library, revisionOf(library) + 1)
}

export function baselineOf(family: Family): SopDocument | undefined {
  return family.baselines[0]
}

export type Resolution =
  | {via: 'market'; document: SopDocument}
  | {via: 'region'; region: string; document: SopDocument}
  | {via: 'baseline'; document: SopDocument}

/**
 * The document a market reads for a family: the market's own variant, else the variant of the
 * market's first region that has one, else the baseline. `undefined` when none applies.
 */
export function resolveVariant(taxonomy: Taxonomy, family: Family, market: string, exclude?: SopDocument): Resolution | undefined {
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
export function inheritedFor(taxonomy: Taxonomy, family: Family, variant: SopDocument): Resolution | undefined {
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
export function isOutdated(variant: SopDocument, baseline: SopDocument): boolean {
  const basedOn = semverOf(variant.meta.based_on ?? '')
  const current = semverOf(baseline.meta.version ?? '')
  return Boolean(basedOn && current && basedOn.compare(current) < 0)
}
