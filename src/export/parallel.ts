// Parsing Markdown is most of an html or md export (remark with GFM: about 8 ms a document), and
// each document converts on its own, so large playbooks spread the documents over worker threads
// (the main thread takes a share too). The output is the same whatever the thread count.
import {Worker} from 'node:worker_threads'
import {threadCount} from '../core/threads.js'
import type {PlaybookDocument} from './model.js'

export type ConverterKind = 'html' | 'md'

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


/** Convert every document's body, in order; `onDocument` hears how many are done. */
export async function convertDocuments(kind: ConverterKind, docs: readonly PlaybookDocument[],
  onDocument?: (done: number, total: number) => void): Promise<string[]> {
  const threads = threadCount(WORKER, docs.length, THREADS)
  const size = Math.ceil(docs.length / threads)
  const shares = Array.from({length: threads}, (_, i) => docs.slice(i * size, (i + 1) * size))
  let done = 0
  const tick = () => onDocument?.(++done, docs.length)
  const pending = shares.slice(1).map((share) => inWorker(kind, share, tick))
  const convert = await loadConverter(kind)
  const own = shares[0]!.map((doc) => {
    const out = convert(doc)
    tick()
    return out
  })
  return [...own, ...(await Promise.all(pending)).flat()]
}

function inWorker(kind: ConverterKind, docs: readonly PlaybookDocument[], tick: () => void): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {workerData: {kind, docs}})
    worker.on('message', (message: {done?: true; results?: string[]}) => {
      if (message.done) return tick()
      resolve(message.results!)
      void worker.terminate()
    })
    worker.once('error', reject)
  })
}
