// The one writer: every file sopkit writes goes through here, atomically.
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

export interface WriteOptions {
  /** Replace an existing file; without it an existing file is an error and stays untouched. */
  overwrite: boolean
  mode?: number
}

/** A name this long, plus the temp suffix, could pass the 255-byte limit of most file systems. */
const LONG_NAME = 120

/**
 * Temp files are named after their target and the writing process, so a later run can tell a
 * crash's leftovers; a long target name is hashed, so that a valid long id still gets a temp file.
 */
function tempPath(target: string): string {
  const base = path.basename(target)
  const name = Buffer.byteLength(base) > LONG_NAME ? createHash('sha1').update(base).digest('hex') : base
  return path.join(path.dirname(target), `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/
const swept = new Set<string>()

/**
 * Remove temp files a killed sopkit left in a folder (SIGKILL gives no chance to clean up):
 * those whose writing process no longer exists. Once per folder per run.
 */
export function sweepStaleTemps(dir: string): void {
  if (swept.has(dir)) return
  swept.add(dir)
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
    writeAtomically(target, content, options)
  } catch (error) {
    throw fileError(error, target) ?? error
  }
}

function writeAtomically(target: string, content: string | Uint8Array, options: WriteOptions): void {
  mkdirSync(path.dirname(target), {recursive: true})
  sweepStaleTemps(path.dirname(target))
  const existing = options.overwrite ? statSync(target, {throwIfNoEntry: false}) : undefined
  const temp = tempPath(target)
  const fd = openSync(temp, 'wx', options.mode ?? 0o644)
  try {
    if (existing?.isFile()) keepOwnership(fd, existing)
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written)
    fsyncSync(fd)
  } catch (error) {
    closeSync(fd)
    unlinkSync(temp)
    throw error
  }
  closeSync(fd)
  try {
    if (options.overwrite) renameSync(temp, target)
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
