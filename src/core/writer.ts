// The one writer: every file sopkit writes goes through here, atomically.
import {spawn} from 'node:child_process'
import {createHash, randomBytes} from 'node:crypto'
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import path from 'node:path'
import {SopkitError, fileError} from './errors.js'
import {shownPath} from './paths.js'
import {holdWriterThread, writerThreadFor} from './write-thread.js'

export interface WriteOptions {
  /** Replace an existing file; without it an existing file is an error and stays untouched. */
  overwrite: boolean
  mode?: number
}

/** A name this long, plus the temp suffix, could pass the 255-byte limit of most file systems. */
const LONG_NAME = 120

/** Temp names of one process differ by a counter from a random start (one random draw a run, not one a file). */
let tempSerial = randomBytes(4).readUInt32BE()

/**
 * Temp files are named after their target and the writing process, so a later run can tell a
 * crash's leftovers; a long target name is hashed, so that a valid long id still gets a temp file.
 */
function tempPath(target: string): string {
  const base = path.basename(target)
  const name = Buffer.byteLength(base) > LONG_NAME ? createHash('sha1').update(base).digest('hex') : base
  tempSerial = (tempSerial + 1) >>> 0
  const serial = tempSerial.toString(16).padStart(8, '0')
  return path.join(path.dirname(target), `.${name}.${process.pid}.${serial}.tmp`)
}

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/
/** Folders this run made or found, and swept: a write into one costs no `mkdir` (an import writes thousands into each). */
const prepared = new Set<string>()

function prepareFolder(dir: string): void {
  if (prepared.has(dir)) return
  mkdirSync(dir, {recursive: true})
  sweepStaleTemps(dir)
  prepared.add(dir)
}

/**
 * Remove temp files a killed sopkit left in a folder (SIGKILL gives no chance to clean up):
 * those whose writing process no longer exists.
 */
function sweepStaleTemps(dir: string): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    const pid = Number(TEMP_NAME.exec(name)?.[1])
    if (pid && pid !== process.pid && !isAlive(pid)) safeUnlink(path.join(dir, name))
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Write `content` to `target`: a temp file in the same folder, fsync, then rename (overwrite) or
 * hard-link (no-clobber, fails if the target exists). Readers never see a half-written file. A
 * replaced file keeps its mode and (where the user may set it) its owner and group. A file-system
 * error is a one-line user error naming the path.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array, options: WriteOptions): void {
  try {
    prepareFolder(path.dirname(target))
    const file = {target, temp: tempPath(target), content, ...options}
    stage(file, true)
    place(file)
  } catch (error) {
    throw fileError(error, target) ?? error
  }
}

/** A file to write under its temp name, then to put in place under its target name. */
export interface FileToPlace extends WriteOptions {
  target: string
  temp: string
  content: string | Uint8Array
}

/** Temp files of this process not yet in place: removed when the process exits early (a signal). */
const pending = new Set<string>()
let sweepOnExit = false

function stage({target, temp, content, overwrite, mode}: FileToPlace, durable: boolean): void {
  const existing = overwrite ? statSync(target, {throwIfNoEntry: false}) : undefined
  const fd = openTemp(temp, mode ?? 0o644)
  try {
    if (existing?.isFile()) keepOwnership(fd, existing)
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written)
    if (durable) fsyncSync(fd)
  } catch (error) {
    closeSync(fd)
    unlinkSync(temp)
    throw error
  }
  closeSync(fd)
}

function openTemp(temp: string, mode: number): number {
  try {
    return openSync(temp, 'wx', mode)
  } catch (error) {
    // The folder was removed while the run went on: made again, once.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    mkdirSync(path.dirname(temp), {recursive: true})
    return openSync(temp, 'wx', mode)
  }
}

function place({target, temp, overwrite}: FileToPlace): void {
  try {
    if (overwrite) renameSync(temp, target)
    else linkSync(temp, target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new SopkitError(
        'FILE_EXISTS',
        `${shownPath(target)} already exists`,
        'pass --force to overwrite it, or choose another path',
      )
    }
    throw error
  } finally {
    safeUnlink(temp)
    pending.delete(temp)
  }
}

/**
 * Many files made durable together: each is written under its temp name without its own fsync,
 * then one flush of the file system (`sync -f`, as git's batch fsync mode does with one fsync)
 * makes them all durable, and only then is each put in place. A crash before the flush leaves
 * temp files only (swept by the next run), never a half-written target; per-file fsyncs cost
 * 0.4 ms each on a journaling file system, most of a 100,000-file import. Where `sync -f` is
 * missing (macOS, a bare container), each temp file is fsynced at commit instead. A large batch
 * is written by the writer thread (core/write-thread), so the caller's thread goes on meanwhile.
 */
export class WriteBatch {
  private files: FileToPlace[] = []
  private held = new HeldBytes()

  constructor(private readonly limits = {files: 512, bytes: 16 << 20}) {}

  /** Take a file for the next commit; a folder that cannot be made is the user error writeFileAtomic would give. */
  add(target: string, content: string | Uint8Array, options: WriteOptions): void {
    try {
      prepareFolder(path.dirname(target))
    } catch (error) {
      throw fileError(error, target) ?? error
    }
    const file = {target, temp: tempPath(target), content: this.held.hold(content), ...options}
    this.files.push(file)
    removeOnExit(file.temp)
  }

