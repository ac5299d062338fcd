// Port, planned: which upstream changes a variant takes, which conflict, and the variant's new
// text. Pure: documents in, a plan out. The text is edited surgically: every byte outside the
// ported sections and the `version` / `based_on` values stays as it was.
import {diffWords} from 'diff'
import inc from 'semver/functions/inc.js'
import type {SopDocument} from '../core/document.js'
import {locateSimple} from '../core/locate.js'
import type {Section} from '../core/sections.js'
import type {SideChange, ThreeWaySection} from '../core/three-way.js'
import {variantStates} from '../core/upstream.js'
import type {WordChange} from '../diff/model.js'

export interface PortedSection {
  path: string
  /** What the baseline did to the section, now done to the variant too. */
  change: SideChange
  /** The change word by word, when asked for (a dry run shows it; a real run lists the sections). */
  words?: WordChange[]
}

export interface PortConflict {
  path: string
  upstream: SideChange
  /** What the market did to the section; undefined when a live deviation covers an unchanged one. */
  local?: SideChange
  /** The baseline's own change since based_on, word by word. */
  words: WordChange[]
}

export interface PortPlan {
  file: string
  market: string
  basedOn: string
  baselineVersion: string
  ported: PortedSection[]
  conflicts: PortConflict[]
  /** Set when the variant's version is bumped. */
  version?: {from: string; to: string}
  /** Set when based_on moves to the baseline's version (only when no conflict is left). */
  rebased: boolean
  /** The variant's new text (BOM-less), when it changes. */
  text?: string
}

interface Edit {
  start: number
  end: number
  text: string
}

/**
 * Plan the port of `mergeBase` → `baseline` into `variant` (all full documents); `words` adds each
 * ported section's word diff (every conflict has one). `mergeBase` undefined: already up to date.
 */
export function planPort(
  variant: SopDocument,
  baseline: SopDocument,
  mergeBase: SopDocument | undefined,
  today: string,
  words = true,
): PortPlan {
  const plan: PortPlan = {
    file: variant.file,
    market: variant.meta.markets[0] ?? '',
    basedOn: variant.meta.based_on ?? '',
    baselineVersion: baseline.meta.version ?? '',
    ported: [],
    conflicts: [],
    rebased: false,
  }
  if (!mergeBase) return plan
  const states = threeWayWith(variant, baseline, mergeBase, today)
  const edits: Edit[] = []
  const body = new BodyEditor(variant, baseline)
  states.forEach((s, i) => {
    if (s.state === 'conflict' && s.upstream)
      plan.conflicts.push({path: s.path, upstream: s.upstream, local: s.local, words: upstreamWords(s)})
    if (s.state !== 'upstream' || !s.upstream) return
    plan.ported.push({path: s.path, change: s.upstream, ...(words ? {words: upstreamWords(s)} : {})})
    edits.push(body.edit(s, states, i))
  })
  const rebase = plan.conflicts.length === 0 && plan.basedOn !== plan.baselineVersion
  if (edits.length === 0 && !rebase) return plan
  plan.rebased = rebase
  const from = variant.meta.version
  const to = from === undefined ? null : inc(from, 'patch')
  if (from !== undefined && to) {
    const edit = scalarEdit(variant, 'version', to)
    if (edit) {
      edits.push(edit)
      plan.version = {from, to}
    }
  }
  if (rebase) {
    const edit = scalarEdit(variant, 'based_on', plan.baselineVersion)
    if (edit) edits.push(edit)
  }
  plan.text = applyEdits(variant.text, edits)
  return plan
}

function threeWayWith(
  variant: SopDocument,
  baseline: SopDocument,
  mergeBase: SopDocument,
  today: string,
): ThreeWaySection[] {
  const upstream = {
    mergeBase: () => ({version: variant.meta.based_on ?? '', commit: '', document: mergeBase}),
    missing: () => undefined,
    staleVersion: () => undefined,
  }
  return variantStates(variant, baseline, upstream, today).sections
}

function upstreamWords(s: ThreeWaySection): WordChange[] {
  return diffWords(s.base?.content ?? '', s.baseline?.content ?? '').map(part => ({
    type: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }))
}

/** A front-matter value replaced in place, quoted as it was; a plain top-level line is found without the YAML parser. */
function scalarEdit(doc: SopDocument, key: string, value: string): Edit | undefined {
  const found = simpleScalar(doc, key) ?? doc.scalar([key])
  if (!found) return undefined
  const quote = doc.text.charAt(found.start)
  const text = quote === '"' || quote === "'" ? `${quote}${value}${quote}` : value
  return {start: found.start, end: found.end, text}
}

