// The check pipeline: find, fix, lint each document (local pass), lint across the library, suppress. Never prints.
import {lstatSync, realpathSync} from 'node:fs'
import path from 'node:path'
import type {Config} from '../core/config.js'
import {todayUtc} from '../core/dates.js'
import {compareFindings, type Finding, type SeveritySetting} from '../core/finding.js'
import type {DocumentSummary, SopDocument} from '../core/document.js'
import {type ChangeSet, changesSince} from '../core/git.js'
import {buildLibrary, type Library} from '../core/library.js'
import {
  filterByConfig,
  findDocuments,
  loadDocument,
  loadDocuments,
  placeDocument,
  relativeFile,
} from '../core/loader.js'
import {type Shard, inShard} from '../core/shard.js'
import {writeOutputFile} from '../core/output.js'
import {isRepoPath} from '../core/paths.js'
import {openHistory} from '../core/history.js'
import {loadUpstream} from '../core/upstream.js'
import {writeFileAtomic} from '../core/writer.js'
import {RULES} from '../rules/index.js'
import {affectedDocuments} from './affected.js'
import {DEFAULT_CACHE_FILE, FindingCache, hashText} from './cache.js'
import {applyFixes} from './fix.js'
import {breathe} from '../core/breathe.js'
import {type LintedFinding, lintDocument, lintSummary} from './lint.js'
import {DOCUMENT_RULES, LIBRARY_RULES, localPass} from './local-pass.js'
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
  /** Files --fix would have rewritten but must not: outside the repository, or a symlink leading out of it. */
  notFixed?: string[]
  /** Where --suppress-all wrote, when it did. */
  suppressionsWritten?: string
  /** Files named on the command line that the config's `documents` and `ignore` leave out (skipped). */
  skipped?: string[]
  /** Said once about the run, e.g. why upstream changes cannot be told from drift. */
  notes?: string[]
}

export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const {config} = options
  const today = options.today ?? todayUtc()
  const severities = resolveSeverities(RULES, config.rules, config.file ?? 'config', options.ruleFlags ?? [])
  const libraryPaths = await findDocuments(config, config.root)
  const {targets, skipped, changes} = await selectTargets(options, libraryPaths)
  const paths = [...new Set([...libraryPaths, ...targets])]
  const {fixed, notFixed} = options.fix
    ? await fixFiles(config, paths, targets, {severities, today})
    : {fixed: [], notFixed: []}
  const cache =
    options.cache && !options.fix
      ? new FindingCache(
          path.resolve(config.root, typeof options.cache === 'string' ? options.cache : DEFAULT_CACHE_FILE),
          hashText(JSON.stringify([options.version, config, [...severities], today])),
          config,
        )
      : undefined
  const inOwnShard = (t: string) => !options.shard || inShard(relativeFile(config.root, t), options.shard)
  const widen =
    changes && ((library: Library<DocumentSummary>) => affectedDocuments(library, changes).filter(inOwnShard))
  const notes: string[] = []
  const setup = {severities, today, cache, onProgress: options.onProgress, widen, notes}
  const {findings: all, checked} = await lintTargets(config, paths, targets, setup)
  cache?.save()
  all.sort(compareFindings)
  const result = finish(
    options,
    config,
    checked.map(t => relativeFile(config.root, t)),
    all,
    {fixed, notFixed},
  )
  return {...result, skipped: skipped.map(s => path.relative(options.cwd, s)), notes}
}

/**
 * Lint the documents at `paths` as one library and report on those in `targets`: the document
 * rules in the local pass (each document read once, then kept as its summary), then the library
 * rules on the summaries; a document with library findings has its text read again (not parsed) to place them. `widen`
 * adds the documents a change affects, once the library shows which they are.
 */
export async function lintPaths(
  config: Config,
  paths: string[],
  targets: readonly string[],
  setup: LintSetup,
): Promise<Finding[]> {
  return (await lintTargets(config, paths, targets, setup)).findings
}

interface LintSetup {
  severities: Map<string, SeveritySetting>
  today: string
  cache?: FindingCache
  onProgress?: (done: number, total: number) => void
  widen?: (library: Library<DocumentSummary>) => string[]
  /** Collects what is said once about the run (why merge bases are missing). */
  notes?: string[]
}

/** As lintPaths, with the documents reported on (the targets, widened). */
async function lintTargets(
  config: Config,
  paths: string[],
  targets: readonly string[],
  setup: LintSetup,
): Promise<{findings: Finding[]; checked: string[]}> {
  const {severities, today} = setup
  const targetSet = new Set(targets)
  const wantsUpstream = targets.length > 0 && UPSTREAM_RULES.some(id => severities.get(id) !== 'off')
  // git reads the history in its own processes, on another core, while this thread reads the library.
  const history = wantsUpstream ? openHistory(config.root) : undefined
  const local = await localPass(
    {config, paths, checked: paths.map(p => targetSet.has(p)), severities: [...severities], today},
    {cache: setup.cache, onProgress: setup.onProgress},
  )
  const library = buildLibrary(config, local.summaries)
  if (history) {
    library.upstream = await loadUpstream(library, {versionBump: severities.get('version-bump') !== 'off', history})
    if (library.upstream.note) setup.notes?.push(library.upstream.note)
  }
  const locate = (doc: DocumentSummary) => placeDocument(config, doc)
  const lint = {rules: LIBRARY_RULES, severities, library, today, locate}
  const extra = (setup.widen?.(library) ?? []).filter(t => !targetSet.has(t))
  const findings = [...local.findings]
  const documentLint = {rules: DOCUMENT_RULES, severities, config, today}
  for (const t of extra)
    for (const linted of lintDocument(await loadDocument(config, t), documentLint)) findings.push(linted.finding)
  const checked = extra.length > 0 ? [...targets, ...extra].sort() : [...targets]
  for (const target of checked) {
    const summary = library.byPath.get(target)
    if (!summary) throw new Error(`internal: ${target} was not read with the library`)
    const linted = lintSummary(summary, lint)
    for (const l of linted instanceof Promise ? await linted : linted) findings.push(l.finding)
  }
  return {findings, checked}
}

