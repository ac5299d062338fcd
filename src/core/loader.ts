// The one document loader: finds documents inside the repo and reads each once, safely.
import {closeSync, constants, lstatSync, openSync, readSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import picomatch from 'picomatch'
import {type GlobOptions, glob} from 'tinyglobby'
import type {Config} from './config.js'
import {type DocumentRecord, type DocumentSummary, type Placed, SopDocument, type ReadProblem} from './document.js'
import {SopkitError} from './errors.js'
import {buildLibrary, type Library} from './library.js'
import {workerScript} from './package-files.js'
import {isInside, isNormalPosix, isPlainlyInside, isRepoPath} from './paths.js'
import {shareWork, threadCount} from './threads.js'

export {isInside}

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})
const BINARY_SNIFF = 8192

/** Repo-relative path with forward slashes. */
export function relativeFile(root: string, absPath: string): string {
  const rel = isPlainlyInside(root, absPath) ? absPath.slice(root.length + 1) : path.relative(root, absPath)
  return path.sep === '/' ? rel : rel.split(path.sep).join('/')
}

/**
 * The documents named by `paths` (files, folders or globs, relative to `cwd`), or by the config's
 * globs when none are given. Symlinks are never followed out of the repo or round a loop. A
 * folder or glob that matches no file is an error, as in eslint: a typo must not pass as clean.
 */
export async function findDocuments(config: Config, cwd: string, paths: readonly string[] = []): Promise<string[]> {
  const patterns: string[] = []
  const named: string[] = []
  // A config glob that climbs out of the repository is dropped unwalked (`../**` would walk the parent folder).
  const own = config.documents.map(g => path.posix.normalize(g)).filter(g => g !== '..' && !g.startsWith('../'))
  if (paths.length === 0)
    patterns.push(...own.map(g => path.posix.join(toPosix(path.relative(cwd, config.root)) || '.', g)))
  for (const p of paths) {
    const abs = path.resolve(cwd, p)
    const stat = safeStat(abs)
    if (stat?.isDirectory()) patterns.push(toPosix(path.join(p, '**/*.md')))
    else if (stat?.isFile()) named.push(abs)
    else if (/[*?[{]/.test(p)) patterns.push(toPosix(p))
    else
      throw new SopkitError(
        'PATH_NOT_FOUND',
        `${p}: no such file or folder`,
        'pass an existing file, folder or glob, relative to the current folder',
      )
  }
  const options = {
    cwd,
    absolute: true,
    followSymbolicLinks: false,
    dot: false,
    onlyFiles: true,
    ignore: config.ignore,
    expandDirectories: false,
  }
  // Named folders and globs one by one, so that one matching nothing is told apart.
  let found =
    paths.length === 0
      ? patterns.length === 0
        ? []
        : await glob(patterns, options)
      : (await Promise.all(patterns.map(p => globNamed(p, options)))).flat()
  // The config's globs are data: one with `..` inside (or a brace) must not reach past the repository or into .git.
  if (paths.length === 0) found = found.filter(file => isRepoPath(config.root, file))
  const seen = new Set<string>()
  const out: string[] = []
  // Globbing never returns symlinks; a file named on the command line may be one (the loader decides).
  for (const file of [...named, ...found.sort()]) {
    const key = named.includes(file) ? (safeRealpath(file) ?? file) : file
    if (seen.has(key)) continue
    seen.add(key)
    // A glob's matches are normal already (a library has thousands): only an odd path is normalised.
    out.push(isNormalPosix(file) ? file : path.normalize(file))
  }
  return out
}

async function globNamed(pattern: string, options: GlobOptions): Promise<string[]> {
  const found = await glob([pattern], options)
  if (found.length > 0) return found
  throw new SopkitError(
    'NO_DOCUMENTS_MATCHED',
    `no documents matched "${pattern}"`,
    'check the folder or glob (it is relative to the current folder, and quoted so the shell leaves it to sopkit)',
  )
}

/**
 * Keeps the documents the config names: a path given on the command line is still filtered by
 * `documents` and `ignore` (as eslint filters by its ignores), so a hook that passes every staged
 * `.md` file skips READMEs. Returns the kept paths and the skipped ones.
 */
export function filterByConfig(config: Config, absPaths: readonly string[]): {kept: string[]; skipped: string[]} {
  const isDocument = documentMatcher(config)
  const kept: string[] = []
  const skipped: string[] = []
  for (const abs of absPaths) {
    const rel = isInside(config.root, abs) ? relativeFile(config.root, abs) : undefined
    if (rel !== undefined && isDocument(rel)) kept.push(abs)
    else skipped.push(abs)
  }
  return {kept, skipped}
}

/** True for a root-relative path (forward slashes) that the config's `documents` globs name and `ignore` does not. */
export function documentMatcher(config: Config): (rel: string) => boolean {
  const isDocument = picomatch(config.documents, {dot: false})
  const isIgnored = config.ignore.length > 0 ? picomatch(config.ignore, {dot: true}) : () => false
  return rel => isDocument(rel) && !isIgnored(rel)
}

/** The item at an index the caller owns (a pool hands out indexes of its own list only). */
export function at<T>(list: readonly T[], index: number): T {
  if (index < 0 || index >= list.length) throw new Error(`internal: no item ${index} of ${list.length}`)
  return list[index] as T
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/')
}

function safeStat(p: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(p)
  } catch {
    return undefined
  }
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync.native(p)
  } catch {
    return undefined
  }
}

