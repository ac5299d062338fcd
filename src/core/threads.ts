// Work shared between the main thread and worker threads. Items are claimed a chunk at a time
// from one shared counter, so a thread that starts late (a worker loads its modules first) or a
// core that is busy elsewhere simply claims fewer: no static split to get wrong. Results come
// back in item order, so the outcome never depends on the thread count.
import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import {Worker, parentPort, workerData} from 'node:worker_threads'

/** What every worker receives: the shared counter and its caller's own setup data. */
interface ShareData {
  counter: SharedArrayBuffer
  count: number
  chunk: number
  setup: unknown
}

type Handler<T> = (index: number) => T | Promise<T>

/** When threads pay: from this many items, on machines with at least this many cores. */
export interface ThreadPolicy {
  threshold: number
  minCores: number
}

/**
 * How many threads to use for `items`: SOPKIT_WORKERS when set, else one per core (at most 4)
 * when the policy says threads pay; always 1 when the worker script is absent (running from source).
 */
export function threadCount(worker: URL, items: number, policy: ThreadPolicy): number {
  if (!existsSync(fileURLToPath(worker))) return 1
  const fromEnv = Number.parseInt(process.env.SOPKIT_WORKERS ?? '', 10)
  if (Number.isInteger(fromEnv) && fromEnv >= 0) return Math.max(1, fromEnv)
  const cores = availableParallelism()
  return items < policy.threshold || cores < policy.minCores ? 1 : Math.min(cores, 4)
}

export interface ShareOptions<T> {
  count: number
  threads: number
  /** A module that calls `serveShare` with the same handler as `handle`. */
  worker: URL
  /** Plain data the worker module reads with `shareSetup()`. */
  setup: unknown
  /** This thread's handler for one item. */
  handle: Handler<T>
  /** Items claimed per step: large enough that the counter is cheap, small enough to balance. */
  chunk?: number
  /** Told after each item this thread finishes, with the number claimed so far by all threads. */
  onProgress?: (claimed: number, count: number) => void
}

/** Run `handle` on every index in [0, count), spread over `threads` threads; results in index order. */
export async function shareWork<T>(options: ShareOptions<T>): Promise<T[]> {
  const {count, threads, chunk = 32} = options
  const counter = new SharedArrayBuffer(4)
  const data: ShareData = {counter, count, chunk, setup: options.setup}
  const workers = Array.from({length: Math.max(0, threads - 1)}, () => runWorker<T>(options.worker, data))
  const results = new Array<T>(count)
  const claimed = new Int32Array(counter)
  for (const [index, result] of await claimLoop(claimed, count, chunk, options.handle, options.onProgress)) results[index] = result
  for (const pairs of await Promise.all(workers)) for (const [index, result] of pairs) results[index] = result
  return results
}

async function claimLoop<T>(claimed: Int32Array, count: number, chunk: number, handle: Handler<T>,
  onProgress?: (claimed: number, count: number) => void): Promise<Array<[number, T]>> {
  const out: Array<[number, T]> = []
  for (let start = Atomics.add(claimed, 0, chunk); start < count; start = Atomics.add(claimed, 0, chunk)) {
    for (let index = start; index < Math.min(start + chunk, count); index++) {
      const result = handle(index)
      out.push([index, result instanceof Promise ? await result : result])
      onProgress?.(Math.min(Atomics.load(claimed, 0), count), count)
    }
  }
  return out
}

function runWorker<T>(url: URL, data: ShareData): Promise<Array<[number, T]>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, {workerData: data})
    worker.once('message', (pairs: Array<[number, T]>) => {
      resolve(pairs)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`internal: a worker thread stopped (exit code ${code}) before it finished`)))
  })
}

/** In a worker module: the `setup` its caller passed to `shareWork`. */
export function shareSetup<S>(): S {
  return (workerData as ShareData).setup as S
}

/** In a worker module: claim items until none is left, then send the results to the main thread. */
export async function serveShare<T>(handle: Handler<T>): Promise<void> {
  const {counter, count, chunk} = workerData as ShareData
  parentPort!.postMessage(await claimLoop(new Int32Array(counter), count, chunk, handle))
}
