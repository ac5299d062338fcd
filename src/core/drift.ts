// Section-by-section comparison of a variant with what it would inherit, and the deviations
// that approve a difference. Check, diff and the matrix all classify differences here.
import type {Deviation, SopDocument} from './document.js'
import {PATH_SEPARATOR, type Section} from './sections.js'

export type SectionState = 'same' | 'changed' | 'added' | 'removed'

export interface SectionComparison {
  path: string
  state: SectionState
  variant?: Section
  reference?: Section
}

/** Whitespace-insensitive content key: re-wrapping a paragraph is not a change. */
export function normalisedContent(section: Section): string {
  return section.content.replace(/\s+/g, ' ').trim()
}

function sameContent(a: Section, b: Section): boolean {
  return a.content === b.content || normalisedContent(a) === normalisedContent(b)
}

function pathKey(path: string): string {
  return path.toLowerCase().replace(/\s+/g, ' ').trim()
}

/** Align two outlines by heading path (the H1 title is never a section, so it never differs). */
export function compareSections(variant: readonly Section[], reference: readonly Section[]): SectionComparison[] {
  const referenceByPath = new Map(reference.map((s) => [pathKey(s.path), s]))
  const variantPaths = new Set(variant.map((s) => pathKey(s.path)))
  const out: SectionComparison[] = variant.map((v) => {
    const r = referenceByPath.get(pathKey(v.path))
    if (!r) return {path: v.path, state: 'added', variant: v}
    return {path: v.path, state: sameContent(v, r) ? 'same' : 'changed', variant: v, reference: r}
  })
  for (const r of reference) if (!variantPaths.has(pathKey(r.path))) out.push({path: r.path, state: 'removed', reference: r})
  return out
}

export interface DeviationMatch {
  deviation: Deviation
  index: number
  live: boolean
}

/** The deviation entry naming a section (or one of its parents); live unless it has expired. */
export function deviationFor(doc: SopDocument, path: string, today: string): DeviationMatch | undefined {
  const key = pathKey(path)
  let best: DeviationMatch | undefined
  doc.meta.deviations.forEach((deviation, index) => {
    if (!deviation.section) return
    const named = pathKey(deviation.section)
    if (key !== named && !key.startsWith(named + PATH_SEPARATOR.trimEnd())) return
    const live = !deviation.expires || deviation.expires >= today
    if (!best || (live && !best.live)) best = {deviation, index, live}
  })
  return best
}
