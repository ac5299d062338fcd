// Overlay variants (`inherit: sections`): the body holds only what the market changes. The
// effective document is built here, once, from the baseline and the overlay; every command reads it.
import {type DocumentSummary, SopDocument} from './document.js'
import {SopkitError} from './errors.js'
import {type AnySection, contentFingerprint, pathKey} from './drift.js'
import {rebaseLinks} from './rebase.js'
import type {Outline, Section, SectionSummary} from './sections.js'

/** An overlay section whose whole content is this marker removes the baseline section (and its sub-sections). */
export const OMIT_MARKER = '<!-- sopkit: omit -->'
const OMIT_FINGERPRINT = contentFingerprint(OMIT_MARKER)
const EMPTY_FINGERPRINT = contentFingerprint('')

/** True for a market variant whose front matter says `inherit: sections`. */
export function isOverlay(doc: Pick<DocumentSummary, 'meta'>): boolean {
  return doc.meta.inherit === 'sections' && !doc.meta.markets.includes('GLOBAL')
}

export interface EffectiveSection<S extends AnySection = Section> {
  section: S
  from: 'baseline' | 'overlay'
}

export interface OverlayPlan<S extends AnySection = Section> {
  /** The effective document's sections, in order, each taken from the baseline or the overlay. */
  sections: Array<EffectiveSection<S>>
  /** Overlay sections that name no baseline section: additions (drift unless a deviation names them). */
  added: S[]
  /** Heading paths of the baseline sections an omit marker removed, sub-sections included. */
  omitted: string[]
}

/** True when a section's whole content is the omit marker (a compact section carries its fingerprint). */
export function isOmitted(section: AnySection): boolean {
  return 'content' in section ? section.content.trim() === OMIT_MARKER : section.fingerprint === OMIT_FINGERPRINT
}

/** A heading with no text of its own only places the overlay's sub-sections under it: the baseline's text stays. */
function isHeadingOnly(section: AnySection): boolean {
  return 'content' in section ? section.content.trim() === '' : section.fingerprint === EMPTY_FINGERPRINT
}

/**
 * The effective sections of an overlay (pure): the baseline's, each replaced by the overlay
 * section of the same heading path (its own text only: sub-sections stay inherited unless listed
 * too; a heading with no text of its own keeps the baseline's), omitted ones removed, and each addition inserted after the overlay section before it
 * (after that section's sub-sections, unless it is one of them).
 */
export function planOverlay<S extends AnySection>(baseline: readonly S[], overlay: readonly S[]): OverlayPlan<S> {
  const own = new Map(keyed(overlay))
  const sections: Array<EffectiveSection<S>> = keyed(baseline).map(([key, s]) => {
    const mine = own.get(key)
    return mine && !isHeadingOnly(mine) ? {section: mine, from: 'overlay'} : {section: s, from: 'baseline'}
  })
  const omitted: string[] = []
  for (const [, s] of keyed(overlay)) {
    const at = sections.findIndex(e => e.section === s)
    if (at === -1 || !isOmitted(s)) continue
    let end = at + 1
    while (end < sections.length && sections[end]!.section.depth > s.depth) end++
    omitted.push(...sections.splice(at, end - at).map(e => e.section.path))
  }
  const inBaseline = new Set(keyed(baseline).map(([key]) => key))
  const added: S[] = []
  let previous: S | undefined
  for (const [key, s] of keyed(overlay)) {
    if (!inBaseline.has(key) && !isOmitted(s)) {
      added.push(s)
      sections.splice(insertionPoint(sections, previous, s.depth), 0, {section: s, from: 'overlay'})
    }
    const placed = sections.find(
      e => e.section === s || (isHeadingOnly(s) && pathKey(e.section.path) === pathKey(s.path)),
    )
    if (placed) previous = placed.section
  }
  return {sections, added, omitted}
}

/** After `previous` and every deeper section that follows it (they would otherwise become the addition's children). */
function insertionPoint<S extends AnySection>(
  sections: ReadonlyArray<EffectiveSection<S>>,
  previous: S | undefined,
  depth: number,
): number {
  let at = previous ? sections.findIndex(e => e.section === previous) + 1 : 0
  while (at > 0 && at < sections.length && sections[at]!.section.depth > depth) at++
  return at
}

