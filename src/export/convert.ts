// Parsing Markdown is most of an html or md export (remark with GFM: about 8 ms a document), and
// each document converts on its own, so large playbooks share the documents with worker threads
// through the one pool (core/threads). The output is the same whatever the thread count.
import {workerScript} from '../core/package-files.js'
import {shareWork, threadCount} from '../core/threads.js'
import type {PlaybookDocument} from './model.js'

export type ConverterKind = 'html' | 'md'

/** What a conversion worker (convert-worker.ts) receives. */
export interface ConvertSetup {
  kind: ConverterKind
  docs: readonly PlaybookDocument[]
}

/**
 * Below 120 documents a worker costs more to start than it saves. Conversion is CPU-bound, so
 * two cores already pay (2,630-document playbook to html: 15.4 s on one thread, 11.7 s on two).
 */
const THREADS = {threshold: 120, minCores: 2}
const WORKER = workerScript('export/convert-worker.js')

export async function loadConverter(kind: ConverterKind): Promise<(doc: PlaybookDocument) => string> {
  const module = kind === 'html' ? await import('./render/html.js') : await import('./render/md.js')
  return module.loadDocumentConverter()
}

/** A handler for the pool: converts the document at an index of `setup.docs`. */
export async function documentConverter(setup: ConvertSetup): Promise<(index: number) => string> {
  const convert = await loadConverter(setup.kind)
  return index => {
    const doc = setup.docs[index]
    if (!doc) throw new Error(`internal: no document ${index} to convert`)
    return convert(doc)
  }
}

/**
 * Converted bodies of one export run, by everything a conversion reads: `--market all` shows a
 * baseline in most markets' playbooks, usually with the same anchors and link targets, and
 * converts it once for all of them. Made per run (a file may change between runs).
 */
export type ConvertedBodies = Map<string, string>

/** What a body's conversion depends on besides its file's text (read once per run). */
function conversionKey(kind: ConverterKind, doc: PlaybookDocument): string {
  return JSON.stringify([
    kind,
    doc.file,
    doc.anchor,
    doc.body.length,
    doc.titleStart ?? null,
    doc.sections.map(s => [s.start, s.level, s.anchor]),
    doc.links.map(l => [l.url, l.target]),
  ])
}

/** Convert every document's body, in order; `onDocument` hears how many are done. */
export async function convertDocuments(
  kind: ConverterKind,
  docs: readonly PlaybookDocument[],
  onDocument?: (done: number, total: number) => void,
  converted?: ConvertedBodies,
): Promise<string[]> {
  const keys = converted ? docs.map(d => conversionKey(kind, d)) : []
  const missing = converted ? docs.filter((_, i) => !converted.has(keys[i]!)) : docs
  const known = docs.length - missing.length
  const setup: ConvertSetup = {kind, docs: missing}
  const fresh = await shareWork({
    count: missing.length,
    threads: threadCount(WORKER, missing.length, THREADS),
    worker: WORKER,
    setup,
    handle: await documentConverter(setup),
    chunk: 4,
    onProgress:
      onDocument &&
      ((done, total) => {
        onDocument(known + done, known + total)
      }),
  })
  if (!converted) return fresh
  let next = 0
  return docs.map((_, i) => {
    const key = keys[i]!
    let body = converted.get(key)
    if (body === undefined) converted.set(key, (body = fresh[next++]!))
    return body
  })
}
