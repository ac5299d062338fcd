// The document model: text, front matter (values as written, with positions) and its outline; and
// the summary of a document (no text) that the rules reading the whole library receive.
import type {Document, Node} from 'yaml'
import {
  type FrontMatterBlock,
  isYamlLanguage,
  parseYaml,
  parseYamlFast,
  splitFrontMatter,
  yaml,
} from './front-matter.js'
import {locateSimple} from './locate.js'
import {memo} from './memo.js'
import {isMarkdownParserLoaded, loadMarkdownParser} from './markdown.js'
import {scanOutline} from './outline-scan.js'
import {LineIndex, type Position, type Span} from './positions.js'
import {detachString} from './detach.js'
import {detachData} from './pooled.js'
import {compactOutline, withSharedSections} from './drift.js'
import {type Outline, type RawOutline, type SectionSummary, outline, rawOutline} from './sections.js'
import {GLOBAL} from './taxonomy.js'

export interface Deviation {
  section?: string
  reason?: string
  approver?: string
  expires?: string
}

/** Front matter normalised to what the author wrote: strings stay strings, lists stay lists. */
export interface DocumentMeta {
  id?: string
  title?: string
  type?: string
  version?: string
  status?: string
  owner?: string
  markets: string[]
  channels: string[]
  compliance: string[]
  topics: string[]
  effective?: string
  review_by?: string
  based_on?: string
  /** `sections` for an overlay variant: the body holds only what the market changes (see core/overlay). */
  inherit?: string
  deviations: Deviation[]
  targets?: Record<string, unknown>
  /** Structured limits (core/limits), as YAML typed them; read with `limitsOf`. */
  limits?: Record<string, unknown>
}

/** The standard front-matter fields in the order documents write them and diffs list them. */
export const FIELD_ORDER = [
  'id',
  'title',
  'type',
  'version',
  'status',
  'owner',
  'markets',
  'channels',
  'compliance',
  'topics',
  'effective',
  'review_by',
  'based_on',
  'deviations',
  'targets',
] as const satisfies ReadonlyArray<keyof DocumentMeta>

/** Fields whose values are text even when YAML would type them (a version, a market code, a date). */
export const TEXT_FIELDS = [
  'id',
  'title',
  'type',
  'version',
  'status',
  'owner',
  'effective',
  'review_by',
  'based_on',
  'inherit',
] as const
export const LIST_FIELDS = ['markets', 'channels', 'compliance', 'topics'] as const

export type DocumentProblem =
  | {kind: 'no-front-matter'}
  | {kind: 'language'; language: string}
  | {kind: 'unterminated'}
  | {kind: 'yaml'; message: string; offset: number}

/** A problem that kept the file from being read as text at all. */
export interface ReadProblem {
  kind: 'binary' | 'encoding' | 'utf16' | 'lone-cr' | 'too-large' | 'empty' | 'unreadable' | 'outside-root'
  detail?: string
}

/** What parsing produced, so a document can be rebuilt without parsing again. */
export interface ParsedParts {
  problems: DocumentProblem[]
  data: Record<string, unknown>
  written: Record<string, unknown>
  meta: DocumentMeta
  outline: Outline
}

export interface DocumentRecord {
  file: string
  absPath: string
  text: string
  bom: boolean
  readProblem?: ReadProblem
  parsed: ParsedParts
}

/**
 * A document without its text: what the rules that read the whole library receive (see
 * rules/rule.ts). Front matter as written, the outline with a content fingerprint for each
 * section instead of its content, and the problems that kept it from being read. Plain data, so
 * it crosses threads as it is, and a large library's summaries fit in memory where its texts
 * would not. Positions need the text: a finding on a summary is placed by reading the file again.
 */
export interface DocumentSummary {
  /** Repo-relative path with forward slashes. */
  readonly file: string
  readonly absPath: string
  /** The id, or the path when there is none. */
  readonly name: string
  readonly readProblem?: ReadProblem
  readonly problems: readonly DocumentProblem[]
  /** Front matter as the author wrote it (see `SopDocument.written`). */
  readonly written: Readonly<Record<string, unknown>>
  readonly meta: DocumentMeta
  readonly outline: Outline<SectionSummary>
}

