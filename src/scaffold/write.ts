// The one write step of `new` and `init`: through the atomic writer, never clobbering by default.
import {existsSync} from 'node:fs'
import {SopkitError} from '../core/errors.js'
import {writeFileAtomic} from '../core/writer.js'
import {shownPath} from '../core/paths.js'

export type WriteAction = 'created' | 'overwritten' | 'kept'

/** Write a new file, or replace one when `force`; an existing file without `force` is an error. */
export function writeDocument(target: string, content: string, force: boolean): 'created' | 'overwritten' {
  const existed = existsSync(target)
  if (existed && !force) {
    throw new SopkitError(
      'FILE_EXISTS',
      `${shownPath(target)} already exists`,
      'pass --force to replace it, or choose another --id or --output',
    )
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
