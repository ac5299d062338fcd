// The pure diff: two documents in, field and section changes out. Sections align by heading
// path (the H1 title is never a section), so a retitled variant still aligns with its baseline.
import {diffLines, diffWords} from 'diff'
import {FIELD_ORDER, type DocumentMeta, type SopDocument} from '../core/document.js'
import {compareSections, deviationFor} from '../core/drift.js'
import type {Section} from '../core/sections.js'
import type {Approval, DiffSide, DocumentDiff, FieldChange, SectionChange, WordChange} from './model.js'

export interface DiffOptions {
  /** Judge b's differences as a variant of a: approved deviation or drift. */
  classify: boolean
  today: string
  labels?: [string, string]
}

export function diffDocuments(a: SopDocument, b: SopDocument, options: DiffOptions): DocumentDiff {
  return {
    a: side(a, options.labels?.[0] ?? a.file),
    b: side(b, options.labels?.[1] ?? b.file),
    classified: options.classify,
    fields: diffFields(a.meta, b.meta),
    sections: diffSections(a.outline.sections, b.outline.sections).map(c =>
      options.classify ? judge(b, c, options.today) : c,
    ),
  }
}

function side(doc: SopDocument, label: string): DiffSide {
  return {
    file: doc.file,
    label,
    title: doc.outline.title?.text ?? doc.meta.title,
    version: doc.meta.version,
    markets: doc.meta.markets,
  }
}

/** Field by field; the title is compared too (but never as a section). */
export function diffFields(a: DocumentMeta, b: DocumentMeta): FieldChange[] {
  const out: FieldChange[] = []
  for (const field of FIELD_ORDER) {
    if (JSON.stringify(a[field] ?? null) === JSON.stringify(b[field] ?? null)) continue
    if (isEmpty(a[field]) && isEmpty(b[field])) continue
    out.push({field, before: a[field], after: b[field]})
  }
  return out
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0)
}

/** The section alignment of core/drift, with the words that changed inside each section. */
export function diffSections(a: readonly Section[], b: readonly Section[]): SectionChange[] {
  return compareSections(b, a).map((c): SectionChange => {
    const text = () => words(c.reference!.content, c.variant!.content)
    switch (c.state) {
      case 'same':
        return {kind: 'same', path: c.path}
      case 'changed':
        return {kind: 'changed', path: c.path, ...text()}
      case 'moved':
        return {kind: 'moved', path: c.path, ...(c.changed ? text() : {})}
      case 'added':
        return {kind: 'added', path: c.path, text: c.variant!.content}
      case 'removed':
        return {kind: 'removed', path: c.path, text: c.reference!.content}
    }
  })
}

/**
 * Past this many inserted or deleted tokens a word diff stops: Myers' algorithm costs the text's
 * length times the edit length, so two large sections of different words would take minutes.
 */
export const MAX_WORD_EDITS = 2_000

/**
 * The words that changed; past MAX_WORD_EDITS the lines that changed, and past that the whole
 * section replaced. `coarse` says which fallback was taken, so every format can say so.
 */
function words(before: string, after: string): {words: WordChange[]; coarse?: 'lines' | 'section'} {
  const byWord = diffWords(before, after, {maxEditLength: MAX_WORD_EDITS})
  if (byWord) return {words: byWord.map(toWordChange)}
  const byLine = diffLines(before, after, {maxEditLength: MAX_WORD_EDITS})
  // Lines that share nothing are the whole section replaced.
  if (byLine?.some(part => !part.added && !part.removed)) return {words: byLine.map(toWordChange), coarse: 'lines'}
  return {
    words: [
      {type: 'removed', text: before},
      {type: 'added', text: after},
    ],
    coarse: 'section',
  }
}

function toWordChange(part: {added: boolean; removed: boolean; value: string}): WordChange {
  return {type: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value}
}

/** A difference of a variant is approved when a live deviation names its section. */
function judge(variant: SopDocument, change: SectionChange, today: string): SectionChange {
  if (change.kind === 'same') return change
  if (change.kind === 'moved' && !change.words) return change
  const match = deviationFor(variant, change.path, today)
  const approval: Approval = !match ? 'drift' : match.live ? 'approved' : 'expired'
  return {...change, approval}
}