/** True for a GLOBAL baseline (its markets include GLOBAL), whatever form the document is in. */
export function isBaseline(doc: {readonly meta: DocumentMeta}): boolean {
  return doc.meta.markets.includes(GLOBAL)
}

/** The summary of a document (see `DocumentSummary`); no string in it keeps the text alive. */
export function summarize(doc: SopDocument): DocumentSummary {
  const {file, absPath, name, readProblem, problems, written, meta} = doc
  const outline = compactOutline(doc.outline, doc.text, doc.bodyStart)
  return {file, absPath, name, readProblem, problems, written, meta, outline}
}

const summaries = new WeakMap<SopDocument, DocumentSummary>()

/**
 * A summary made to be kept beside many others (import's working library gains one a row), one
 * object per document however often asked: the working library and the summaries its self-check
 * lints hold the same one. Its front matter is copied (see `detachData`): the values are slices
 * of the front matter's text, and the parser's arrays keep room to grow, together half the
 * summary's size. Its sections are shared with equal ones of other documents (those made from one
 * template differ in a section or two). check's summaries skip both, which would cost it 4% of
 * its time for no gain: they are made once a document and live one run.
 */
export function summaryOnce(doc: SopDocument): DocumentSummary {
  return memo(summaries, doc, d => {
    const summary = summarize(d)
    const [name, written, meta] = [detachString(d.name), detachData(d.written), detachData(d.meta)]
    return {...summary, name, written, meta, outline: withSharedSections(summary.outline)}
  })
}

/** What placing a finding needs: the file, and line:column in its text. */
export type Placed = Pick<SopDocument, 'file' | 'position' | 'bodyPosition' | 'span' | 'bodySpan' | 'positionOf'>

export class SopDocument {
  /** Repo-relative path with forward slashes. */
  readonly file: string
  readonly absPath: string
  /** Text without a BOM. */
  readonly text: string
  readonly bom: boolean
  readonly eol: '\n' | '\r\n'
  readonly readProblem?: ReadProblem
  readonly block?: FrontMatterBlock
  readonly problems: DocumentProblem[] = []
  /** Front matter as YAML 1.2 typed it; `meta` is the view as written. */
  readonly data: Record<string, unknown> = {}
  readonly meta: DocumentMeta
  /**
   * Front matter as the author wrote it: what `data` holds, but with every text field, list item
   * and deviation value that YAML typed (`1.10`, `2026-01-01`) back to its source text.
   */
  readonly written: Record<string, unknown> = {}
  readonly bodyStart: number
  /** Title, sections (with their content), links and images of the body. */
  readonly outline: Outline
  private lines?: LineIndex
  private exact?: Document

  /**
   * A document from its text, synchronously: a body the line scanner cannot model needs remark
   * loaded already (`SopDocument.parse` sees to that, and is what the loader uses).
   */
  constructor(
    file: string,
    absPath: string,
    text: string,
    options: {
      bom?: boolean
      readProblem?: ReadProblem
      parsed?: ParsedParts
      raw?: RawOutline
      /** The front-matter block, when the caller split it already (`parse`). */
      block?: FrontMatterBlock
    } = {},
  ) {
    this.file = file
    this.absPath = absPath
    this.text = text
    this.bom = options.bom ?? false
    this.readProblem = options.readProblem
    this.eol = /\r\n/.test(text.slice(0, 4096)) ? '\r\n' : '\n'
    this.block = options.readProblem ? undefined : (options.block ?? splitFrontMatter(text))
    this.bodyStart = this.block?.bodyStart ?? 0
    if (options.parsed) {
      this.problems.push(...options.parsed.problems)
      // Data sent from another thread arrives with Object.prototype; keys such as __proto__ must stay plain.
      this.data = plain(options.parsed.data)
      this.written = plain(options.parsed.written)
      this.meta = options.parsed.meta
      this.outline = options.parsed.outline
      return
    }
    const written = options.readProblem ? undefined : this.parseFrontMatter()
    if (written) this.written = written
    this.meta = written && this.problems.length === 0 ? readMeta(written) : emptyMeta()
    this.outline = outline(this.body, options.raw ?? rawOutline(this.body))
  }

