// The one path guard: every path built from data or config (market codes, ids, type and template
// names, the `path` pattern, globs, export targets, cache and suppression files) passes here.
import {existsSync, lstatSync, realpathSync} from 'node:fs'
import path from 'node:path'
import {SopkitError} from './errors.js'

/**
 * What may be one path segment built from data: no separators, no dots to climb with, nothing
 * hidden, nothing a file system refuses. The config schema checks taxonomy and type keys with it.
 */
export const SAFE_SEGMENT_SOURCE = '^[A-Za-z0-9][A-Za-z0-9_-]{0,199}$'
const SAFE_SEGMENT = new RegExp(SAFE_SEGMENT_SOURCE)

export function isSafeSegment(value: string): boolean {
  return SAFE_SEGMENT.test(value)
}

/** `value`, when it can be one path segment; else an exit-2 error naming it as `what`. */
export function requireSafeSegment(value: string, what: string): string {
  if (!isSafeSegment(value)) {
    throw new SopkitError(
      'UNSAFE_PATH',
      `${what} "${value}" cannot be part of a file path`,
      `use letters, digits, hyphens and underscores only (at most 200), starting with a letter or digit`,
    )
  }
  return value
}

/**
 * The common case without path.relative's full walk: a POSIX path that is already normal and
 * starts with the root's own path and a separator.
 */
export function isPlainlyInside(root: string, target: string): boolean {
  return target.startsWith(root) && target[root.length] === '/' && isNormalPosix(target)
}

/** A path `path.normalize` would return as it is, on POSIX: no `.` or `..` segment, no doubled or trailing slash. */
export function isNormalPosix(file: string): boolean {
  return (
    path.sep === '/' &&
    !file.includes('//') &&
    !file.includes('/./') &&
    !file.includes('/../') &&
    !file.endsWith('/') &&
    !file.endsWith('/.') &&
    !file.endsWith('/..')
  )
}

/** True when `target` is `root` or inside it (lexically, after normalisation). */
export function isInside(root: string, target: string): boolean {
  if (target === root || isPlainlyInside(root, target)) return true
  const rel = path.relative(root, target)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
}

/** True when some segment of `file` is a `.git` folder (any case: macOS and Windows fold it). */
export function passesThroughGit(file: string): boolean {
  return file.split(/[\\/]/).some(segment => segment.toLowerCase() === '.git')
}

/** True when some folder on the way from `root` to `target` is a `.git`. */
export function isInGitDir(root: string, target: string): boolean {
  // Most paths name no `.git` at all: no need to work out the relative path (a library checks thousands).
  if (!/\.git/i.test(target)) return false
  return passesThroughGit(path.relative(root, path.resolve(root, target)))
}

/** The real path of `target`, or of its deepest existing folder joined with the rest (nothing need exist yet). */
export function realTarget(target: string): string {
  let dir = path.resolve(target)
  const rest: string[] = []
  while (!exists(dir) && path.dirname(dir) !== dir) {
    rest.unshift(path.basename(dir))
    dir = path.dirname(dir)
  }
  return path.join(exists(dir) ? realpathSync.native(dir) : dir, ...rest)
}

function exists(file: string): boolean {
  return lstatSync(file, {throwIfNoEntry: false}) !== undefined
}

/** A path as messages show it: relative to the working folder (`sops/a.md`, `../x`), absolute only when on another drive. */
export function shownPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file)
  return relative === '' ? '.' : path.isAbsolute(relative) ? file : relative
}

/**
 * `target` resolved against `root`, when it stays inside the repository, lexically and through
 * any symlinked folder, and outside its `.git`. Otherwise an exit-2 error naming `what` and the mend.
 */
export function guardPath(root: string, target: string, what: string, mend: string): string {
  const resolved = path.resolve(root, target)
  const realRoot = existsSync(root) ? realpathSync.native(root) : root
  const real = realTarget(resolved)
  if (!isInside(root, resolved) || !isInside(realRoot, real)) {
    throw new SopkitError('UNSAFE_PATH', `${what} ${target} would be outside the repository ${shownPath(root)}`, mend)
  }
  if (isInGitDir(root, resolved) || isInGitDir(realRoot, real)) {
    throw new SopkitError('UNSAFE_PATH', `${what} ${target} is inside .git, which belongs to git`, mend)
  }
  return resolved
}

/** Whether a path found from data (a glob's match, a link) may be read or rewritten as part of the repository. */
export function isRepoPath(root: string, target: string): boolean {
  return isInside(root, target) && !isInGitDir(root, target)
}

/** The top of the git work tree holding `dir` (a folder with `.git`, a folder or a worktree's file), if any. */
export function findGitRoot(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (exists(path.join(d, '.git'))) return d
    if (path.dirname(d) === d) return undefined
  }
}
