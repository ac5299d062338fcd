// Parsing Markdown is most of an html or md export (remark with GFM: about 8 ms a document), and
// each document converts on its own, so large playbooks spread the documents over worker threads
// (the main thread takes a share too). The output is the same whatever the thread count.
import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import type {PlaybookDocument} from './model.js'

export type ConverterKind = 'html' | 'md'

/** Below this many documents a worker costs more to start than it saves. */
const PARALLEL_THRESHOLD = 120
const WORKER = new URL('./convert-worker.js', import.meta.url)

export async function loadConverter(kind: ConverterKind): Promise<(doc: PlaybookDocument) => string> {
  const module = kind === 'html' ? await import('./render/html.js') : await import('./render/md.js')
  return module.loadDocumentConverter()
}

/** SOPKIT_WORKERS, else one per core (at most 4) for large playbooks; 1 when the worker script is absent (tests from src). */
function threadCount(documents: number): number {
  if (!existsSync(fileURLToPath(WORKER))) return 1
  const fromEnv = Number.parseInt(process.env.SOPKIT_WORKERS ?? '', 10)
  if (Number.isInteger(fromEnv) && fromEnv >= 0) return Math.max(1, fromEnv)
  return documents < PARALLEL_THRESHOLD ? 1 : Math.min(availableParallelism(), 4)
}

/** Convert every document's body, in order; `onDocument` hears how many are done. */
export async function convertDocuments(kind: ConverterKind, docs: readonly PlaybookDocument[],
  onDocument?: (done: number, total: number) => void): Promise<string[]> {
  const threads = threadCount(docs.length)
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