  /** A document from its text, with remark loaded first when the body needs it. */
  static parse(
    file: string,
    absPath: string,
    text: string,
    options: {bom?: boolean; readProblem?: ReadProblem} = {},
  ): SopDocument | Promise<SopDocument> {
    const block = options.readProblem ? undefined : splitFrontMatter(text)
    const body = options.readProblem ? '' : text.slice(block?.bodyStart ?? 0)
    const raw = isMarkdownParserLoaded() ? rawOutline(body) : scanOutline(body)
    // Most bodies are scanned: no promise to wait on, which a library of 10k documents notices.
    if (raw) return new SopDocument(file, absPath, text, {...options, raw, block})
    return loadMarkdownParser().then(() => new SopDocument(file, absPath, text, {...options, block}))
  }

  /**
   * A summary's document for placing its findings, from the file's text and what the summary
   * already holds: front matter and outline are not parsed again (the exact YAML only if a
   * position needs it), so it answers positions and nothing else.
   */
  static placement(summary: DocumentSummary, text: string, bom: boolean): Placed {
    const {problems, written, meta} = summary
    // `written` has the keys of `data`, which is all positions read of it.
    const parsed = {
      problems: [...problems],
      data: written,
      written,
      meta,
      outline: emptyOutline(),
    }
    return new SopDocument(summary.file, summary.absPath, text, {bom, parsed})
  }

  /**
   * A document with no text that holds only these front-matter values, as written: a value judged
   * by a rule before any document exists (`sopkit new`'s answers). Positions fall back to 1:1.
   */
  static ofValues(file: string, values: Record<string, string>): SopDocument {
    const written = plain(values)
    const parsed = {problems: [], data: written, written, meta: readMeta(written), outline: emptyOutline()}
    return new SopDocument(file, file, '', {parsed})
  }

  /** Everything parsed, as plain data another thread can send (see `fromRecord`). */
  toRecord(): DocumentRecord {
    return {
      file: this.file,
      absPath: this.absPath,
      text: this.text,
      bom: this.bom,
      readProblem: this.readProblem,
      parsed: {problems: this.problems, data: this.data, written: this.written, meta: this.meta, outline: this.outline},
    }
  }

  /** A document rebuilt from a record without parsing anything again. */
  static fromRecord(record: DocumentRecord): SopDocument {
    return new SopDocument(record.file, record.absPath, record.text, {
      bom: record.bom,
      readProblem: record.readProblem,
      parsed: record.parsed,
    })
  }

  /** Sets `data` and returns the same data as written (typed text scalars back to their source). */
  private parseFrontMatter(): Record<string, unknown> | undefined {
    const block = this.block
    if (!block) return void this.problems.push({kind: 'no-front-matter'})
    if (!isYamlLanguage(block.language)) return void this.problems.push({kind: 'language', language: block.language})
    if (!block.terminated) return void this.problems.push({kind: 'unterminated'})
    // A copy of its own: the parsed values are slices of it, and some outlive the text (compact records).
    const source = detachString(this.text.slice(block.start, block.end))
    const fast = parseYamlFast(source)
    if (fast && isAsWritten(fast)) return ((this as {data: Record<string, unknown>}).data = fast)
    const parsed = parseYaml(source)
    this.exact = parsed.document
    for (const p of parsed.problems)
      this.problems.push({kind: 'yaml', message: p.message, offset: block.start + p.offset})
    if (!parsed.data) return undefined
    ;(this as {data: Record<string, unknown>}).data = parsed.data
    return writtenData(parsed.document, parsed.data)
  }

