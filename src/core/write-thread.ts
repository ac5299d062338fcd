// The writer thread: a large batch of files (an import's documents) is written, flushed and put in
// place on a thread of its own, so the main thread's planning does not wait on the file system
// (creating, writing, linking and unlinking 100,000 files is about 6 s of kernel time).
// One thread a process, started with the first large batch; it keeps the process alive only while
// a batch is on it.
import {Worker} from 'node:worker_threads'
import {SopkitError} from './errors.js'
import {workerScript} from './package-files.js'
import {threadCount} from './threads.js'
import type {FileToPlace, Outcome} from './writer.js'

const WORKER = workerScript('core/write-worker.js')
/** Below this many files a batch is written where it is: a thread's start (about 30 ms) would cost more. */
const THREAD_FROM_FILES = 64

/** An outcome as it crosses between threads (a class does not): the user error's parts, or an internal message. */
export type WireOutcome = {code: string; message: string; mend: string} | {message: string} | null

export function toWire(outcome: Outcome): WireOutcome {
  if (!outcome) return null
  return outcome instanceof SopkitError
    ? {code: outcome.code, message: outcome.message, mend: outcome.mend}
    : {message: outcome.message}
}

function fromWire(wire: WireOutcome): Outcome {
  if (!wire) return undefined
  return 'code' in wire ? new SopkitError(wire.code, wire.message, wire.mend) : new Error(wire.message)
}

/**
 * A lock both threads take around each file operation, in shared memory. An exiting process
 * takes it for good before it removes its temp files: the writer thread then finishes the
 * operation under way and starts no other (an `exit` handler cannot wait for a message).
 */
export class FileOperationLock {
  constructor(readonly cell = new Int32Array(new SharedArrayBuffer(4))) {}

  take(): void {
    while (Atomics.compareExchange(this.cell, 0, 0, 1) !== 0) Atomics.wait(this.cell, 0, 1)
  }

  release(): void {
    Atomics.store(this.cell, 0, 0)
    Atomics.notify(this.cell, 0)
  }
}

class WriterThread {
  readonly lock = new FileOperationLock()
  private readonly worker = new Worker(WORKER, {workerData: this.lock.cell})
  private readonly waiting = new Map<number, {resolve: (o: Outcome[]) => void; reject: (e: Error) => void}>()
  private nextId = 0

  constructor() {
    this.worker.unref()
    this.worker.on('message', ({id, outcomes}: {id: number; outcomes: WireOutcome[]}) => {
      this.settle(id)?.resolve(outcomes.map(fromWire))
    })
    const fail = (reason: string) => {
      for (const id of [...this.waiting.keys()])
        this.settle(id)?.reject(new Error(`the writer thread failed: ${reason}`))
      thread = undefined
    }
    this.worker.on('error', error => {
      fail(error.message)
    })
    this.worker.on('exit', code => {
      fail(`it stopped (exit code ${code})`)
    })
  }

  /** As writer's placeTogether, on this thread; `buffers` (those the files' bytes are in) move to it, not copied. */
  placeTogether(files: readonly FileToPlace[], buffers: ArrayBuffer[]): Promise<Outcome[]> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      if (this.waiting.size === 0) this.worker.ref()
      this.waiting.set(id, {resolve, reject})
      this.worker.postMessage({id, files}, buffers)
    })
  }

  private settle(id: number) {
    const waiter = this.waiting.get(id)
    this.waiting.delete(id)
    if (this.waiting.size === 0) this.worker.unref()
    return waiter
  }
}

let thread: WriterThread | undefined

/**
 * The writer thread for a batch of `files`, or undefined where the batch is better written on
 * the caller's thread: a small batch, one core, SOPKIT_WORKERS=1, or running from source (the
 * policy of every worker thread, core/threads).
 */
export function writerThreadFor(files: number): WriterThread | undefined {
  if (thread) return thread
  if (unavailable || threadCount(WORKER, files, {threshold: THREAD_FROM_FILES, minCores: 2}) < 2) return undefined
  try {
    return (thread = new WriterThread())
  } catch {
    // No thread may be started here (Node's permission model without --allow-worker): this one writes.
    unavailable = true
    return undefined
  }
}

let unavailable = false

/** On exit: once this returns, the writer thread has no file operation under way and starts none. */
export function holdWriterThread(): void {
  thread?.lock.take()
}