/**
 * Read one document, outlined (remark is imported first when its body needs it); anything that
 * keeps it from being text becomes a read problem, never a throw.
 */
export function loadDocument(config: Config, absPath: string): SopDocument | Promise<SopDocument> {
  const file = relativeFile(config.root, absPath)
  const read = readDocumentText(config, absPath)
  if ('kind' in read) return new SopDocument(file, absPath, '', {readProblem: read})
  return SopDocument.parse(file, absPath, read.text, {bom: read.bom})
}

/**
 * Where a summary's findings are, from its file's text alone: no YAML or Markdown parsed again
 * (the summary carries what positions need), one line index for all of the document's findings.
 */
export function placeDocument(config: Config, summary: DocumentSummary): Placed {
  const read = readDocumentText(config, summary.absPath)
  if ('kind' in read) return new SopDocument(summary.file, summary.absPath, '', {readProblem: read})
  return SopDocument.placement(summary, read.text, read.bom)
}

/** A document file's text without its BOM, or why it cannot be read as text. */
function readDocumentText(config: Config, absPath: string): {text: string; bom: boolean} | ReadProblem {
  let bytes: Buffer | undefined
  try {
    bytes = readDocumentBytes(config, absPath)
  } catch (error) {
    if (error === OUTSIDE_ROOT) return {kind: 'outside-root'}
    return {kind: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? 'error'}
  }
  if (bytes === undefined)
    return {kind: 'too-large', detail: `${sizeOf(absPath)} (limit ${humanSize(config.maxFileSize)})`}
  if (bytes.length === 0) return {kind: 'empty'}
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return {kind: 'utf16'}
  if (bytes.subarray(0, BINARY_SNIFF).includes(0)) return {kind: 'binary'}
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return {kind: 'encoding', detail: firstInvalidByte(bytes)}
  }
  const loneCr = firstLoneCr(text)
  if (loneCr !== undefined) return {kind: 'lone-cr', detail: String(loneCr)}
  const bom = text.charCodeAt(0) === 0xfeff
  return {text: bom ? text.slice(1) : text, bom}
}

/**
 * The line of the first CR that is not part of a CRLF, if any. Markdown reads a lone CR as a line
 * end, the front matter and every position here do not: such a file is reported, not misread.
 */
function firstLoneCr(text: string): number | undefined {
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) !== 10) return text.slice(0, at).split('\n').length
  }
  return undefined
}

