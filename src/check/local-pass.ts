// The first pass of check, document by document: read it, run the rules that read only that
// document, and keep its summary (no text, section fingerprints instead of content) for the
// rules that read the library, so the texts of a large library are never all in memory at once.
// On four cores or more the documents are shared with worker threads (see core/threads).
import type {Config} from '../core/config.js'
import {type DocumentSummary, type SopDocument, summarize} from '../core/document.js'
import type {Finding, SeveritySetting} from '../core/finding.js'
import {at, loadDocument} from '../core/loader.js'
import {workerScript} from '../core/package-files.js'
import {shareWork, threadCount} from '../core/threads.js'
import {RULES} from '../rules/index.js'
import {type DocumentRule, type LibraryRule, isLibraryRule} from '../rules/rule.js'
import type {FindingCache} from './cache.js'
import {lintDocument} from './lint.js'

export interface LocalSetup {
  config: Config
  paths: string[]
  /** Whether each of `paths` is checked; the others are read for the library rules only. */
  checked: boolean[]
  severities: Array<[string, SeveritySetting]>
  today: string
}

export interface LocalResult {
  summary: DocumentSummary
  findings: Finding[]
}

/** Rules that read one document only; the others run in the library pass. */
export const DOCUMENT_RULES: readonly DocumentRule[] = RULES.filter(r => !isLibraryRule(r))
export const LIBRARY_RULES: readonly LibraryRule[] = RULES.filter(isLibraryRule)

const WORKER = workerScript('check/local-worker.js')
/**
 * Below 600 documents a worker costs more to start than it saves. On two cores a second thread
 * made the local pass slower, not faster (10k documents: 1.8 s on one thread, 2.0 s on two; each
 * thread's time per document doubles, as the parse is allocation-bound), so threads need four.
 */
const THREADS = {threshold: 600, minCores: 4}

/** The summary of every document of `setup.paths` in order, and the findings of the document rules. */
export async function localPass(
  setup: LocalSetup,
  options: {cache?: FindingCache; onProgress?: (done: number, total: number) => void} = {},
): Promise<{summaries: DocumentSummary[]; findings: Finding[]}> {
  // The cache lives on this thread, so a cached run reads on this thread only.
  const threads = options.cache ? 1 : threadCount(WORKER, setup.paths.length, THREADS)
  const results = await shareWork({
    count: setup.paths.length,
    threads,
    worker: WORKER,
    setup,
    handle: localLinter(setup, options.cache),
    onProgress: options.onProgress,
  })
  return {summaries: results.map(r => r.summary), findings: results.flatMap(r => r.findings)}
}

/** The handler each thread runs on one document (by index in `setup.paths`). */
export function localLinter(
  setup: LocalSetup,
  cache?: FindingCache,
): (index: number) => LocalResult | Promise<LocalResult> {
  const lint = {rules: DOCUMENT_RULES, severities: new Map(setup.severities), config: setup.config, today: setup.today}
  const finish = (index: number, doc: SopDocument): LocalResult => {
    if (!setup.checked[index]) return {summary: summarize(doc), findings: []}
    const findings = cache?.get(doc.file, doc.text) ?? lintDocument(doc, lint).map(l => l.finding)
    cache?.set(doc.file, doc.text, findings)
    return {summary: summarize(doc), findings}
  }
  return index => {
    const loaded = loadDocument(setup.config, at(setup.paths, index))
    return loaded instanceof Promise ? loaded.then(doc => finish(index, doc)) : finish(index, loaded)
  }
}
