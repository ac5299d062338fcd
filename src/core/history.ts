// The documents' git history, read in two processes whatever the library's size: one `git log`
// for every file's commits (renames followed), one `git cat-file --batch` for the blobs asked of it.
import {execFile, spawn} from 'node:child_process'
import path from 'node:path'
import {promisify} from 'node:util'
import {findGitRoot} from './paths.js'

const run = promisify(execFile)

/** One commit that wrote a file: the commit and the file's blob there. Newest first in a history. */
export interface FileRevision {
  commit: string
  blob: string
}

/** Why a history cannot tell upstream changes from local ones. */
export type NoHistory = 'no-git' | 'no-repo' | 'shallow'

export interface RepoHistory {
  /** Revisions of a root-relative path (forward slashes), newest first, followed through renames. */
  revisionsOf(file: string): readonly FileRevision[]
  /** True when the file in the work tree differs from HEAD (edited, staged or untracked). */
  isChanged(file: string): boolean
  /** The text of blobs, read in one batch and cached by blob id. */
  read(blobs: readonly string[]): Promise<Map<string, string>>
  close(): void
}

async function git(cwd: string, args: string[]): Promise<string> {
  const {stdout} = await run('git', args, {cwd, maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8'})
  return stdout
}

/**
 * The history of every file under `root`, or why there is none. A shallow clone has commits whose
 * parents are missing, so a version set before its depth would look like it never existed.
 */
export async function openHistory(root: string): Promise<RepoHistory | NoHistory> {
  // No `.git` above the root (and no GIT_DIR naming one elsewhere): no process to start at all.
  if (process.env.GIT_DIR === undefined && findGitRoot(root) === undefined) return 'no-repo'
  // All three start at once, while this process is small: forking a process costs more as its heap grows.
  const where = git(root, ['rev-parse', '--show-toplevel', '--is-shallow-repository'])
  // A repository without a commit yet has no history: every file is new.
  const log = git(root, [
    'log',
    '-M',
    '--raw',
    '--no-abbrev',
    '-z',
    '--format=%x01%H',
    '--end-of-options',
    'HEAD',
    '--',
    '.',
  ]).catch(() => '')
  const changed = git(root, ['diff', '--name-only', '--relative', '--no-renames', '-z', 'HEAD', '--', '.']).catch(
    () => undefined,
  )
  let top: string
  try {
    const [topLine, shallow] = (await where).trim().split('\n')
    if (shallow === 'true') return 'shallow'
    top = topLine ?? root
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no-git' : 'no-repo'
  }
  const prefix = path.relative(top, root).split(path.sep).join('/')
  const [logText, changedText] = await Promise.all([log, changed])
  return new GitHistory(
    top,
    parseLog(logText, prefix),
    changedText === undefined ? undefined : new Set(changedText.split('\0').filter(Boolean)),
  )
}

interface Change {
  /** Position in the log: a larger number is an older change. */
  order: number
  commit: string
  status: string
  blob: string
  from: string
  to: string
}

/** `git log --raw -z` output: \x01 commit \0 \n :meta \0 path [\0 path] \0 ... */
function parseLog(log: string, prefix: string): Change[] {
  const changes: Change[] = []
  const strip = (p: string) => (prefix === '' ? p : p.startsWith(prefix + '/') ? p.slice(prefix.length + 1) : p)
  for (const chunk of log.split('\x01')) {
    if (chunk === '') continue
    const tokens = chunk.split('\0')
    const commit = tokens[0] ?? ''
    for (let i = 1; i < tokens.length; i++) {
      const meta = (tokens[i] ?? '').replace(/^\n/, '')
      if (!meta.startsWith(':')) continue
      const fields = meta.split(' ')
      const status = fields[4] ?? ''
      const twoPaths = status.startsWith('R') || status.startsWith('C')
      const from = strip(tokens[i + 1] ?? '')
      const to = twoPaths ? strip(tokens[i + 2] ?? '') : from
      changes.push({order: changes.length, commit, status: status.charAt(0), blob: fields[3] ?? '', from, to})
      i += twoPaths ? 2 : 1
    }
  }
  return changes
}

class GitHistory implements RepoHistory {
  private readonly byPath = new Map<string, Change[]>()
  private readonly revisions = new Map<string, FileRevision[]>()
  private readonly blobs = new Map<string, string>()
  private reader?: BlobReader

  /** Files that differ from HEAD; undefined when that is unknown (then every file may). */
  constructor(
    private readonly top: string,
    changes: Change[],
    private readonly changed: Set<string> | undefined,
  ) {
    for (const c of changes) {
      const list = this.byPath.get(c.to)
      if (list) list.push(c)
      else this.byPath.set(c.to, [c])
    }
  }

  revisionsOf(file: string): readonly FileRevision[] {
    const known = this.revisions.get(file)
    if (known) return known
    const out: FileRevision[] = []
    let name: string | undefined = file
    let before = -1
    // git log lists newest first; at a rename the older part of the history is under the old name.
    while (name !== undefined) {
      const list: Change[] = (this.byPath.get(name) ?? []).filter(c => c.order > before)
      name = undefined
      for (const c of list) {
        if (c.status === 'D') break
        out.push({commit: c.commit, blob: c.blob})
        if (c.status === 'R' || c.status === 'C') {
          if (c.from !== c.to) [name, before] = [c.from, c.order]
          break
        }
        if (c.status === 'A') break
      }
    }
    this.revisions.set(file, out)
    return out
  }

  isChanged(file: string): boolean {
    return this.changed === undefined || this.changed.has(file)
  }

  async read(blobs: readonly string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(blobs)].filter(b => !this.blobs.has(b))
    if (wanted.length > 0) {
      this.reader ??= new BlobReader(this.top)
      for (const [blob, text] of await this.reader.read(wanted)) this.blobs.set(blob, text)
    }
    const out = new Map<string, string>()
    for (const b of blobs) {
      const text = this.blobs.get(b)
      if (text !== undefined) out.set(b, text)
    }
    return out
  }

  close(): void {
    this.reader?.close()
  }
}

/** One long-lived `git cat-file --batch`: blob ids in, `<id> blob <size>\n<bytes>\n` out. */
class BlobReader {
  private readonly child
  private buffer: Buffer = Buffer.alloc(0)
  private waiting?: () => void
  private ended = false

  constructor(cwd: string) {
    this.child = spawn('git', ['cat-file', '--batch'], {cwd, stdio: ['pipe', 'pipe', 'ignore']})
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk])
      this.wake()
    })
    const end = () => {
      this.ended = true
      this.wake()
    }
    this.child.stdout.on('end', end)
    // A git that is missing or dies mid-batch ends the reads (the blobs not read count as not found), never the run.
    this.child.stdin.on('error', end)
    this.child.on('error', end)
  }

  private wake(): void {
    const waiting = this.waiting
    this.waiting = undefined
    waiting?.()
  }

  async read(blobs: readonly string[]): Promise<Map<string, string>> {
    this.child.stdin.write(blobs.map(b => `${b}\n`).join(''))
    const out = new Map<string, string>()
    const decoder = new TextDecoder('utf-8')
    for (const blob of blobs) {
      const header = await this.take(buf => buf.indexOf(10))
      if (header === undefined) break
      const [, kind, size] = header.toString('utf8').split(' ')
      if (kind !== 'blob') continue
      const length = Number(size)
      const body = await this.take(buf => (buf.length > length ? length : -1))
      if (body === undefined) break
      out.set(blob, decoder.decode(body))
    }
    return out
  }

  /** The bytes before `end(buffer)` (waiting while it is -1), removed with the one separator byte after them. */
  private async take(end: (buffer: Buffer) => number): Promise<Buffer | undefined> {
    for (;;) {
      const at = end(this.buffer)
      if (at >= 0 && this.buffer.length > at) {
        const head = Buffer.from(this.buffer.subarray(0, at))
        this.buffer = this.buffer.subarray(at + 1)
        return head
      }
      if (this.ended) return undefined
      await new Promise<void>(resolve => (this.waiting = resolve))
    }
  }

  close(): void {
    this.child.stdin.end()
  }
}
