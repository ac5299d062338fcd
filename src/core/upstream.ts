// Merge bases from git: for each variant that needs one, the baseline as it stood at the
// variant's `based_on`; and, per baseline, whether its content moved on since its version was set.
import {SopDocument, isBaseline} from './document.js'
import {type AnySection, compareSections, deviationFor} from './drift.js'
import {SopkitError} from './errors.js'
import {type FileRevision, type NoHistory, type RepoHistory, openHistory} from './history.js'
import {type Library, type LibraryDoc, baselineOf} from './library.js'
import {type ThreeWaySection, threeWay} from './three-way.js'

export interface MergeBase {
  version: string
  commit: string
  /** The baseline's text at that commit, read as a document. */
  document: SopDocument
}

/** Why a variant that needs a merge base has none. */
export type MissingBase = NoHistory | 'never-committed'

export interface VersionBump {
  version: string
  /** The commit that set the version the baseline still has. */
  commit: string
}

export interface Upstream {
  /** The variant's merge base: only for variants whose `based_on` is not the baseline's version, and found. */
  mergeBase(variant: LibraryDoc): MergeBase | undefined
  /** Why a variant that needs a merge base has none. */
  missing(variant: LibraryDoc): MissingBase | undefined
  /** For a baseline whose content changed since the commit that set its version: that commit. */
  staleVersion(baseline: LibraryDoc): VersionBump | undefined
  /** Said once per run when some variant's merge base cannot be found, else undefined. */
  note?: string
}

/** The variants of a library whose `based_on` is not their baseline's current version. */
export function variantsNeedingBase<D extends LibraryDoc>(library: Library<D>): D[] {
  const out: D[] = []
  for (const family of library.families.values()) {
    const baseline = baselineOf(family)
    if (!baseline?.meta.version) continue
    for (const v of family.variants)
      if (v.meta.based_on !== undefined && v.meta.based_on !== baseline.meta.version) out.push(v)
  }
  return out
}

/**
 * Look up the merge bases of `variants` (default: every variant that needs one) and, unless
 * `versionBump` is false, the baselines whose version was not bumped. Two git processes in all.
 */
export async function loadUpstream<D extends LibraryDoc>(
  library: Library<D>,
  options: {
    variants?: readonly D[]
    versionBump?: boolean
    /** The history, when the caller started reading it early (see `openHistory`); closed here. */
    history?: Promise<RepoHistory | NoHistory>
  } = {},
): Promise<Upstream> {
  const variants = options.variants ?? variantsNeedingBase(library)
  const wantBump = options.versionBump ?? true
  if (variants.length === 0 && !wantBump) {
    void options.history?.then(h => {
      if (typeof h !== 'string') h.close()
    })
    return {mergeBase: () => undefined, missing: () => undefined, staleVersion: () => undefined}
  }
  const history = await (options.history ?? openHistory(library.config.root))
  try {
    if (typeof history === 'string') {
      const missing = new Set<LibraryDoc>(variants)
      return {
        mergeBase: () => undefined,
        missing: v => (missing.has(v) ? history : undefined),
        staleVersion: () => undefined,
        note: missing.size > 0 ? noteFor(history, missing.size) : undefined,
      }
    }
    const finder = new BlobVersions(library, history)
    const bases = await finder.mergeBases(variants)
    const stale = wantBump ? await finder.staleVersions() : new Map<LibraryDoc, VersionBump>()
    const missing = new Set<LibraryDoc>(variants.filter(v => !bases.has(v)))
    return {
      mergeBase: v => bases.get(v),
      missing: v => (missing.has(v) ? 'never-committed' : undefined),
      staleVersion: b => stale.get(b),
      note: missing.size > 0 ? noteFor('never-committed', missing.size) : undefined,
    }
  } finally {
    if (typeof history !== 'string') history.close()
  }
}

function noteFor(why: MissingBase, count: number): string {
  const which = `${count} variant${count === 1 ? '' : 's'}`
  const compare = `so drift for ${which} is judged against today's baseline, and a baseline edit may show as the variant's drift`
  switch (why) {
    case 'shallow':
      return (
        `note: this is a shallow clone: sopkit cannot find the baseline versions variants are based on, ${compare}. ` +
        'Mend: fetch the full history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout).'
      )
    case 'no-repo':
      return (
        `note: the library is not in a git repository: sopkit cannot find the baseline versions variants are based on, ${compare}. ` +
        'Mend: keep the library in git, with its full history (`fetch-depth: 0` in CI).'
      )
    case 'no-git':
      return `note: git is not installed: sopkit cannot find the baseline versions variants are based on, ${compare}. Mend: install git.`
    case 'never-committed':
      return (
        `note: no commit has the baseline version that ${which} ${count === 1 ? 'names' : 'name'} in based_on, ${compare}. ` +
        'Mend: set based_on to a committed baseline version; in CI fetch the full history (`fetch-depth: 0`).'
      )
  }
}

/** Baseline versions read from git blobs, each blob read and parsed once. */
class BlobVersions<D extends LibraryDoc> {
  private readonly docs = new Map<string, SopDocument>()

  constructor(
    private readonly library: Library<D>,
    private readonly history: RepoHistory,
  ) {}

