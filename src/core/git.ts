// Git, called safely: execFile (no shell), refs after --end-of-options, NUL-separated names.
import {execFile, spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
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
    throw new SopkitError(
      'NOT_A_GIT_REPO',
      `${cwd} is not inside a git repository`,
      'run sopkit from inside a git work tree, or drop the git option',
    )
  }
}

/** Resolve a revision to a commit id, or fail with the flag's name in the message. */
export async function resolveRevision(cwd: string, ref: string, flag: string): Promise<string> {
  if (ref.trim() === '')
    throw new SopkitError('USAGE', `${flag} is empty`, 'name a git revision, e.g. HEAD~1, main or a commit id')
  try {
    return (await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim()
  } catch {
    throw new SopkitError(
      'BAD_REVISION',
      `${flag} "${ref}" is not a git revision in this repository`,
      'pass a branch, tag or commit, e.g. origin/main or HEAD~1',
    )
  }
}

/** What changed on this branch: files to check, and files that are gone (deleted, or renamed away). */
export interface ChangeSet {
  /** Changed, added or renamed-to files, staged or not, and untracked ones (absolute paths). */
  changed: Set<string>
  /** Files deleted or renamed away since the merge base (absolute paths). */
  gone: Set<string>
  /** The text at the merge base of every changed or gone file that existed there, by absolute path. */
  before: Map<string, string>
}

/**
 * The files changed since the merge base of `rev` and HEAD, as `git diff rev...` and jest's
 * `--changedSince` see it: what only the other branch changed is not this branch's change.
 * `A...B` is accepted when B is HEAD (or empty), as that is what it means here.
 */
export async function changesSince(cwd: string, rev: string): Promise<ChangeSet> {
  const root = await gitRoot(cwd)
  const base = await mergeBase(cwd, rev)
  const status = await git(root, ['diff', '--name-status', '-z', '-M', base, '--'])
  const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '-z'])
  const changed = new Set<string>()
  const gone = new Set<string>()
  const fields = status.split('\0')
  for (let i = 0; i + 1 < fields.length;) {
    const kind = fields[i]!.charAt(0)
    if (kind === 'R' || kind === 'C') {
      if (kind === 'R') gone.add(path.join(root, fields[i + 1]!))
      changed.add(path.join(root, fields[i + 2]!))
      i += 3
    } else {
      ;(kind === 'D' ? gone : changed).add(path.join(root, fields[i + 1]!))
      i += 2
    }
  }
  for (const name of untracked.split('\0')) if (name) changed.add(path.join(root, name))
  const before = await filesAt(
    root,
    base,
    [...changed, ...gone].map(abs => toGitPath(root, abs)),
  )
  return {changed, gone, before: new Map([...before].map(([rel, text]) => [path.join(root, rel), text]))}
}

async function mergeBase(cwd: string, rev: string): Promise<string> {
  const range = /^(.*?)\.\.\.?(.*)$/.exec(rev)
  const [from, to] = range ? [range[1]!, range[2] || 'HEAD'] : [rev, 'HEAD']
  const commit = await resolveRevision(cwd, from || 'HEAD', '--changed-since')
  const head = await resolveRevision(cwd, 'HEAD', '--changed-since')
  if (range && (await resolveRevision(cwd, to, '--changed-since')) !== head) {
    throw new SopkitError(
      'BAD_REVISION',
      `--changed-since "${rev}" names a range that does not end at HEAD`,
      'pass the branch to compare with (e.g. origin/main); sopkit compares the work tree with its merge base',
    )
  }
  try {
    return (await git(cwd, ['merge-base', commit, head])).trim()
  } catch {
    throw new SopkitError(
      'NO_MERGE_BASE',
      `--changed-since "${rev}" shares no history with HEAD`,
      'fetch the whole history (actions/checkout fetch-depth: 0, GitLab GIT_DEPTH: 0), or pass a commit of this branch',
    )
  }
}

/** Several files' text at one commit, in one `git cat-file --batch` (files absent there are left out). */
async function filesAt(root: string, commit: string, rels: readonly string[]): Promise<Map<string, string>> {
  return catFiles(root, commit, rels, '')
}

/**
 * Every file under `cwd` as it stood at `commit` (paths relative to `cwd`, forward slashes), read
 * in one `git ls-tree` and one `git cat-file --batch`. `keep` picks the files worth reading.
 */
export async function filesAtRevision(
  cwd: string,
  commit: string,
  keep: (rel: string) => boolean,
): Promise<Map<string, string>> {
  // Without --full-name, ls-tree lists the tree under `cwd`, relative to it; `commit:./rel` reads it back.
  const listing = await git(cwd, ['ls-tree', '-r', '-z', '--name-only', '--end-of-options', commit])
  const rels = listing.split('\0').filter(rel => rel !== '' && keep(rel))
  return catFiles(cwd, commit, rels, './')
}

async function catFiles(
  cwd: string,
  commit: string,
  rels: readonly string[],
  prefix: '' | './',
): Promise<Map<string, string>> {
  const texts = new Map<string, string>()
  if (rels.length === 0) return texts
  const output = await new Promise<Buffer>((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], {cwd, stdio: ['pipe', 'pipe', 'ignore']})
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', reject)
    child.on('close', code => {
      if (code === 0) resolve(Buffer.concat(chunks))
      else reject(new Error(`git cat-file exited ${code}`))
    })
    child.stdin.end(rels.map(rel => `${commit}:${prefix}${rel}\n`).join(''))
  })
  let at = 0
  for (const rel of rels) {
    const eol = output.indexOf(0x0a, at)
    if (eol < 0) break
    const header = output.subarray(at, eol).toString('utf8').split(' ')
    at = eol + 1
    if (header[1] !== 'blob') continue
    const size = Number(header[2])
    texts.set(rel, output.subarray(at, at + size).toString('utf8'))
    at += size + 1
  }
  return texts
}

function toGitPath(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/')
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

/**
 * The top of the git work tree holding `dir` (the nearest folder with a `.git` entry, a folder or,
 * in a worktree or submodule, a file), or undefined outside git. Found without running git: every
 * `check` asks, so that report paths are relative to the repository, as CI tools expect.
 */
export function workTreeRoot(dir: string): string | undefined {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if (existsSync(path.join(at, '.git'))) return at
    if (path.dirname(at) === at) return undefined
  }
}
