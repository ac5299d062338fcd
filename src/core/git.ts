// Git, called safely: execFile (no shell), refs after --end-of-options, NUL-separated names.
import {execFile} from 'node:child_process'
import path from 'node:path'
import {promisify} from 'node:util'
import {SopkitError} from './errors.js'

const run = promisify(execFile)

async function git(cwd: string, args: string[]): Promise<string> {
  const {stdout} = await run('git', args, {cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8'})
  return stdout
}

/** The top folder of the git work tree holding `cwd`. */
export async function gitRoot(cwd: string): Promise<string> {
  try {
    return (await git(cwd, ['rev-parse', '--show-toplevel'])).trim()
  } catch {
    throw new SopkitError('NOT_A_GIT_REPO', `${cwd} is not inside a git repository`, 'run sopkit from inside a git work tree, or drop the git option')
  }
}

/** Resolve a revision to a commit id, or fail with the flag's name in the message. */
export async function resolveRevision(cwd: string, ref: string, flag: string): Promise<string> {
  if (ref.trim() === '') throw new SopkitError('USAGE', `${flag} is empty`, 'name a git revision, e.g. HEAD~1, main or a commit id')
  try {
    return (await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim()
  } catch {
    throw new SopkitError('BAD_REVISION', `${flag} "${ref}" is not a git revision in this repository`, 'pass a branch, tag or commit, e.g. origin/main or HEAD~1')
  }
}

/** Absolute paths of files changed since `ref` (committed, staged, unstaged or untracked). */
export async function changedFiles(cwd: string, ref: string): Promise<Set<string>> {
  const root = await gitRoot(cwd)
  const commit = await resolveRevision(cwd, ref, '--changed-since')
  const changed = await git(root, ['diff', '--name-only', '-z', '--no-renames', commit, '--'])
  const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '-z'])
  return new Set(`${changed}\0${untracked}`.split('\0').filter(Boolean).map((name) => path.join(root, name)))
}

/** A file's text at a revision, or undefined when it did not exist there. */
export async function showFile(cwd: string, ref: string, absPath: string): Promise<string | undefined> {
  const root = await gitRoot(cwd)
  const commit = await resolveRevision(cwd, ref, '--ref')
  const rel = path.relative(root, absPath).split(path.sep).join('/')
  try {
    return await git(root, ['show', `${commit}:${rel}`])
  } catch {
    return undefined
  }
}
