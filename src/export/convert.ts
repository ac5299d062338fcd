// Parsing Markdown is most of an html or md export (remark with GFM: about 8 ms a document), and
// each document converts on its own, so large playbooks share the documents with worker threads
// through the one pool (core/threads). The output is the same whatever the thread count.
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
const WORKER = new URL('./convert-worker.js', import.meta.url)

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

/** Convert every document's body, in order; `onDocument` hears how many are done. */
export async function convertDocuments(
  kind: ConverterKind,
  docs: readonly PlaybookDocument[],
  onDocument?: (done: number, total: number) => void,
): Promise<string[]> {
  const setup: ConvertSetup = {kind, docs}
  return shareWork({
    count: docs.length,
    threads: threadCount(WORKER, docs.length, THREADS),
    worker: WORKER,
    setup,
    handle: await documentConverter(setup),
    chunk: 4,
    onProgress: onDocument,
  })
}
