// The one writer: every file sopkit writes goes through here, atomically.
import {randomBytes} from 'node:crypto'
import {closeSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, renameSync, unlinkSync, writeSync} from 'node:fs'
import path from 'node:path'
import {SopkitError} from './errors.js'

export interface WriteOptions {
  /** Replace an existing file; without it an existing file is an error and stays untouched. */
  overwrite: boolean
  mode?: number
}

/** Temp files are named after their target and the writing process, so a later run can tell a crash's leftovers. */
function tempPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
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
 * hard-link (no-clobber, fails if the target exists). Readers never see a half-written file.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array, options: WriteOptions): void {
  mkdirSync(path.dirname(target), {recursive: true})
  sweepStaleTemps(path.dirname(target))
  const temp = tempPath(target)
  const fd = openSync(temp, 'wx', options.mode ?? 0o644)
  try {
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
      throw new SopkitError('FILE_EXISTS', `${target} already exists`, 'pass --force to overwrite it, or choose another path')
    }
    throw error
  } finally {
    safeUnlink(temp)
  }
}

function safeUnlink(file: string): void {
  try {
    unlinkSync(file)
  } catch {
    // already gone
  }
}