  /** The exact YAML document (positions, source text), parsed on first use. */
  get yaml(): Document | undefined {
    if (!this.exact && this.block?.terminated && isYamlLanguage(this.block.language)) {
      this.exact = parseYaml(this.text.slice(this.block.start, this.block.end)).document
    }
    return this.exact
  }

  get body(): string {
    return this.text.slice(this.bodyStart)
  }

  /** The document's id, or its path when it has none (so that it still names itself). */
  get name(): string {
    return this.meta.id ?? this.file
  }

  isBaseline(): boolean {
    return isBaseline(this)
  }

  /** 1-based position of an offset in the (BOM-less) text. */
  position(offset: number): Position {
    this.lines ??= new LineIndex(this.text)
    return this.lines.at(offset)
  }

  /** Position of a body offset (outline offsets are relative to the body). */
  bodyPosition(offset: number): Position {
    return this.position(this.bodyStart + offset)
  }

  /** The YAML node at a key path (`['markets', 1]`), with its offsets in the text. */
  node(path: ReadonlyArray<string | number>): {key?: Node; value?: Node; start: number; end: number} | undefined {
    const exact = this.yaml
    if (!exact || !this.block) return undefined
    const {isMap, isScalar, isSeq} = yaml()
    let current: unknown = exact.contents
    let keyNode: Node | undefined
    for (const step of path) {
      if (isMap(current)) {
        const pair = current.items.find(p => isScalar(p.key) && String(p.key.value) === String(step))
        if (!pair) return undefined
        keyNode = pair.key as Node
        current = pair.value
      } else if (isSeq(current) && typeof step === 'number') {
        keyNode = undefined
        current = current.items[step]
      } else return undefined
    }
    const target = (current as Node | null | undefined) ?? keyNode
    const range = target?.range ?? keyNode?.range
    if (!range) return undefined
    const offset = this.block.start
    return {
      key: keyNode,
      value: (current as Node | undefined) ?? undefined,
      start: offset + range[0],
      end: offset + range[1],
    }
  }

  /** A scalar's source text, whether it was written plain (unquoted), and its offsets. */
  scalar(
    path: ReadonlyArray<string | number>,
  ): {source: string; plain: boolean; start: number; end: number} | undefined {
    const found = this.node(path)
    const node = found?.value
    if (!found || !yaml().isScalar(node)) return undefined
    const source = (node as {source?: unknown}).source
    return {source: String(source ?? node.value), plain: node.type === 'PLAIN', start: found.start, end: found.end}
  }

  /** Where a front-matter key path is (and ends, when known), falling back to the key, then to the front matter's start. */
  positionOf(path: ReadonlyArray<string | number>, part: 'key' | 'value' = 'value'): Span {
    if (!this.block) return this.position(0)
    if (path.length === 1 && this.problems.length === 0 && !(String(path[0]) in this.data))
      return this.position(this.block.start)
    const at = this.block.start
    const simple = locateSimple(this.text.slice(at, this.block.end), path)
    if (simple)
      return part === 'key'
        ? this.span(at + simple.key, simple.keyEnd && at + simple.keyEnd)
        : this.span(at + simple.start, simple.end && at + simple.end)
    const found = this.node(path)
    const keyRange = found?.key?.range
    if (found && part === 'key' && keyRange) return this.span(at + keyRange[0], at + keyRange[1])
    if (found) return this.span(found.start, found.end)
    return this.position(at)
  }

  /** Where text offsets start..end are; the end only when there is one past the start. */
  span(start: number, end?: number): Span {
    const from = this.position(start)
    return end === undefined || end <= start ? from : {...from, end: this.position(end)}
  }

  /** As `span`, for body offsets (the outline's). */
  bodySpan(start: number, end?: number): Span {
    return this.span(this.bodyStart + start, end === undefined ? undefined : this.bodyStart + end)
  }
}

function plain(data: Record<string, unknown>): Record<string, unknown> {
  if (Object.getPrototypeOf(data) === null) return data
  return Object.assign(Object.create(null) as Record<string, unknown>, data)
}

