// The pure comparison: the library at two revisions and a market in, the market's playbook changes
// out. Each side is what the one resolver says the market reads (approved documents, overlays
// applied), so a baseline edit a market inherits shows up as that market's change.
import type {SopDocument} from '../core/document.js'
import {type Family, type Library, baselineOf, readingFor} from '../core/library.js'
import {isOverlay, requireApplied} from '../core/overlay.js'
import {GLOBAL} from '../core/taxonomy.js'
import {diffFields, diffSections} from '../diff/diff.js'
import {marketName} from '../export/labels.js'
import {
  CHANGE_KINDS,
  CHANGES_GENERATOR,
  type ChangeKind,
  type DocumentChange,
  type MarketChanges,
  type PlaybookSectionChange,
  type ReadSide,
  type Revision,
} from './model.js'

export interface ChangesOptions {
  market: string
  since: Revision
  until: Revision
  date: string
}

/** Statuses that take a document out of force for good (as opposed to back to draft). */
const RETIRING = new Set(['retired', 'deprecated'])

export function buildChanges(before: Library, after: Library, options: ChangesOptions): MarketChanges {
  const ids = [...new Set([...before.families.keys(), ...after.families.keys()])].sort()
  const documents = ids
    .map(id => documentChange(before, after, id, options.market))
    .filter((c): c is DocumentChange => c !== undefined)
    .sort((a, b) => CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind) || collator.compare(a.title, b.title))
  const counts = Object.fromEntries(CHANGE_KINDS.map(k => [k, documents.filter(d => d.kind === k).length])) as Record<
    ChangeKind,
    number
  >
  return {
    generator: CHANGES_GENERATOR,
    market: {code: options.market, name: marketName(after.config.taxonomy, options.market)},
    since: options.since,
    until: options.until,
    date: options.date,
    counts,
    documents,
  }
}

const collator = new Intl.Collator('en', {sensitivity: 'base', numeric: true})

/** What the market reads of a family in a library (in force only, overlays applied), or undefined. */
function reads(library: Library, family: Family | undefined, market: string): SopDocument | undefined {
  if (!family) return undefined
  const read = readingFor(library.config.taxonomy, family, market).read?.document
  if (!read) return undefined
  try {
    return requireApplied(read)
  } catch {
    // An overlay whose baseline was broken or missing at that revision: agents read its own sections then.
    return read
  }
}

function documentChange(before: Library, after: Library, id: string, market: string): DocumentChange | undefined {
  const a = reads(before, before.families.get(id), market)
  const b = reads(after, after.families.get(id), market)
  if (!a && !b) return undefined
  const title = b?.meta.title ?? a?.meta.title ?? id
  const type = b?.meta.type ?? a?.meta.type
  if (!a && b) {
    const earlier = statusIn(before, b.file)
    const kind = earlier !== undefined && earlier !== b.meta.status ? 'approved' : 'added'
    const note = kind === 'approved' ? `${b.file} was ${earlier}` : undefined
    return {id, title, type, kind, after: side(b), fields: [], sections: [], ...(note ? {note} : {})}
  }
  if (a && !b) {
    const later = statusIn(after, a.file)
    const kind = later !== undefined && RETIRING.has(later) ? 'retired' : 'removed'
    const note =
      later === undefined ? `${a.file} is gone` : `${a.file} is ${later}, not in force; no other document applies`
    return {id, title, type, kind, before: side(a), fields: [], sections: [], note}
  }
  const [was, now] = [a!, b!]
  const fields = diffFields(was.meta, now.meta)
  const sections = diffSections(was.outline.sections, now.outline.sections)
    .filter(s => s.kind !== 'same')
    .map((s): PlaybookSectionChange => ({...s, inherited: inherited(after, id, now, s, market)}))
  if (was.file === now.file && fields.length === 0 && sections.length === 0) return undefined
  let kind: ChangeKind = 'changed'
  let note: string | undefined
  if (was.file !== now.file) {
    const earlier = statusIn(before, now.file)
    const later = statusIn(after, was.file)
    if (earlier !== undefined && earlier !== now.meta.status) kind = 'approved'
    else if (later !== undefined && RETIRING.has(later)) kind = 'retired'
    note = `${market} now reads ${now.file} instead of ${was.file}${later !== undefined && later !== was.meta.status ? ` (${later} now)` : later === undefined ? ' (gone)' : ''}`
  }
  return {id, title, type, kind, before: side(was), after: side(now), fields, sections, ...(note ? {note} : {})}
}

function side(doc: SopDocument): ReadSide {
  const {version, status, effective} = doc.meta
  return {file: doc.file, version, status, effective}
}

/** The status a file has in a library (whatever the market reads), or undefined when the file is not there. */
function statusIn(library: Library, file: string): string | undefined {
  const doc = library.documents.find(d => d.file === file)
  return doc ? (doc.meta.status ?? 'no status') : undefined
}

/**
 * True when the change came through the GLOBAL baseline: the market reads the baseline itself, or
 * an overlay whose section is the baseline's (the overlay does not override it).
 */
function inherited(
  after: Library,
  id: string,
  now: SopDocument,
  change: Exclude<ReturnType<typeof diffSections>[number], {kind: 'same'}>,
  market: string,
): boolean {
  if (now.isBaseline()) return market !== GLOBAL
  if (!isOverlay(now)) return false
  const family = after.families.get(id)
  const baseline = family ? baselineOf(family) : undefined
  if (!baseline) return false
  const mine = now.outline.sections.find(s => s.path === change.path)
  const theirs = baseline.outline.sections.find(s => s.path === change.path)
  if (change.kind === 'removed') return theirs === undefined
  return mine !== undefined && theirs !== undefined && mine.content === theirs.content
}
