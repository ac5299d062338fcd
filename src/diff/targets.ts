// Turns what the user named (two files; an id and a market; a git revision) into the two
// documents to compare, through the one loader and the one variant resolver.
import {existsSync} from 'node:fs'
import path from 'node:path'
import type {Config} from '../core/config.js'
import {SopDocument} from '../core/document.js'
import {SopkitError} from '../core/errors.js'
import {showFile} from '../core/git.js'
import {type Family, type Library, baselineOf, inheritedBy, readingFor, resolveVariant} from '../core/library.js'
import {loadDocuments, relativeFile} from '../core/loader.js'
import {requireApplied} from '../core/overlay.js'
import {didYouMean, GLOBAL, requireKnownMarket, suggest} from '../core/taxonomy.js'

export interface Pair {
  a: SopDocument
  b: SopDocument
  /** Judge b as a variant of a (approved deviation or drift). */
  classify: boolean
  labels: [string, string]
  /** Said to the user when the comparison needs explaining (e.g. the market has no variant). */
  note?: string
}

/** True when the argument names a file rather than a family id. */
export function isFileArgument(cwd: string, arg: string): boolean {
  return arg.endsWith('.md') || arg.includes('/') || existsSync(path.resolve(cwd, arg))
}

export async function filePair(config: Config, cwd: string, fileA: string, fileB: string): Promise<Pair> {
  const paths = [fileA, fileB].map(f => {
    const abs = path.resolve(cwd, f)
    if (!existsSync(abs))
      throw new SopkitError('PATH_NOT_FOUND', `${f}: no such file`, 'pass two existing Markdown documents')
    return abs
  })
  const [a, b] = await loadDocuments(config, paths)
  for (const doc of [a!, b!]) {
    if (doc.readProblem || doc.problems.length > 0) {
      throw new SopkitError(
        'BAD_DOCUMENT',
        `${doc.file} cannot be read as a document`,
        `run \`sopkit check ${doc.file}\` to see why`,
      )
    }
  }
  const classify = a!.meta.id !== undefined && a!.meta.id === b!.meta.id && !b!.isBaseline()
  return {a: a!, b: b!, classify, labels: [a!.file, b!.file]}
}

export function familyNamed(library: Library, id: string): Family {
  const family = library.families.get(id)
  if (family) return family
  const hint = suggest(id, library.families.keys())
  throw new SopkitError(
    'UNKNOWN_ID',
    `no document has id "${id}"${didYouMean(hint)}`,
    'pass the id of an existing family (`sopkit ls` lists the ids), or two files',
  )
}

/** The code a --market or --against value means (UK → GB), or exit 2 with a did-you-mean. */
export function checkMarket(library: Library, market: string, flag: string): string {
  return requireKnownMarket(library.config.taxonomy, market, flag)
}

/**
 * What market M reads against what it would inherit (or against another market, or GLOBAL). A
 * variant not in force yet (a draft) is the one compared, named as such, with what M reads meanwhile.
 * Sections are judged as M's drift or approved deviations only against what M inherits.
 */
export function marketPair(library: Library, family: Family, market: string, against?: string): Pair {
  const {taxonomy} = library.config
  const reading =
    market === GLOBAL
      ? {read: {via: 'baseline' as const, document: baseline(family)}}
      : readingFor(taxonomy, family, market)
  const found =
    reading.pending?.document ?? reading.read?.document ?? resolveVariant(taxonomy, family, market)?.document
  if (!found) throw noBaseline(family)
  const reads = requireApplied(found)
  const inherited = reads.isBaseline() ? reads : inheritedBy(taxonomy, family, reads)?.document
  const reference = against === GLOBAL ? baseline(family) : against ? documentFor(library, family, against) : inherited
  if (!reference) throw noBaseline(family)
  const draft = reading.pending ? ` (${reads.meta.status ?? 'not approved'})` : ''
  const note = reading.pending
    ? `${reads.file} is ${reads.meta.status ?? 'not approved'}, not in force: ${market} reads ${reading.read?.document.file ?? 'no document'} until it is approved`
    : reads.meta.markets.includes(market)
      ? undefined
      : `${market} has no variant of ${family.id}; it reads ${reads.file}`
  return {
    a: reference,
    b: reads,
    classify: !reads.isBaseline() && reference !== reads && reference === inherited,
    labels: [reference.file, `${reads.file}${draft}`],
    note,
  }
}

/** What another market reads (in force first), for `--against`. */
function documentFor(library: Library, family: Family, market: string) {
  const {taxonomy} = library.config
  return readingFor(taxonomy, family, market).read?.document ?? resolveVariant(taxonomy, family, market)?.document
}

/** The same document at a git revision (a) against the working tree (b). */
export async function revisionPair(library: Library, family: Family, market: string, ref: string): Promise<Pair> {
  const reading = readingFor(library.config.taxonomy, family, market)
  const current =
    reading.pending?.document ??
    reading.read?.document ??
    resolveVariant(library.config.taxonomy, family, market)?.document
  if (!current) throw noBaseline(family)
  const text = await showFile(library.config.root, ref, current.absPath)
  if (text === undefined) {
    throw new SopkitError(
      'NOT_AT_REVISION',
      `${current.file} does not exist at ${ref}`,
      'pick a revision where the document exists, or compare files with `sopkit diff FILE_A FILE_B`',
    )
  }
  const unmarked = text.startsWith('\uFEFF') ? text.slice(1) : text
  const before = await SopDocument.parse(current.file, current.absPath, unmarked)
  return {
    a: before,
    b: current,
    classify: false,
    labels: [`${relativeFile(library.config.root, current.absPath)}@${ref}`, current.file],
  }
}

function baseline(family: Family): SopDocument {
  const doc = baselineOf(family)
  if (!doc) throw noBaseline(family)
  return doc
}

function noBaseline(family: Family): SopkitError {
  return new SopkitError(
    'NO_BASELINE',
    `${family.id} has no GLOBAL baseline to compare with`,
    `add a document with id ${family.id} and markets [GLOBAL]`,
  )
}