  async mergeBases(variants: readonly D[]): Promise<Map<LibraryDoc, MergeBase>> {
    const out = new Map<LibraryDoc, MergeBase>()
    const baselines = new Map<D, D[]>()
    for (const v of variants) {
      const baseline = v.meta.id
        ? baselineOf(this.library.families.get(v.meta.id) ?? {id: '', baselines: [], variants: []})
        : undefined
      if (!baseline) continue
      const list = baselines.get(baseline)
      if (list) list.push(v)
      else baselines.set(baseline, [v])
    }
    const revisions = new Map([...baselines.keys()].map(b => [b, this.history.revisionsOf(b.file)]))
    await this.load([...revisions].flatMap(([b, list]) => list.map(r => [b, r] as const)))
    for (const [baseline, list] of baselines) {
      const revs = revisions.get(baseline) ?? []
      for (const v of list) {
        const found = revs.find(r => this.docs.get(r.blob)?.meta.version === v.meta.based_on)
        const document = found && this.docs.get(found.blob)
        if (found && document) out.set(v, {version: v.meta.based_on!, commit: found.commit, document})
      }
    }
    return out
  }

  /**
   * Baselines whose sections differ from the commit that set their current version. Read lazily,
   * newest revision first, so a baseline whose version changed in its last commit costs one blob.
   */
  async staleVersions(): Promise<Map<LibraryDoc, VersionBump>> {
    const out = new Map<LibraryDoc, VersionBump>()
    const pending = [...this.library.families.values()]
      .flatMap(f => {
        const b = baselineOf(f)
        // A file as committed is its newest revision already: its version is known without a read.
        return b?.meta.version
          ? [{baseline: b, revisions: this.history.revisionsOf(b.file), next: this.history.isChanged(b.file) ? 0 : 1}]
          : []
      })
      .filter(p => p.revisions.length > p.next)
    let round = pending
    while (round.length > 0) {
      await this.load(round.flatMap(p => (p.revisions[p.next] ? [[p.baseline, p.revisions[p.next]!] as const] : [])))
      const again: typeof round = []
      for (const p of round) {
        const revision = p.revisions[p.next]
        const doc = revision && this.docs.get(revision.blob)
        if (!revision || !doc || doc.meta.version !== p.baseline.meta.version) {
          const setter = p.revisions[p.next - 1]
          const setDoc = setter && this.docs.get(setter.blob)
          if (setter && setDoc && !sameSections(setDoc, p.baseline))
            out.set(p.baseline, {version: p.baseline.meta.version!, commit: setter.commit})
          continue
        }
        p.next++
        again.push(p)
      }
      round = again
    }
    return out
  }

  private async load(wanted: ReadonlyArray<readonly [LibraryDoc, FileRevision]>): Promise<void> {
    const missing = wanted.filter(([, r]) => !this.docs.has(r.blob))
    if (missing.length === 0) return
    const texts = await this.history.read(missing.map(([, r]) => r.blob))
    for (const [baseline, r] of missing) {
      const text = texts.get(r.blob)
      if (text === undefined || this.docs.has(r.blob)) continue
      const doc = await SopDocument.parse(
        baseline.file,
        baseline.absPath,
        text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
      )
      this.docs.set(r.blob, doc)
    }
  }
}

function sameSections(a: SopDocument, b: LibraryDoc): boolean {
  return compareSections<AnySection>(b.outline.sections, a.outline.sections).every(c => c.state === 'same')
}

/**
 * The three-way states of a variant against the document it inherits from. Against its baseline
 * with a known merge base, upstream changes are told from local ones; otherwise (no history, or a
 * region variant as the reference) every difference is the variant's own, as a two-way compare.
 */
export function variantStates(
  variant: SopDocument,
  reference: SopDocument,
  upstream: Upstream | undefined,
  today: string,
): {sections: ThreeWaySection[]; mergeBase?: MergeBase}
export function variantStates(
  variant: LibraryDoc,
  reference: LibraryDoc,
  upstream: Upstream | undefined,
  today: string,
): {sections: Array<ThreeWaySection<AnySection>>; mergeBase?: MergeBase}
export function variantStates(
  variant: LibraryDoc,
  reference: LibraryDoc,
  upstream: Upstream | undefined,
  today: string,
): {sections: Array<ThreeWaySection<AnySection>>; mergeBase?: MergeBase} {
  const mergeBase = isBaseline(reference) ? upstream?.mergeBase(variant) : undefined
  const sections = threeWay<AnySection>({
    base: (mergeBase?.document ?? reference).outline.sections,
    baseline: reference.outline.sections,
    variant: variant.outline.sections,
    underLiveDeviation: path => deviationFor(variant, path, today)?.live === true,
  })
  return {sections, mergeBase}
}

/** The error for a variant whose merge base cannot be found, when a command needs it (port, diff --upstream). */
export function missingBaseError(variant: LibraryDoc, baseline: LibraryDoc, why: MissingBase): SopkitError {
  const what = `${variant.file} is based on ${baseline.file} version ${variant.meta.based_on}`
  switch (why) {
    case 'never-committed':
      return new SopkitError(
        'UNKNOWN_BASED_ON',
        `${what}, which no commit of ${baseline.file} has`,
        `set based_on to the baseline version the variant was adapted from (\`git log -p -- ${baseline.file}\` shows each version)`,
      )
    case 'shallow':
      return new SopkitError(
        'NO_HISTORY',
        `${what}, but this shallow clone cannot show that version`,
        'fetch the full history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)',
      )
    case 'no-repo':
      return new SopkitError(
        'NO_HISTORY',
        `${what}, but the library is not in a git repository`,
        "port needs the baseline's git history: keep the library in git",
      )
    case 'no-git':
      return new SopkitError(
        'NO_HISTORY',
        `${what}, but git is not installed`,
        "install git: port reads the baseline's history",
      )
  }
}
