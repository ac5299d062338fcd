// The one document loader: finds documents inside the repo and reads each once, safely.
import {closeSync, constants, lstatSync, openSync, readSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import {glob} from 'tinyglobby'
import type {Config} from './config.js'
import {type DocumentRecord, SopDocument, type ReadProblem} from './document.js'
import {SopkitError} from './errors.js'
import {buildLibrary, type Library} from './library.js'
import {loadMarkdownParser} from './markdown.js'
import {shareWork, threadCount} from './threads.js'

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})
const BINARY_SNIFF = 8192

/** Repo-relative path with forward slashes. */
export function relativeFile(root: string, absPath: string): string {
  const rel = isPlainlyInside(root, absPath) ? absPath.slice(root.length + 1) : path.relative(root, absPath)
  return path.sep === '/' ? rel : rel.split(path.sep).join('/')
}

/**
 * The common case without path.relative's full walk: a POSIX path that is already normal (no
 * `.` or `..` segment, no doubled slash) and starts with the root's own path and a separator.
 */
function isPlainlyInside(root: string, target: string): boolean {
  return path.sep === '/' && target.startsWith(root) && target[root.length] === '/' && !target.includes('//') && !target.includes('/./') &&
    !target.includes('/../') && !target.endsWith('/') && !target.endsWith('/.') && !target.endsWith('/..')
}

/** True when `target` is `root` or inside it. */
export function isInside(root: string, target: string): boolean {
  if (target === root || isPlainlyInside(root, target)) return true
  const rel = path.relative(root, target)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/**
 * The documents named by `paths` (files, folders or globs, relative to `cwd`), or by the config's
 * globs when none are given. Symlinks are never followed out of the repo or round a loop.
 */
export async function findDocuments(config: Config, cwd: string, paths: readonly string[] = []): Promise<string[]> {
  const patterns: string[] = []
  const named: string[] = []
  if (paths.length === 0) patterns.push(...config.documents.map((g) => path.posix.join(toPosix(path.relative(cwd, config.root)) || '.', g)))
  for (const p of paths) {
    const abs = path.resolve(cwd, p)
    const stat = safeStat(abs)
    if (stat?.isDirectory()) patterns.push(toPosix(path.join(p, '**/*.md')))
    else if (stat?.isFile()) named.push(abs)
    else if (/[*?[{]/.test(p)) patterns.push(toPosix(p))
    else throw new SopkitError('PATH_NOT_FOUND', `${p}: no such file or folder`, 'pass an existing file, folder or glob, relative to the current folder')
  }
  const found = patterns.length === 0 ? [] : await glob(patterns, {cwd, absolute: true, followSymbolicLinks: false, dot: false, onlyFiles: true,
    ignore: config.ignore, expandDirectories: false})
  const seen = new Set<string>()
  const out: string[] = []
  // Globbing never returns symlinks; a file named on the command line may be one (the loader decides).
  for (const file of [...named, ...found.sort()]) {
    const key = named.includes(file) ? safeRealpath(file) ?? file : file
    if (seen.has(key)) continue
    seen.add(key)
    out.push(path.normalize(file))
  }
  return out
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

/** Read one document; anything that keeps it from being text becomes a read problem, never a throw. */
export function loadDocument(config: Config, absPath: string): SopDocument {
  const file = relativeFile(config.root, absPath)
  const problem = (readProblem: ReadProblem): SopDocument => new SopDocument(file, absPath, '', {readProblem})
  let bytes: Buffer | undefined
  try {
    bytes = readDocumentBytes(config, absPath)
  } catch (error) {
    if (error === OUTSIDE_ROOT) return problem({kind: 'outside-root'})
    return problem({kind: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? 'error'})
  }
  if (bytes === undefined) return problem({kind: 'too-large', detail: `${sizeOf(absPath)} (limit ${humanSize(config.maxFileSize)})`})
  if (bytes.length === 0) return problem({kind: 'empty'})
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return problem({kind: 'utf16'})
  if (bytes.subarray(0, BINARY_SNIFF).includes(0)) return problem({kind: 'binary'})
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return problem({kind: 'encoding', detail: firstInvalidByte(bytes)})
  }
  const loneCr = firstLoneCr(text)
  if (loneCr !== undefined) return problem({kind: 'lone-cr', detail: String(loneCr)})
  const bom = text.charCodeAt(0) === 0xfeff
  return new SopDocument(file, absPath, bom ? text.slice(1) : text, {bom})
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
/** Opening fails on a symbolic link, and never waits on a FIFO. Where the platform has no O_NOFOLLOW, lstat decides. */
const NO_FOLLOW = constants.O_NOFOLLOW === undefined ? undefined : constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK

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
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`
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
const WORKER = new URL('./load-worker.js', import.meta.url)

/**
 * Load every document once, spread over worker threads on a multi-core machine (core/threads).
 * The result is the same whatever the thread count. remark is imported only if some body needs
 * more than the line scanner.
 */
export async function loadDocuments(config: Config, absPaths: readonly string[]): Promise<SopDocument[]> {
  const threads = threadCount(WORKER, absPaths.length, THREADS)
  const loaded = await shareWork<SopDocument | DocumentRecord>({count: absPaths.length, threads, worker: WORKER, setup: {config, paths: absPaths},
    handle: (index) => loadDocument(config, absPaths[index]!)})
  const documents = loaded.map((d) => (d instanceof SopDocument ? d : SopDocument.fromRecord(d)))
  await prepareOutlines(documents)
  return documents
}

/** Make every document's `outline` available synchronously. */
export async function prepareOutlines(documents: readonly SopDocument[]): Promise<void> {
  if (documents.some((d) => !d.readProblem && d.needsMarkdownParser())) await loadMarkdownParser()
}

/** Every document the config's globs name, loaded once, grouped into families. */
export async function loadLibrary(config: Config): Promise<Library> {
  return buildLibrary(config, await loadDocuments(config, await findDocuments(config, config.root)))
}
