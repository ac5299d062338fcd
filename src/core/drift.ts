// Section-by-section comparison of a variant with what it would inherit, and the deviations
// that approve a difference. Check, diff and the matrix all classify differences here.
import type {Deviation, DocumentMeta} from './document.js'
import {detachString as detach} from './detach.js'
import {memo, memoBounded} from './memo.js'
import {type Outline, PATH_SEPARATOR, type Section, type SectionSummary} from './sections.js'

export type SectionState = 'same' | 'changed' | 'added' | 'removed' | 'moved'

/** Sections of full documents, or of summaries (fingerprints instead of content); a merge base read from git is full. */
export type AnySection = Section | SectionSummary

export interface SectionComparison<S extends AnySection = Section> {
  path: string
  state: SectionState
  /** For `moved`: whether the text changed too. */
  changed?: boolean
  variant?: S
  reference?: S
}

/**
 * Whitespace-insensitive equality: re-wrapping a paragraph is not a change. Fingerprints stand
 * in for a summary's text.
 */
export function sameContent(a: AnySection, b: AnySection): boolean {
  if ('content' in a && 'content' in b) return a.content === b.content || equalIgnoringWhitespace(a.content, b.content)
  return fingerprintOf(a) === fingerprintOf(b)
}

function fingerprintOf(section: AnySection): number {
  return 'content' in section ? contentFingerprint(section.content) : section.fingerprint
}

/**
 * The outline of a body that starts at `bodyStart` in `text`, for a document summary: each
 * section's content is replaced by its fingerprint, and every string is copied so that none
 * keeps the document's text alive (V8 slices share their parent).
 */
export function compactOutline(outline: Outline, text: string, bodyStart: number): Outline<SectionSummary> {
  const link = (l: Outline['links'][number]) => ({url: detach(l.url), start: l.start, end: l.end})
  return {
    title: outline.title && {text: detach(outline.title.text), start: outline.title.start},
    // One literal shape per summary section: a library keeps tens of thousands of them.
    sections: outline.sections.map(s => ({
      path: detach(s.path),
      heading: detach(s.heading),
      depth: s.depth,
      start: s.start,
      contentStart: s.contentStart,
      end: s.end,
      fingerprint: contentFingerprint(text, bodyStart + s.contentStart, bodyStart + s.end),
    })),
    links: outline.links.map(link),
    images: outline.images.map(link),
  }
}

/** Equal summary sections, one object each: the library a long import keeps holds one a row. */
const sharedSectionPool = new Map<string, SectionSummary>()
const SHARED_SECTIONS_LIMIT = 100_000

/**
 * The outline with each section that equals one asked for before replaced by that one (documents
 * made from one template share most of theirs: same headings, offsets and content). For
 * summaries kept beside many others; a section summary is never changed once made.
 */
export function withSharedSections(outline: Outline<SectionSummary>): Outline<SectionSummary> {
  const sections = outline.sections.map(s =>
    memoBounded(
      sharedSectionPool,
      SHARED_SECTIONS_LIMIT,
      `${s.fingerprint}\0${s.start}\0${s.contentStart}\0${s.end}\0${s.depth}\0${s.path}\0${s.heading}`,
      () => s,
    ),
  )
  return {...outline, sections}
}

/** 1 for whitespace (exactly what String#trim removes), else 0. */
const SPACE = new Uint8Array(65536)
for (const code of [9, 10, 11, 12, 13, 32, 160, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) SPACE[code] = 1
SPACE.fill(1, 0x2000, 0x200b)

/** The texts equal once every run of whitespace is read as one space (sections are trimmed already), without building either string. */
export function equalIgnoringWhitespace(a: string, b: string): boolean {
  let i = 0
  let j = 0
  for (;;) {
    const spaceA = i < a.length && SPACE[a.charCodeAt(i)] === 1
    const spaceB = j < b.length && SPACE[b.charCodeAt(j)] === 1
    if (spaceA !== spaceB) return false
    if (spaceA) {
      while (i < a.length && SPACE[a.charCodeAt(i)] === 1) i++
      while (j < b.length && SPACE[b.charCodeAt(j)] === 1) j++
      continue
    }
    if (i >= a.length || j >= b.length) return i >= a.length && j >= b.length
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false
    i++
    j++
  }
}

/**
 * A 52-bit hash of `text` (or of its [start, end) range) trimmed, with every run of whitespace
 * read as one space: texts equal under `equalIgnoringWhitespace` get equal fingerprints. Lane `a`
 * hashes the non-space code units, lane `b` folds `a` in at every word end, so where the spaces
 * fall counts too; 26 bits of each after murmur3's avalanche. An accidental collision is a one in
 * 2^52 event. Branch-free in the loop, because a branch at every word end is what made it slow;
 * and it reads a range of the document text, because that is faster than a sliced copy.
 */
export function contentFingerprint(text: string, start = 0, end = text.length): number {
  while (start < end && SPACE[text.charCodeAt(start)] === 1) start++
  while (end > start && SPACE[text.charCodeAt(end - 1)] === 1) end--
  let a = 0x811c9dc5
  let b = 0x9747b28c
  let previous = 0
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i)
    const space = SPACE[code]!
    const keep = -space
    a = (a & keep) | (Math.imul(a ^ code, 0x01000193) & ~keep)
    const fold = -(space & (previous ^ 1))
    b = (Math.imul(b ^ a, 0x5bd1e995) & fold) | (b & ~fold)
    previous = space
  }
  return (avalanche(a) >>> 6) * 0x4000000 + (avalanche(Math.imul(b ^ a, 0x5bd1e995)) >>> 6)
}

