// User-facing error types: each names the thing that is wrong and how to mend it.

/** A usage, config or input error: exit code 2, printed as one line plus a mend. */
export class SopkitError extends Error {
  readonly code: string
  readonly mend: string
  readonly exitCode: number

  constructor(code: string, message: string, mend: string, exitCode = 2) {
    super(message)
    this.name = 'SopkitError'
    this.code = code
    this.mend = mend
    this.exitCode = exitCode
  }
}

/** The configuration file is invalid; every problem is listed at once. */
export class ConfigError extends SopkitError {
  readonly problems: string[]

  constructor(file: string, problems: string[]) {
    super(
      'CONFIG_INVALID',
      `${file}: ${problems.join('; ')}`,
      `fix ${problems.length === 1 ? 'this key' : 'these keys'} in ${file} (run \`sopkit schema --for config\` to see the expected shape)`,
    )
    this.problems = problems
  }
}

/** Narrow an unknown thrown value to a message without a stack. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** What each file-system errno a user can cause means, and how to mend it: the one mapping every command uses. */
const ERRNO: Record<string, {what: string; mend: string}> = {
  EACCES: {what: 'permission denied', mend: 'check the permissions of the file and its folder, or choose another path'},
  EPERM: {
    what: 'operation not permitted',
    mend: 'check the permissions and flags (immutable, append-only) of the file and its folder, or another path',
  },
  EROFS: {
    what: 'the file system is read-only',
    mend: 'choose a path on a writable file system, or remount it read-write',
  },
  ENOSPC: {what: 'no space left on the device', mend: 'free some space, or choose a path on another file system'},
  EDQUOT: {what: 'disk quota exceeded', mend: 'free some space within your quota, or choose another path'},
  EFBIG: {
    what: 'the file is too large for this file system (or for the file-size limit, ulimit -f)',
    mend: 'raise the limit, or choose another file system',
  },
  EISDIR: {what: 'is a folder', mend: 'pass a file name, not a folder'},
  ENOTDIR: {
    what: 'a part of the path is a file, not a folder',
    mend: 'fix the path so that every part before the file name is a folder',
  },
  EEXIST: {what: 'already exists', mend: 'pass --force to replace it, or choose another path'},
  ENAMETOOLONG: {what: 'the name is too long for the file system', mend: 'use a shorter id, name or path'},
  ENOENT: {what: 'no such file or folder', mend: 'check the path (a folder on the way may be missing)'},
  ELOOP: {what: 'too many levels of symbolic links', mend: 'fix the symbolic link loop on this path'},
  EMFILE: {what: 'too many open files', mend: 'raise the open-file limit (ulimit -n) and run again'},
  ENFILE: {
    what: 'too many open files on the system',
    mend: 'close some programs, or raise the system open-file limit, and run again',
  },
  ENXIO: {
    what: 'no process is reading from it (a socket or a FIFO without a reader)',
    mend: 'start the reader first, or choose a regular file',
  },
  EBUSY: {what: 'the file or device is busy', mend: 'close the program that holds it, then run again'},
  ETXTBSY: {what: 'the file is busy (being executed)', mend: 'choose another path'},
  EIO: {what: 'input/output error', mend: 'check the disk or the network file system, then run again'},
  EXDEV: {what: 'cannot be moved across file systems', mend: 'choose a path on the same file system'},
}

/**
 * A file-system error as a one-line user error naming the path and the mend, or undefined when
 * `error` is not an errno a user can cause (then it is a real internal error).
 */
export function fileError(error: unknown, file?: string): SopkitError | undefined {
  if (error instanceof SopkitError || !(error instanceof Error)) return undefined
  const {code, path: errorPath, dest} = error as NodeJS.ErrnoException & {dest?: string}
  const known = code === undefined ? undefined : ERRNO[code]
  if (!known) return undefined
  const where = file ?? (code === 'EEXIST' && dest ? dest : errorPath)
  const message = `${where ? `${where}: ` : ''}${known.what} (${code ?? 'error'})`
  return new SopkitError(`FILE_${code ?? 'ERROR'}`, message, known.mend)
}
