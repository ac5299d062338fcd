// Work shared between the main thread and worker threads. Items are claimed a chunk at a time
// from one shared counter, so a thread that starts late (a worker loads its modules first) or a
// core that is busy elsewhere simply claims fewer: no static split to get wrong. Results come
// back in item order, so the outcome never depends on the thread count. A worker that fails or
// stops early stops every thread from claiming more and fails the whole run: an error, never a hang.
import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import {Worker, parentPort, workerData} from 'node:worker_threads'
import {breathe} from './breathe.js'
import {messageOf} from './errors.js'

/** What every worker receives: the shared counters and its caller's own setup data. */
interface ShareData {
  /** Int32 [claimed, finished]: the next item to claim, and how many are done on every thread. */
  counters: SharedArrayBuffer
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
  /** Told after each item this thread finishes, with the number finished so far by all threads. */
  onProgress?: (finished: number, count: number) => void
}

const CLAIMED = 0
const FINISHED = 1

/** Run `handle` on every index in [0, count), spread over `threads` threads; results in index order. */
export async function shareWork<T>(options: ShareOptions<T>): Promise<T[]> {
  const {count, threads, chunk = 32} = options
  const data: ShareData = {counters: new SharedArrayBuffer(8), count, chunk, setup: options.setup}
  const counters = new Int32Array(data.counters)
  // A failed thread must stop the others claiming: with the counter past the end, every loop ends.
  const stop = () => Atomics.store(counters, CLAIMED, count)
  const workers = Array.from({length: Math.max(0, threads - 1)}, () => startWorker<T>(options.worker, data, stop))
  const results = new Array<T>(count)
  try {
    const own = await claimLoop(counters, count, chunk, options.handle, options.onProgress)
    for (const [index, result] of own) results[index] = result
    for (const pairs of await Promise.all(workers.map(w => w.done))) {
      for (const [index, result] of pairs) results[index] = result
    }
  } catch (error) {
    stop()
    await Promise.allSettled(workers.map(w => w.stop()))
    throw error
  }
  return results
}

async function claimLoop<T>(
  counters: Int32Array,
  count: number,
  chunk: number,
  handle: Handler<T>,
  onProgress?: (finished: number, count: number) => void,
): Promise<Array<[number, T]>> {
  const out: Array<[number, T]> = []
  const claim = () => Atomics.add(counters, CLAIMED, chunk)
  for (let start = claim(); start < count; start = claim()) {
    for (let index = start; index < Math.min(start + chunk, count); index++) {
      const result = handle(index)
      out.push([index, result instanceof Promise ? await result : result])
      const finished = Atomics.add(counters, FINISHED, 1) + 1
      onProgress?.(finished, count)
    }
    // Lets signals and child processes (git, started beside this pass) be served meanwhile.
    await breathe()
  }
  return out
}

interface RunningWorker<T> {
  /** The worker's results, or a one-line error when it failed or stopped before sending them. */
  done: Promise<Array<[number, T]>>
  stop(): Promise<number>
}

function startWorker<T>(url: URL, data: ShareData, onFailure: () => void): RunningWorker<T> {
  const worker = new Worker(url, {workerData: data})
  const done = new Promise<Array<[number, T]>>((resolve, reject) => {
    const fail = (reason: string) => {
      onFailure()
      reject(new Error(`a worker thread failed: ${reason.split('\n')[0] ?? ''}`))
    }
    worker.once('message', (pairs: Array<[number, T]>) => {
      resolve(pairs)
      void worker.terminate()
    })
    worker.once('error', error => {
      fail(messageOf(error))
    })
    worker.once('exit', code => {
      fail(`it stopped (exit code ${code}) before it finished`)
    })
  })
  // The caller awaits every worker, but a failure may come before it gets to this one.
  done.catch(() => undefined)
  return {done, stop: () => worker.terminate()}
}

/** In a worker module: the `setup` its caller passed to `shareWork`. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the setup crosses the thread boundary untyped: the worker module names the type its caller sent
export function shareSetup<S>(): S {
  return (workerData as ShareData).setup as S
}

/** In a worker module: claim items until none is left, then send the results to the main thread. */
export async function serveShare<T>(handle: Handler<T>): Promise<void> {
  const {counters, count, chunk} = workerData as ShareData
  if (!parentPort) throw new Error('internal: serveShare runs in a worker thread only')
  parentPort.postMessage(await claimLoop(new Int32Array(counters), count, chunk, handle))
}
