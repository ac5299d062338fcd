// The check pipeline: find, load (each file once), lint, fix, suppress. Never prints.
import path from 'node:path'
import type {Config} from '../core/config.js'
import type {SopDocument} from '../core/document.js'
import {todayUtc} from '../core/dates.js'
import {compareFindings, type Finding, type SeveritySetting} from '../core/finding.js'
import {changedFiles} from '../core/git.js'
import {buildLibrary, type Library} from '../core/library.js'
import {findDocuments, loadDocument, loadDocuments, prepareOutlines, relativeFile} from '../core/loader.js'
import {type Shard, inShard} from '../core/shard.js'
import {writeFileAtomic} from '../core/writer.js'
import {RULES} from '../rules/index.js'
import type {Rule} from '../rules/rule.js'
import {DEFAULT_CACHE_FILE, FindingCache, hashText} from './cache.js'
import {applyFixes} from './fix.js'
import {type LintedFinding, lintDocument} from './lint.js'
import {resolveSeverities} from './severity.js'
import {DEFAULT_SUPPRESSIONS_FILE, applySuppressions, readSuppressions, recordSuppressions} from './suppressions.js'

export interface CheckOptions {
  config: Config
  cwd: string
  paths?: string[]
  ruleFlags?: string[]
  /** YYYY-MM-DD; defaults to today in UTC. */
  today?: string
  fix?: boolean
  changedSince?: string
  /** Check only this shard's share of the documents (the whole library is still read). */
  shard?: Shard
  cache?: boolean | string
  suppressions?: string
  suppressAll?: boolean
  /** Told as documents are checked (for a progress line). */
  onProgress?: (done: number, total: number) => void
  /** Package version, part of the cache key. */
  version?: string
  rules?: readonly Rule[]
}

export interface CheckResult {
  /** Repo-relative paths of the documents checked. */
  files: string[]
  findings: Finding[]
  suppressedCount: number
  unusedSuppressions: number
  /** Files rewritten by --fix, with the number of fixes applied. */
  fixed: Array<{file: string; count: number}>
  /** Where --suppress-all wrote, when it did. */
  suppressionsWritten?: string
}

export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const {config} = options
  const rules = options.rules ?? RULES
  const today = options.today ?? todayUtc()
  const severities = resolveSeverities(rules, config.rules, config.file ?? 'config', options.ruleFlags ?? [])
  const libraryPaths = await findDocuments(config, config.root)
  const targets = await selectTargets(options, libraryPaths)
  let documents = await loadDocuments(config, [...new Set([...libraryPaths, ...targets])])
  const fixed: CheckResult['fixed'] = []
  if (options.fix) {
    documents = fixAll(documents, targets, {config, rules, severities, today}, fixed)
    await prepareOutlines(documents)
  }
  const library = buildLibrary(config, documents)
  const cache = options.cache && !options.fix
    ? new FindingCache(path.resolve(config.root, typeof options.cache === 'string' ? options.cache : DEFAULT_CACHE_FILE),
      hashText(JSON.stringify([options.version, config, [...severities], today])))
    : undefined
  const all: Finding[] = []
  targets.forEach((abs, i) => {
    all.push(...checkOne(library.byPath.get(abs)!, {library, rules, severities, today, cache}))
    options.onProgress?.(i + 1, targets.length)
  })
  cache?.save()
  all.sort(compareFindings)
  return finish(options, config, targets.map((t) => library.byPath.get(t)!.file), all, fixed)
}

/** The documents to report on: the named paths, else the whole library (already found, not globbed again). */
async function selectTargets(options: CheckOptions, libraryPaths: string[]): Promise<string[]> {
  const {config, shard} = options
  let targets = options.paths?.length ? await findDocuments(config, options.cwd, options.paths) : libraryPaths
  if (shard) targets = targets.filter((t) => inShard(relativeFile(config.root, t), shard))
  if (!options.changedSince) return targets
  const changed = await changedFiles(config.root, options.changedSince)
  return targets.filter((t) => changed.has(t))
}

interface LintSetup {
  library: Library
  rules: readonly Rule[]
  severities: Map<string, SeveritySetting>
  today: string
  cache?: FindingCache
}

/** Cached per-document findings plus fresh library findings, or a full lint on a cache miss. */
function checkOne(doc: SopDocument, setup: LintSetup): Finding[] {
  const {cache, rules} = setup
  if (!cache) return lintDocument(doc, setup).map((l) => l.finding)
  const local = rules.filter((r) => !r.readsLibrary)
  const shared = rules.filter((r) => r.readsLibrary)
  const cached = cache.get(doc.file, doc.text)
  const localFindings = cached ?? lintDocument(doc, {...setup, rules: local}).map((l) => l.finding)
  cache.set(doc.file, doc.text, localFindings)
  return [...localFindings, ...lintDocument(doc, {...setup, rules: shared}).map((l) => l.finding)]
}

/** Apply fixes until none is left (at most 3 passes), writing each changed file atomically. */
function fixAll(documents: SopDocument[], targets: string[], setup: Omit<LintSetup, 'library'> & {config: Config},
  fixed: CheckResult['fixed']): SopDocument[] {
  const targetSet = new Set(targets)
  const counts = new Map<string, number>()
  for (let pass = 0; pass < 3; pass++) {
    const library = buildLibrary(setup.config, documents)
    let changed = false
    documents = documents.map((doc) => {
      if (!targetSet.has(doc.absPath)) return doc
      const edits = lintDocument(doc, {...setup, library}).filter((l): l is Required<LintedFinding> => l.fix !== undefined)
      const text = edits.length > 0 ? applyFixes(doc, edits.map((e) => e.fix)) : undefined
      if (text === undefined || text === doc.text) return doc
      writeFileAtomic(doc.absPath, (doc.bom ? '\uFEFF' : '') + text, {overwrite: true})
      counts.set(doc.file, (counts.get(doc.file) ?? 0) + edits.length)
      changed = true
      return loadDocument(setup.config, doc.absPath)
    })
    if (!changed) break
  }
  for (const [file, count] of counts) fixed.push({file, count})
  return documents
}

function finish(options: CheckOptions, config: Config, files: string[], all: Finding[], fixed: CheckResult['fixed']): CheckResult {
  const suppressionsFile = path.resolve(options.cwd, options.suppressions ?? path.join(config.root, DEFAULT_SUPPRESSIONS_FILE))
  if (options.suppressAll) {
    const recorded = recordSuppressions(all)
    writeFileAtomic(suppressionsFile, JSON.stringify(recorded, null, 2) + '\n', {overwrite: true})
    const {kept, suppressedCount} = applySuppressions(all, recorded)
    return {files, findings: kept, suppressedCount, unusedSuppressions: 0, fixed, suppressionsWritten: suppressionsFile}
  }
  const {kept, suppressedCount, unusedCount} = applySuppressions(all, readSuppressions(suppressionsFile))
  return {files, findings: kept, suppressedCount, unusedSuppressions: unusedCount, fixed}
}