function emptyOutline(): Outline {
  return {sections: [], links: [], images: []}
}

function emptyMeta(): DocumentMeta {
  return {markets: [], channels: [], compliance: [], topics: [], deviations: []}
}

/** True when every text field is already text, so the fast parse reads as the author wrote. */
function isAsWritten(data: Record<string, unknown>): boolean {
  const isText = (v: unknown) => v === undefined || typeof v === 'string'
  if (!TEXT_FIELDS.every(f => isText(data[f]))) return false
  if (
    !LIST_FIELDS.every(
      f => isText(data[f]) || (Array.isArray(data[f]) && (data[f] as unknown[]).every(v => typeof v === 'string')),
    )
  )
    return false
  const deviations = data.deviations
  if (deviations === undefined) return true
  return (
    Array.isArray(deviations) &&
    deviations.every(
      (d: unknown) =>
        typeof d === 'object' && d !== null && !Array.isArray(d) && Object.values(d).every(v => typeof v === 'string'),
    )
  )
}

/** The text an author wrote for a scalar: the typed value's source when YAML typed it. */
function scalarText(node: unknown): string | undefined {
  const {isScalar} = yaml()
  if (!isScalar(node)) return undefined
  if (node.value === null || node.value === undefined) return undefined
  if (typeof node.value === 'string') return node.value
  if (node.source !== undefined) return node.source
  const {value} = node
  // Under the core schema every other scalar is a number or a boolean (a big integer were it asked for).
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
    ? String(value)
    : undefined
}

/** Typed data with every text field (and list item, and deviation value) back to its source text. */
function writtenData(doc: Document, data: Record<string, unknown>): Record<string, unknown> {
  const {isMap, isScalar, isSeq} = yaml()
  const out = Object.assign(Object.create(null) as Record<string, unknown>, data)
  if (!isMap(doc.contents)) return out
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined
    if (!key) continue
    if ((TEXT_FIELDS as readonly string[]).includes(key)) out[key] = scalarText(pair.value)
    else if ((LIST_FIELDS as readonly string[]).includes(key)) {
      out[key] = isSeq(pair.value) ? pair.value.items.map(scalarText) : scalarText(pair.value)
    } else if (key === 'deviations' && isSeq(pair.value)) {
      out[key] = pair.value.items.map(item => {
        if (!isMap(item)) return null
        const d: Record<string, string | undefined> = {}
        for (const p of item.items) if (isScalar(p.key)) d[String(p.key.value)] = scalarText(p.value)
        return d
      })
    }
  }
  return out
}

const asText = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)
const asList = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string' && x !== '')
    : typeof v === 'string' && v !== ''
      ? [v]
      : []

/** The meta view of front matter as written. */
function readMeta(data: Record<string, unknown>): DocumentMeta {
  const meta = emptyMeta() as DocumentMeta & Record<string, unknown>
  for (const field of TEXT_FIELDS) {
    const value = asText(data[field])
    if (value !== undefined) meta[field] = value
  }
  for (const field of LIST_FIELDS) meta[field] = asList(data[field])
  if (Array.isArray(data.deviations)) {
    // Index-aligned with the YAML list (an entry that is not a mapping becomes an empty deviation),
    // so a finding about deviations[i] points at the i-th entry.
    meta.deviations = data.deviations.map((d: unknown) => {
      const entry = typeof d === 'object' && d !== null && !Array.isArray(d) ? (d as Record<string, unknown>) : {}
      return {
        section: asText(entry.section),
        reason: asText(entry.reason),
        approver: asText(entry.approver),
        expires: asText(entry.expires),
      }
    })
  }
  const targets = data.targets
  if (typeof targets === 'object' && targets !== null && !Array.isArray(targets))
    meta.targets = targets as Record<string, unknown>
  const limits = data.limits
  if (typeof limits === 'object' && limits !== null && !Array.isArray(limits))
    meta.limits = limits as Record<string, unknown>
  return meta
}