const SIMPLE_VALUE = /^(?:"[^"\\\n]*"|'[^'\n]*'|[^\s#"'][^\s#]*)(?=[ \t]*(?:#.*)?\r?$)/

function simpleScalar(doc: SopDocument, key: string): {start: number; end: number} | undefined {
  const block = doc.block
  if (!block) return undefined
  const source = doc.text.slice(block.start, block.end)
  const located = locateSimple(source, [key])
  if (!located) return undefined
  const lineEnd = source.indexOf('\n', located.start)
  const value = SIMPLE_VALUE.exec(source.slice(located.start, lineEnd === -1 ? source.length : lineEnd))
  return value ? {start: block.start + located.start, end: block.start + located.start + value[0].length} : undefined
}

/** Apply non-overlapping edits; insertions at one offset keep their order. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  const order = edits.map((e, i) => ({...e, i})).sort((a, b) => b.start - a.start || b.i - a.i)
  let out = text
  for (const e of order) out = out.slice(0, e.start) + e.text + out.slice(e.end)
  return out
}

/** Builds each edit of the variant's body from the baseline's text, in the variant's line endings. */
class BodyEditor {
  private readonly body: string
  private readonly offset: number
  private readonly eol: string
  private readonly source: string
  /** Where each state's inserted section went, so that a new sub-section follows its new parent. */
  private readonly inserted = new Map<number, number>()

  constructor(
    private readonly variant: SopDocument,
    baseline: SopDocument,
  ) {
    this.body = variant.body
    this.offset = variant.bodyStart
    this.eol = variant.eol
    this.source = baseline.body
  }

  edit(s: ThreeWaySection, states: readonly ThreeWaySection[], index: number): Edit {
    const v = s.variant
    const b = s.baseline
    if (v && b)
      return this.at(
        v.contentStart,
        v.end,
        this.replacement(this.body.slice(v.contentStart, v.end), this.contentOf(b), v.end === this.body.length),
      )
    if (v) return this.at(v.start, v.end, '')
    return this.insertion(b!, states, index)
  }

  private at(start: number, end: number, text: string): Edit {
    return {start: this.offset + start, end: this.offset + end, text}
  }

  private lines(text: string): string {
    return text.replace(/\r?\n/g, this.eol)
  }

  /** A baseline section's own text: without the blank lines after its heading or its trailing space. */
  private contentOf(b: Section): string {
    return this.lines(
      this.source
        .slice(b.contentStart, b.end)
        .replace(/^(?:[ \t]*\r?\n)*/, '')
        .trimEnd(),
    )
  }

  /** New content inside the old content's own leading and trailing blank lines. */
  private replacement(old: string, content: string, atEnd: boolean): string {
    const eol = this.eol
    if (old.trim() === '') return content === '' ? old : `${eol}${eol}${content}${eol}${atEnd ? '' : eol}`
    const lead = /^(?:[ \t]*\r?\n)*/.exec(old)![0]
    const trail = /\s*$/.exec(old)![0]
    return content === '' ? `${eol}${atEnd ? '' : eol}` : `${lead === '' ? eol : lead}${content}${trail}`
  }

  /** A section only the baseline has, after the section before it (and past that one's deeper sub-sections). */
  private insertion(b: Section, states: readonly ThreeWaySection[], index: number): Edit {
    const at = this.anchor(b, states, index)
    this.inserted.set(index, at)
    const before = this.body.slice(Math.max(0, at - 2), at)
    const prefix =
      at === 0 || /\n\n$/.test(before) || /\n\r?\n$/.test(this.body.slice(Math.max(0, at - 3), at))
        ? ''
        : before.endsWith('\n')
          ? this.eol
          : this.eol + this.eol
    const block = this.lines(this.source.slice(b.start, b.end).trimEnd())
    return this.at(at, at, `${prefix}${block}${this.eol}${at < this.body.length ? this.eol : ''}`)
  }

  private anchor(b: Section, states: readonly ThreeWaySection[], index: number): number {
    const sections = this.variant.outline.sections
    for (let i = index - 1; i >= 0; i--) {
      const placed = this.inserted.get(i)
      if (placed !== undefined) return placed
      const previous = states[i]?.variant
      if (!previous) continue
      let j = sections.indexOf(previous)
      while (j + 1 < sections.length && sections[j + 1]!.depth > b.depth) j++
      return sections[j]?.end ?? this.body.length
    }
    return sections[0]?.start ?? this.body.length
  }
}