/** The rules that read merge bases from git. */
const UPSTREAM_RULES = ['no-drift', 'variant-outdated', 'version-bump']

interface Selection {
  targets: string[]
  skipped: string[]
  changes?: ChangeSet
}

/**
 * The documents to report on: the named paths that the config names too, else the whole library
 * (already found, not globbed again); with --changed-since, those changed on this branch, widened
 * later to the documents the change affects.
 */
async function selectTargets(options: CheckOptions, libraryPaths: string[]): Promise<Selection> {
  const {config, shard} = options
  let targets = libraryPaths
  let skipped: string[] = []
  if (options.paths?.length) {
    ;({kept: targets, skipped} = filterByConfig(config, await findDocuments(config, options.cwd, options.paths)))
  }
  if (shard) targets = targets.filter(t => inShard(relativeFile(config.root, t), shard))
  if (options.changedSince === undefined) return {targets, skipped}
  const changes = await changesSince(config.root, options.changedSince)
  return {targets: targets.filter(t => changes.changed.has(t)), skipped, changes}
}

/**
 * Apply fixes until none is left (at most 3 passes), writing each changed file atomically. Only
 * document rules fix (a library rule reads summaries, which have no text to edit). The check
 * itself then reads the files again, as any run would. A file outside the repository (a path
 * named on the command line) or a symlink leading out of it is left as it is, and said once.
 */
async function fixFiles(
  config: Config,
  paths: string[],
  targets: string[],
  setup: {severities: Map<string, SeveritySetting>; today: string},
): Promise<Pick<CheckResult, 'fixed' | 'notFixed'>> {
  let documents = await loadDocuments(config, paths)
  const targetSet = new Set(targets)
  const counts = new Map<string, number>()
  const notFixed = new Set<string>()
  for (let pass = 0; pass < 3; pass++) {
    let changed = false
    const next: SopDocument[] = []
    for (const doc of documents) {
      // A signal stops the run here, between two whole writes.
      await breathe()
      const edits = targetSet.has(doc.absPath)
        ? lintDocument(doc, {rules: DOCUMENT_RULES, ...setup, config}).filter(
            (l): l is Required<LintedFinding> => l.fix !== undefined,
          )
        : []
      const text =
        edits.length > 0
          ? applyFixes(
              doc,
              edits.map(e => e.fix),
            )
          : undefined
      const file = text === undefined || text === doc.text ? undefined : fixTarget(config.root, doc.absPath)
      if (text !== undefined && text !== doc.text && file === undefined) notFixed.add(doc.file)
      if (text === undefined || file === undefined) {
        next.push(doc)
        continue
      }
      writeFileAtomic(file, (doc.bom ? '\uFEFF' : '') + text, {overwrite: true})
      counts.set(doc.file, (counts.get(doc.file) ?? 0) + edits.length)
      changed = true
      next.push(await loadDocument(config, doc.absPath))
    }
    documents = next
    if (!changed) break
  }
  return {fixed: [...counts].map(([file, count]) => ({file, count})), notFixed: [...notFixed]}
}

/** The file --fix rewrites for a document: itself, or a symlink's target inside the repository (the link stays a link). */
function fixTarget(root: string, absPath: string): string | undefined {
  if (!isRepoPath(root, absPath)) return undefined
  if (!lstatSync(absPath).isSymbolicLink()) return absPath
  const real = realpathSync.native(absPath)
  return isRepoPath(realpathSync.native(root), real) ? real : undefined
}

function finish(
  options: CheckOptions,
  config: Config,
  files: string[],
  all: Finding[],
  fixes: Pick<CheckResult, 'fixed' | 'notFixed'>,
): Omit<CheckResult, 'notes'> {
  const suppressionsFile = path.resolve(
    options.cwd,
    options.suppressions ?? path.join(config.root, DEFAULT_SUPPRESSIONS_FILE),
  )
  if (options.suppressAll) {
    const recorded = recordSuppressions(all, files, readSuppressions(suppressionsFile))
    writeOutputFile(suppressionsFile, JSON.stringify(recorded, null, 2) + '\n', config, '--suppressions')
    const {kept, suppressedCount} = applySuppressions(all, recorded, files)
    return {
      files,
      findings: kept,
      suppressedCount,
      unusedSuppressions: 0,
      ...fixes,
      suppressionsWritten: suppressionsFile,
    }
  }
  const {kept, suppressedCount, unusedCount} = applySuppressions(all, readSuppressions(suppressionsFile), files)
  return {files, findings: kept, suppressedCount, unusedSuppressions: unusedCount, ...fixes}
}
