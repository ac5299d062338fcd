// The one output policy for every report a command writes where the user says (-o, --cache-location,
// --suppressions, schema -o): what may be replaced, what is written through, what is refused.
import {lstatSync, realpathSync, type Stats, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import picomatch from 'picomatch'
import type {Config} from './config.js'
import {SopkitError, fileError} from './errors.js'
import {isInside, passesThroughGit} from './paths.js'
import {writeFileAtomic} from './writer.js'

/** What the policy needs of the repository: where it is and which files are its documents. */
export type OutputRepo = Pick<Config, 'root' | 'documents' | 'ignore'>

/** Where the file really goes, and how. */
export type OutputPlan =
  | {kind: 'replace' | 'create'; file: string}
  /** A device, FIFO or socket (e.g. /dev/stdout): written into, never replaced by a regular file. */
  | {kind: 'write-through'; file: string}

/**
 * Decide how a report reaches `target`: a missing file is created; a regular file is replaced
 * unless it is a document of the library or inside `.git`; a symlink is followed (the link
 * stays); a device, FIFO or socket is written through; a folder is a one-line user error.
 * `what` names the flag in messages.
 */
export function planOutput(target: string, repo: OutputRepo | undefined, what: string): OutputPlan {
  const absolute = path.resolve(target)
  let stat: Stats | undefined
  let file = absolute
  try {
    stat = lstatSync(absolute, {throwIfNoEntry: false})
    if (stat?.isSymbolicLink()) {
      file = realpathSync.native(absolute)
      stat = statSync(file)
    }
  } catch (error) {
    throw fileError(error, target) ?? error
  }
  if (stat?.isDirectory()) {
    throw new SopkitError('OUTPUT_IS_FOLDER', `${what} ${target} is a folder`, `pass a file name to ${what}`)
  }
  if (stat && !stat.isFile()) return {kind: 'write-through', file}
  if (passesThroughGit(absolute) || passesThroughGit(file)) {
    throw new SopkitError(
      'OUTPUT_IN_GIT',
      `${what} ${target} is inside .git, which belongs to git`,
      `choose a path outside .git for ${what}`,
    )
  }
  if (stat && repo && isLibraryDocument(repo, file)) {
    throw new SopkitError(
      'OUTPUT_IS_DOCUMENT',
      `${what} ${target} is a document of the library; writing would replace it`,
      `choose another file for ${what} (a report never replaces a document)`,
    )
  }
  return {kind: stat ? 'replace' : 'create', file}
}

/** Write a report as the policy says: atomically through the one writer, or into a device as it is. */
export function writeOutputFile(
  target: string,
  content: string | Uint8Array,
  repo: OutputRepo | undefined,
  what = '--output',
): void {
  const plan = planOutput(target, repo, what)
  if (plan.kind !== 'write-through') {
    writeFileAtomic(plan.file, content, {overwrite: true})
    return
  }
  try {
    writeFileSync(plan.file, content)
  } catch (error) {
    throw fileError(error, target) ?? error
  }
}

/** A file the config's `documents` globs name (and `ignore` does not), inside the repository. */
export function isLibraryDocument(repo: OutputRepo, file: string): boolean {
  const root = realRoot(repo.root)
  const inside = [repo.root, root].find(r => isInside(r, file))
  if (inside === undefined) return false
  const relative = path.relative(inside, file).split(path.sep).join('/')
  const globs = (list: readonly string[]) => list.map(g => g.replace(/^\.\//, ''))
  return picomatch(globs(repo.documents))(relative) && !picomatch(globs(repo.ignore), {dot: true})(relative)
}

function realRoot(root: string): string {
  try {
    return realpathSync.native(root)
  } catch {
    return root
  }
}