  /** Enough is held that holding more would only delay the results and lose more to a signal. */
  get full(): boolean {
    return this.files.length >= this.limits.files || this.held.bytes >= this.limits.bytes
  }

  /**
   * Write, flush, then put each file in place: one outcome per file, in the order added (an
   * error, or undefined when written). The caller may take the next batch meanwhile (the rows
   * of an import go on being planned on this thread).
   */
  async commit(): Promise<Outcome[]> {
    const {files, held} = this
    this.files = []
    this.held = new HeldBytes()
    if (files.length === 0) return []
    const thread = writerThreadFor(files.length)
    const outcomes = await (thread ? thread.placeTogether(files, held.buffers) : placeTogether(files))
    for (const {temp} of files) pending.delete(temp)
    return outcomes
  }
}

/**
 * The bytes of a batch's files one after another in a few large buffers: no allocation a file,
 * nothing the garbage collector must move, and a batch goes to the writer thread without a copy.
 */
class HeldBytes {
  readonly buffers: ArrayBuffer[] = []
  bytes = 0
  private chunk = Buffer.alloc(0)
  private used = 0

  /** `content` as UTF-8 bytes held here. */
  hold(content: string | Uint8Array): Uint8Array {
    // UTF-8 takes at most 3 bytes for each UTF-16 unit of a string.
    const room = typeof content === 'string' ? content.length * 3 : content.length
    if (this.chunk.length - this.used < room) this.startChunk(room)
    let length = content.length
    if (typeof content === 'string') length = this.chunk.write(content, this.used, 'utf8')
    else this.chunk.set(content, this.used)
    const bytes = this.chunk.subarray(this.used, this.used + length)
    this.used += length
    this.bytes += length
    return bytes
  }

  private startChunk(room: number): void {
    this.chunk = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, room))
    this.used = 0
    this.buffers.push(this.chunk.buffer)
  }
}

const CHUNK_BYTES = 1 << 20

/** What became of one file of a batch: undefined when it is in place. */
export type Outcome = Error | undefined

/**
 * Stage every file, flush once, put each in place; one outcome per file, each error the user
 * error writeFileAtomic would give. `step` runs each file operation (the writer thread passes one
 * that an exiting process can hold back).
 */
export async function placeTogether(
  files: readonly FileToPlace[],
  step: (operation: () => void) => void = operation => {
    operation()
  },
): Promise<Outcome[]> {
  const outcomes = new Array<Outcome>(files.length)
  const attempt = (index: number, operation: () => void) => {
    try {
      step(operation)
    } catch (error) {
      outcomes[index] = (fileError(error, files[index]!.target) ?? error) as Error
    }
  }
  files.forEach((file, index) => {
    attempt(index, () => {
      stage(file, false)
    })
  })
  const staged = files.flatMap((file, index) => (outcomes[index] ? [] : [{file, index}]))
  if (!(await flushFileSystems(staged.map(({file}) => file.temp))))
    for (const {file, index} of staged)
      attempt(index, () => {
        fsyncStaged(file.temp)
      })
  for (const {file, index} of staged)
    if (!outcomes[index])
      attempt(index, () => {
        place(file)
      })
  return outcomes
}

function removeOnExit(temp: string): void {
  pending.add(temp)
  if (sweepOnExit) return
  sweepOnExit = true
  process.once('exit', () => {
    // The writer thread must not create or place a file while (or after) its temp files are removed.
    holdWriterThread()
    for (const file of pending) safeUnlink(file)
  })
}

/** `sync -f` once per file system the files live on; false when the command is missing or failed. */
function flushFileSystems(files: readonly string[]): Promise<boolean> {
  if (process.platform !== 'linux') return Promise.resolve(false)
  const oneEach = new Map<number, string>()
  for (const dir of new Set(files.map(file => path.dirname(file)))) {
    const {dev} = statSync(dir)
    if (!oneEach.has(dev)) oneEach.set(dev, dir)
  }
  return new Promise(resolve => {
    const flush = spawn('sync', ['-f', ...oneEach.values()], {stdio: 'ignore'})
    flush.once('error', () => {
      resolve(false)
    })
    flush.once('close', code => {
      resolve(code === 0)
    })
  })
}

/** Make a staged temp file durable; one that cannot be is removed, never left for a later run to sweep. */
function fsyncStaged(temp: string): void {
  try {
    const fd = openSync(temp, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    safeUnlink(temp)
    throw error
  }
}

/** The replacement gets the replaced file's mode (0640 stays 0640), and its owner when we may give it (root, or our own group). */
function keepOwnership(fd: number, existing: {mode: number; uid: number; gid: number}): void {
  fchmodSync(fd, existing.mode & 0o7777)
  try {
    fchownSync(fd, existing.uid, existing.gid)
  } catch {
    // Not ours to give away (EPERM): the file is ours now, as any editor's save would make it.
  }
}

function safeUnlink(file: string): void {
  try {
    unlinkSync(file)
  } catch {
    // already gone
  }
}
