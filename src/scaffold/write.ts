// The one write step of `new` and `init`: through the atomic writer, never clobbering by default,
// with Ctrl-C held back until every file is whole.
import {existsSync} from 'node:fs'
import {SopkitError} from '../core/errors.js'
import {writeFileAtomic} from '../core/writer.js'

export type WriteAction = 'created' | 'overwritten' | 'kept'

/**
 * Run `work` with SIGINT and SIGTERM deferred: the writes are synchronous, so a signal that came
 * in meanwhile is handled after them. Returns the signal, if one came, for the caller's exit code.
 */
export function deferSignals(work: () => void): NodeJS.Signals | undefined {
  let received: NodeJS.Signals | undefined
  const note = (signal: NodeJS.Signals) => {
    received ??= signal
  }
  process.on('SIGINT', note)
  process.on('SIGTERM', note)
  try {
    work()
  } finally {
    process.off('SIGINT', note)
    process.off('SIGTERM', note)
  }
  return received
}

/** Write a new file, or replace one when `force`; an existing file without `force` is an error. */
export function writeDocument(target: string, content: string, force: boolean): 'created' | 'overwritten' {
  const existed = existsSync(target)
  if (existed && !force) {
    throw new SopkitError('FILE_EXISTS', `${target} already exists`, 'pass --force to replace it, or choose another --id or --output')
  }
  writeFileAtomic(target, content, {overwrite: force})
  return existed ? 'overwritten' : 'created'
}

/** Write a file only if nothing is there: `init` keeps whatever exists. */
export function writeIfAbsent(target: string, content: string): WriteAction {
  if (existsSync(target)) return 'kept'
  try {
    writeFileAtomic(target, content, {overwrite: false})
    return 'created'
  } catch (error) {
    // Someone made it between the check and the link: theirs is kept.
    if (error instanceof SopkitError && error.code === 'FILE_EXISTS') return 'kept'
    throw error
  }
}
