// The check pipeline: find, fix, lint each document (local pass), lint across the library, suppress. Never prints.
import path from 'node:path'
import type {Config} from '../core/config.js'
import type {SopDocument} from '../core/document.js'
import {todayUtc} from '../core/dates.js'
import {compareFindings, type Finding, type SeveritySetting} from '../core/finding.js'
import {changedFiles} from '../core/git.js'
import {buildLibrary} from '../core/library.js'
import {findDocuments, loadDocument, loadDocuments, prepareOutlines, relativeFile} from '../core/loader.js'
import {type Shard, inShard} from '../core/shard.js'
import {writeFileAtomic} from '../core/writer.js'
import {RULES} from '../rules/index.js'
import {DEFAULT_CACHE_FILE, FindingCache, hashText} from './cache.js'
import {applyFixes} from './fix.js'
import {breathe} from '../core/breathe.js'
import {type LintedFinding, lintDocument} from './lint.js'
import {LIBRARY_RULES, localPass} from './local-pass.js'
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
  /** Told as the library is read, document by document, on every thread (for a progress line). */
  onProgress?: (done: number, total: number) => void
  /** Package version, part of the cache key. */
  version?: string
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
  const today = options.today ?? todayUtc()
  const severities = resolveSeverities(RULES, config.rules, config.file ?? 'config', options.ruleFlags ?? [])
  const libraryPaths = await findDocuments(config, config.root)
  const targets = await selectTargets(options, libraryPaths)
  const paths = [...new Set([...libraryPaths, ...targets])]
  const fixed = options.fix ? await fixFiles(config, paths, targets, {severities, today}) : []
  const cache = options.cache && !options.fix
    ? new FindingCache(path.resolve(config.root, typeof options.cache === 'string' ? options.cache : DEFAULT_CACHE_FILE),
      hashText(JSON.stringify([options.version, config, [...severities], today])))
    : undefined
  const all = await lintPaths(config, paths, targets, {severities, today, cache, onProgress: options.onProgress})
  cache?.save()
  all.sort(compareFindings)
  return finish(options, config, targets.map((t) => relativeFile(config.root, t)), all, fixed)
}

/**
 * Lint the documents at `paths` as one library and report on those in `targets`: the document
 * rules in the local pass (each document read once, then kept compact), then the library rules.
 */
export async function lintPaths(config: Config, paths: string[], targets: readonly string[],
  setup: {severities: Map<string, SeveritySetting>; today: string; cache?: FindingCache; onProgress?: (done: number, total: number) => void})
  : Promise<Finding[]> {
  const {severities, today} = setup
  const targetSet = new Set(targets)
  const local = await localPass({config, paths, checked: paths.map((p) => targetSet.has(p)), severities: [...severities], today},
    {cache: setup.cache, onProgress: setup.onProgress})
  const library = buildLibrary(config, local.documents)
  const lint = {rules: LIBRARY_RULES, severities, library, today, reload: (doc: SopDocument) => loadDocument(config, doc.absPath)}
  return [...local.findings, ...targets.flatMap((t) => lintDocument(library.byPath.get(t)!, lint).map((l) => l.finding))]
}

/** The documents to report on: the named paths, else the whole library (already found, not globbed again). */
async function selectTargets(options: CheckOptions, libraryPaths: string[]): Promise<string[]> {
  const {config, shard} = options
  let targets = options.paths?.length ? await findDocuments(config, options.cwd, options.paths) : libraryPaths
  if (shard) targets = targets.filter((t) => inShard(relativeFile(config.root, t), shard))
  if (options.changedSince === undefined) return targets
  const changed = await changedFiles(config.root, options.changedSince)
  return targets.filter((t) => changed.has(t))
}

/**
 * Apply fixes until none is left (at most 3 passes), writing each changed file atomically. The
 * check itself then reads the files again, as any run would.
 */
async function fixFiles(config: Config, paths: string[], targets: string[], setup: {severities: Map<string, SeveritySetting>; today: string})
  : Promise<CheckResult['fixed']> {
  let documents = await loadDocuments(config, paths)
  const targetSet = new Set(targets)
  const counts = new Map<string, number>()
  for (let pass = 0; pass < 3; pass++) {
    const library = buildLibrary(config, documents)
    let changed = false
    const next: SopDocument[] = []
    for (const doc of documents) {
      // A signal stops the run here, between two whole writes.
      await breathe()
      const edits = targetSet.has(doc.absPath)
        ? lintDocument(doc, {rules: RULES, ...setup, library}).filter((l): l is Required<LintedFinding> => l.fix !== undefined) : []
      const text = edits.length > 0 ? applyFixes(doc, edits.map((e) => e.fix)) : undefined
      if (text === undefined || text === doc.text) {
        next.push(doc)
        continue
      }
      writeFileAtomic(doc.absPath, (doc.bom ? '\uFEFF' : '') + text, {overwrite: true})
      counts.set(doc.file, (counts.get(doc.file) ?? 0) + edits.length)
      changed = true
      next.push(loadDocument(config, doc.absPath))
    }
    documents = next
    if (!changed) break
    await prepareOutlines(documents)
  }
  return [...counts].map(([file, count]) => ({file, count}))
}

function finish(options: CheckOptions, config: Config, files: string[], all: Finding[], fixed: CheckResult['fixed']): CheckResult {
  const suppressionsFile = path.resolve(options.cwd, options.suppressions ?? path.join(config.root, DEFAULT_SUPPRESSIONS_FILE))
  if (options.suppressAll) {
    const recorded = recordSuppressions(all, files, readSuppressions(suppressionsFile))
    writeFileAtomic(suppressionsFile, JSON.stringify(recorded, null, 2) + '\n', {overwrite: true})
    const {kept, suppressedCount} = applySuppressions(all, recorded, files)
    return {files, findings: kept, suppressedCount, unusedSuppressions: 0, fixed, suppressionsWritten: suppressionsFile}
  }
  const {kept, suppressedCount, unusedCount} = applySuppressions(all, readSuppressions(suppressionsFile), files)
  return {files, findings: kept, suppressedCount, unusedSuppressions: unusedCount, fixed}
}
