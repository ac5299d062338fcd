// Where playbooks go and the one overwrite rule: a file an earlier export made (it carries the
// generator mark) is replaced; anything else needs --force. Writes go through the atomic writer.
import {closeSync, lstatSync, openSync, readSync, statSync} from 'node:fs'
import path from 'node:path'
import {SopkitError} from '../core/errors.js'
import {requireSafeSegment} from '../core/paths.js'
import {type OutputRepo, planOutput, writeOutputFile} from '../core/output.js'
import {writeFileAtomic} from '../core/writer.js'
import {EXPORT_RENDERERS} from './render/index.js'

/** True when `bytes` are a file some sopkit export wrote, in any format: each renderer knows where its format puts the mark. */
export function hasGeneratorMark(bytes: Uint8Array): boolean {
  return EXPORT_RENDERERS.some(renderer => renderer.recognises(bytes))
}

/** Enough to find any format's mark: md/html/json near the start, pdf/docx need the whole (bounded) file. */
const MAX_SNIFF = 64 * 1024 * 1024

/** Default folder for playbooks, relative to the repo (the config's folder). */
export const DEFAULT_FOLDER = 'playbooks'

/** The file for one market: `-o FILE` as given, else `playbooks/<MARKET>.<ext>` in the repo. */
export function singleTarget(root: string, cwd: string, market: string, extension: string, output?: string): string {
  return output
    ? path.resolve(cwd, output)
    : path.join(root, DEFAULT_FOLDER, `${requireSafeSegment(market, 'market')}.${extension}`)
}

/** The file for one market of `--market all`: `<DIR>/<MARKET>.<ext>`, DIR being `-o` or `playbooks/`. */
export function folderTarget(root: string, cwd: string, market: string, extension: string, output?: string): string {
  const dir = output ? path.resolve(cwd, output) : path.join(root, DEFAULT_FOLDER)
  if (exists(dir) && !statSync(dir).isDirectory()) {
    throw new SopkitError(
      'OUTPUT_NOT_FOLDER',
      `${output ?? dir} is a file, but --market all writes one playbook per market into a folder`,
      'pass a folder to -o (it is created when missing)',
    )
  }
  // The market code is data: the path guard keeps the file inside the folder whatever the config says.
  return path.join(dir, `${requireSafeSegment(market, 'market')}.${extension}`)
}

function exists(file: string): boolean {
  try {
    lstatSync(file)
    return true
  } catch {
    return false
  }
}

function readHead(file: string): Uint8Array {
  const fd = openSync(file, 'r')
  try {
    const size = Math.min(statSync(file).size, MAX_SNIFF)
    const buffer = Buffer.alloc(size)
    let read = 0
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read)
      if (n === 0) break
      read += n
    }
    return buffer.subarray(0, read)
  } finally {
    closeSync(fd)
  }
}

/**
 * Whether writing `target` replaces a file, by the one output policy (core/output): a folder,
 * a file inside .git or a document of the library is refused, a device or FIFO is written
 * through. A regular file an export did not make (no generator mark) needs --force.
 */
export function checkTarget(target: string, force: boolean, shown: string, repo?: OutputRepo): boolean {
  const plan = planOutput(target, repo, '-o')
  if (plan.kind === 'create') return false
  if (plan.kind === 'write-through' || force) return true
  let ours = false
  try {
    ours = hasGeneratorMark(readHead(plan.file))
  } catch {
    ours = false
  }
  if (!ours) {
    throw new SopkitError(
      'OUTPUT_EXISTS',
      `${shown} exists and was not made by sopkit export (it has no generator mark)`,
      `pass --force to replace it, or choose another path with -o`,
    )
  }
  return true
}

/** Write one playbook: atomically (a file that appeared since `checkTarget` is never clobbered), or into a device as it is. */
export function writeOutput(target: string, content: string | Uint8Array, replaces: boolean, repo?: OutputRepo): void {
  if (replaces) writeOutputFile(target, content, repo, '-o')
  else writeFileAtomic(target, content, {overwrite: false})
}