/** Sections keyed by heading path as drift matches them; a repeated path gets an ordinal. */
function keyed<S extends AnySection>(sections: readonly S[]): Array<[string, S]> {
  const seen = new Map<string, number>()
  return sections.map((s): [string, S] => {
    const base = pathKey(s.path)
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return [n === 1 ? base : `${base}#${n}`, s]
  })
}

/** What the effective text is made of: a body, its outline, and the repo-relative file it was written in. */
export interface BodySource {
  body: string
  outline: Outline
  file: string
}

/**
 * The effective body (pure): the overlay's title (else the baseline's), its preamble (else the
 * baseline's), then each effective section's own text. The baseline's sections keep working
 * relative links: they are rewritten for the overlay's folder.
 */
export function effectiveBody(baseline: BodySource, overlay: BodySource, plan: OverlayPlan): string {
  const moved = (src: BodySource, start: number, end: number) =>
    rebaseLinks(src.body, [...src.outline.links, ...src.outline.images], src.file, overlay.file, start, end).trim()
  const head = (src: BodySource) => {
    const title = src.outline.title
    const first = src.outline.sections[0]?.start ?? src.body.length
    if (!title) return {title: '', preamble: moved(src, 0, first)}
    const titleEnd = lineEnd(src.body, title.start)
    return {title: moved(src, title.start, titleEnd), preamble: moved(src, titleEnd, Math.max(titleEnd, first))}
  }
  const mine = head(overlay)
  const theirs = head(baseline)
  const parts = [mine.title || theirs.title, mine.preamble || theirs.preamble].filter(p => p !== '')
  for (const {section, from} of plan.sections)
    parts.push(moved(from === 'overlay' ? overlay : baseline, section.start, section.end))
  return parts.join('\n\n') + '\n'
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from)
  return newline === -1 ? text.length : newline + 1
}

/**
 * How an effective document is built: `text` composes the body (what export, diff and the
 * inventory read); `outline` only composes the sections, keeping each section's own offsets, so
 * that check can place a finding in the overlay's file (it reloads the file to do so).
 */
const built = new WeakSet<object>()

/** True for a document this module built (an overlay is never applied twice). */
export function isEffective(doc: object): boolean {
  return built.has(doc)
}

/** The effective document of a sound overlay over its sound baseline: the overlay's front matter, the composed body. */
export function effectiveDocument<D extends SopDocument | DocumentSummary>(overlay: D, baseline: D): D {
  const doc =
    overlay instanceof SopDocument && baseline instanceof SopDocument
      ? effectiveText(overlay, baseline)
      : effectiveSummary(overlay as DocumentSummary, baseline as DocumentSummary)
  built.add(doc)
  return doc as D
}

/** The whole effective document: the composed body under the overlay's own front matter. */
function effectiveText(overlay: SopDocument, baseline: SopDocument): SopDocument {
  const plan = planOverlay(baseline.outline.sections, overlay.outline.sections)
  const body = effectiveBody(
    {body: baseline.body, outline: baseline.outline, file: baseline.file},
    {body: overlay.body, outline: overlay.outline, file: overlay.file},
    plan,
  )
  return new SopDocument(overlay.file, overlay.absPath, overlay.text.slice(0, overlay.bodyStart) + body, {
    bom: overlay.bom,
  })
}

/** For check's library rules: the overlay's summary with the effective sections, each keeping its own file's positions. */
function effectiveSummary(overlay: DocumentSummary, baseline: DocumentSummary): DocumentSummary {
  const plan = planOverlay<SectionSummary>(baseline.outline.sections, overlay.outline.sections)
  return {...overlay, outline: {...overlay.outline, sections: plan.sections.map(e => e.section)}}
}

/** The document itself, unless it is an overlay that could not be applied (no sound baseline): a one-line error. */
export function requireApplied(doc: SopDocument): SopDocument {
  if (!isOverlay(doc) || isEffective(doc)) return doc
  throw new SopkitError(
    'OVERLAY_WITHOUT_BASELINE',
    `${doc.file}: overlay variant of "${doc.name}" has no sound GLOBAL baseline to apply to`,
    `add the baseline (markets [GLOBAL], id ${doc.name}) or remove \`inherit: sections\`; \`sopkit check\` says more`,
  )
}