const OUTSIDE_ROOT = new Error('outside the repository')
// Node's types say every platform has O_NOFOLLOW; Windows has none.
const O_NOFOLLOW = constants.O_NOFOLLOW as number | undefined
/** Opening fails on a symbolic link, and never waits on a FIFO. Where the platform has no O_NOFOLLOW, lstat decides. */
const NO_FOLLOW = O_NOFOLLOW === undefined ? undefined : constants.O_RDONLY | O_NOFOLLOW | constants.O_NONBLOCK

/**
 * The bytes of a document (undefined when it is larger than the limit). A symbolic link is read
 * only when it resolves inside the repository. One open, reads, one close: no stat on the way.
 */
function readDocumentBytes(config: Config, absPath: string): Buffer | undefined {
  if (NO_FOLLOW !== undefined) {
    try {
      return readBounded(openSync(absPath, NO_FOLLOW), config.maxFileSize)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOOP') throw error
    }
  } else if (!lstatSync(absPath).isSymbolicLink()) return readBounded(openSync(absPath, 'r'), config.maxFileSize)
  if (!isInside(realpathSync.native(config.root), realpathSync.native(absPath))) throw OUTSIDE_ROOT
  return readBounded(openSync(absPath, 'r'), config.maxFileSize)
}

/** The file's size for the too-large finding; the file may have gone since it was read. */
function sizeOf(absPath: string): string {
  const size = safeStat(absPath)?.size
  return size === undefined ? 'larger' : humanSize(Number(size))
}

function humanSize(bytes: number): string {
  return bytes >= 1048576
    ? `${(bytes / 1048576).toFixed(1)} MB`
    : bytes >= 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${bytes} bytes`
}

let scratch = Buffer.allocUnsafe(64 * 1024)

/**
 * An open file's bytes in one reused buffer (valid until the next call), or undefined as soon as
 * there are more than `limit`: decoding copies them into a string anyway, so a fresh Buffer per
 * file would only feed the garbage collector. Closes the file.
 */
function readBounded(fd: number, limit: number): Buffer | undefined {
  try {
    let length = 0
    for (let n; (n = readSync(fd, scratch, length, scratch.length - length, null)) > 0;) {
      length += n
      if (length > limit) return undefined
      if (length === scratch.length) {
        const bigger = Buffer.allocUnsafe(scratch.length * 2)
        scratch.copy(bigger)
        scratch = bigger
      }
    }
    return scratch.subarray(0, length)
  } finally {
    closeSync(fd)
  }
}

/** "line N" of the first byte that is not valid UTF-8, so the author can find it. */
function firstInvalidByte(bytes: Buffer): string {
  let lo = 0
  let hi = bytes.length
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    try {
      utf8.decode(bytes.subarray(0, mid))
      lo = mid
    } catch {
      hi = mid
    }
  }
  let line = 1
  for (let i = 0; i < lo; i++) if (bytes[i] === 0x0a) line++
  return `line ${line}`
}

/** As check's local pass (check/local-pass.ts): from 600 documents, on four cores or more. */
const THREADS = {threshold: 600, minCores: 4}
const WORKER = workerScript('core/load-worker.js')

/**
 * Load every document once, outlined, spread over worker threads on a multi-core machine
 * (core/threads). The result is the same whatever the thread count.
 */
export async function loadDocuments(config: Config, absPaths: readonly string[]): Promise<SopDocument[]> {
  const threads = threadCount(WORKER, absPaths.length, THREADS)
  const loaded = await shareWork<SopDocument | DocumentRecord>({
    count: absPaths.length,
    threads,
    worker: WORKER,
    setup: {config, paths: absPaths},
    handle: index => loadDocument(config, at(absPaths, index)),
  })
  return loaded.map(d => (d instanceof SopDocument ? d : SopDocument.fromRecord(d)))
}

/** Every document the config's globs name, loaded once, grouped into families (overlays as their effective documents). */
export async function loadLibrary(config: Config): Promise<Library> {
  return buildLibrary(config, await loadDocuments(config, await findDocuments(config, config.root)))
}