function avalanche(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return h ^ (h >>> 16)
}

const pathKeys = new Map<string, string>()

/** How heading paths and deviation sections are matched: case and spacing aside. A library repeats a few hundred. */
export function pathKey(path: string): string {
  return memo(pathKeys, path, normalisePath)
}

function normalisePath(path: string): string {
  return path.toLowerCase().replace(/\s+/g, ' ').trim()
}

/** The same heading paths in the same order: then sections pair by position, no keys needed. */
export function samePaths(a: readonly AnySection[], b: readonly AnySection[]): boolean {
  return a === b || (a.length === b.length && a.every((s, i) => s.path === b[i]!.path))
}

const pathKeySets = new WeakMap<readonly AnySection[], Set<string>>()

/** The `pathKey` of every section, once per outline: a baseline's serves each of its variants. */
export function pathKeySet(sections: readonly AnySection[]): Set<string> {
  return memo(pathKeySets, sections, () => new Set(sections.map(s => pathKey(s.path))))
}

const keyedCache = new WeakMap<readonly AnySection[], Array<[string, AnySection]>>()

/**
 * Sections keyed by heading path; a repeated path gets an ordinal so it still aligns. Computed
 * once per outline: a baseline is compared with every one of its variants.
 */
export function keyed<S extends AnySection>(sections: readonly S[]): Array<[string, S]> {
  // Keyed by the array itself, so an entry holds that array's own sections.
  return memo(keyedCache, sections, (): Array<[string, AnySection]> => {
    const seen = new Map<string, number>()
    return sections.map((s): [string, AnySection] => {
      const base = pathKey(s.path)
      const n = (seen.get(base) ?? 0) + 1
      seen.set(base, n)
      return [n === 1 ? base : `${base}#${n}`, s]
    })
  }) as Array<[string, S]>
}

/**
 * Align a variant's sections with a reference's by heading path (the H1 title is never a
 * section): same, changed, added, removed, or moved (out of the longest common order). Results
 * follow the variant's order; a removed section follows the nearest earlier section still there.
 */
export function compareSections<S extends AnySection>(
  variant: readonly S[],
  reference: readonly S[],
): Array<SectionComparison<S>> {
  // Most variants keep the reference's headings, in its order: then every section pairs with its twin.
  if (samePaths(variant, reference)) {
    return variant.map((v, i) => {
      const r = reference[i]!
      const state = sameContent(v, r) ? 'same' : 'changed'
      return {path: v.path, state, variant: v, reference: r} satisfies SectionComparison<S>
    })
  }
  const kr = keyed(reference)
  const kv = keyed(variant)
  const inReference = new Map(kr)
  const inVariant = new Map(kv)
  const inOrder = new Set(
    lcs(
      kr.map(([k]) => k).filter(k => inVariant.has(k)),
      kv.map(([k]) => k).filter(k => inReference.has(k)),
    ),
  )
  const removedAfter = removedByPredecessor(kr, inVariant)
  const out: Array<SectionComparison<S>> = [...(removedAfter.get('') ?? [])]
  for (const [key, v] of kv) {
    const r = inReference.get(key)
    if (!r) out.push({path: v.path, state: 'added', variant: v})
    else if (!inOrder.has(key))
      out.push({path: v.path, state: 'moved', changed: !sameContent(v, r), variant: v, reference: r})
    else out.push({path: v.path, state: sameContent(v, r) ? 'same' : 'changed', variant: v, reference: r})
    out.push(...(removedAfter.get(key) ?? []))
  }
  return out
}

function removedByPredecessor<S extends AnySection>(
  kr: Array<[string, S]>,
  inVariant: Map<string, S>,
): Map<string, Array<SectionComparison<S>>> {
  const out = new Map<string, Array<SectionComparison<S>>>()
  let anchor = ''
  for (const [key, r] of kr) {
    if (inVariant.has(key)) anchor = key
    else memo(out, anchor, (): Array<SectionComparison<S>> => []).push({path: r.path, state: 'removed', reference: r})
  }
  return out
}

/** Longest common subsequence of two key lists (the lists themselves when they agree, as they mostly do). */
function lcs(a: string[], b: string[]): string[] {
  if (a.length === b.length && a.every((k, i) => k === b[i])) return a
  const table = Array.from({length: a.length + 1}, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  const out: string[] = []
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      out.push(a[i]!)
      i++
      j++
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++
    else j++
  }
  return out
}

export interface DeviationMatch {
  deviation: Deviation
  index: number
  live: boolean
}

/** The deviation entry naming a section (or one of its parents); live unless it has expired. */
export function deviationFor(
  doc: {readonly meta: DocumentMeta},
  path: string,
  today: string,
): DeviationMatch | undefined {
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
