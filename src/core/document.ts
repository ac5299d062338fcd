// The document model: text, front matter (values as written, with positions) and a lazy outline.
import {type Document, type Node, isMap, isScalar, isSeq} from 'yaml'
import {type FrontMatterBlock, isYamlLanguage, parseYaml, splitFrontMatter} from './front-matter.js'
import {LineIndex, type Position} from './positions.js'
import {type Outline, outline} from './sections.js'

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
  deviations: Deviation[]
  targets?: Record<string, unknown>
}

/** Fields whose values are text even when YAML would type them (a version, a market code, a date). */
export const TEXT_FIELDS = ['id', 'title', 'type', 'version', 'status', 'owner', 'effective', 'review_by', 'based_on'] as const
export const LIST_FIELDS = ['markets', 'channels', 'compliance', 'topics'] as const

export type DocumentProblem =
  | {kind: 'no-front-matter'}
  | {kind: 'language'; language: string}
  | {kind: 'unterminated'}
  | {kind: 'yaml'; message: string; offset: number}

/** A problem that kept the file from being read as text at all. */
export interface ReadProblem {
  kind: 'binary' | 'encoding' | 'utf16' | 'too-large' | 'empty' | 'unreadable' | 'outside-root'
  detail?: string
}

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
  readonly yaml?: Document
  /** Front matter as YAML 1.2 typed it; `meta` is the view as written. */
  readonly data: Record<string, unknown> = {}
  readonly meta: DocumentMeta
  readonly bodyStart: number
  private lines?: LineIndex
  private parsedOutline?: Outline

  constructor(file: string, absPath: string, text: string, options: {bom?: boolean; readProblem?: ReadProblem} = {}) {
    this.file = file
    this.absPath = absPath
    this.text = text
    this.bom = options.bom ?? false
    this.readProblem = options.readProblem
    this.eol = /\r\n/.test(text.slice(0, 4096)) ? '\r\n' : '\n'
    this.block = options.readProblem ? undefined : splitFrontMatter(text)
    this.bodyStart = this.block?.bodyStart ?? 0
    if (!options.readProblem) this.parseFrontMatter()
    this.meta = this.yaml && isMap(this.yaml.contents) && this.problems.length === 0 ? readMeta(this.yaml) : emptyMeta()
  }

  private parseFrontMatter(): void {
    const block = this.block
    if (!block) return void this.problems.push({kind: 'no-front-matter'})
    if (!isYamlLanguage(block.language)) return void this.problems.push({kind: 'language', language: block.language})
    if (!block.terminated) return void this.problems.push({kind: 'unterminated'})
    const parsed = parseYaml(this.text.slice(block.start, block.end))
    ;(this as {yaml?: Document}).yaml = parsed.document
    for (const p of parsed.problems) this.problems.push({kind: 'yaml', message: p.message, offset: block.start + p.offset})
    if (parsed.data) (this as {data: Record<string, unknown>}).data = parsed.data
  }

  get body(): string {
    return this.text.slice(this.bodyStart)
  }

  /** The Markdown outline, parsed on first use and at most once. */
  get outline(): Outline {
    this.parsedOutline ??= outline(this.body)
    return this.parsedOutline
  }

  /** The document's id, or its path when it has none (so that it still names itself). */
  get name(): string {
    return this.meta.id ?? this.file
  }

  isBaseline(): boolean {
    return this.meta.markets.includes('GLOBAL')
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
    if (!this.yaml || !this.block) return undefined
    let current: unknown = this.yaml.contents
    let keyNode: Node | undefined
    for (const step of path) {
      if (isMap(current)) {
        const pair = current.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step))
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
    return {key: keyNode, value: (current as Node | undefined) ?? undefined, start: offset + range[0], end: offset + range[1]}
  }

  /** Where a front-matter key path is, falling back to the key, then to the front matter's start. */
  positionOf(path: ReadonlyArray<string | number>, part: 'key' | 'value' = 'value'): Position {
    const found = this.node(path)
    if (found && part === 'key' && found.key?.range) return this.position(this.block!.start + found.key.range[0])
    if (found) return this.position(found.start)
    return this.position(this.block?.start ?? 0)
  }
}

function emptyMeta(): DocumentMeta {
  return {markets: [], channels: [], compliance: [], topics: [], deviations: []}
}

/** The text an author wrote for a scalar: the typed value's source when YAML typed it. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined
  if (node.value === null || node.value === undefined) return undefined
  if (typeof node.value === 'string') return node.value
  return node.source !== undefined ? String(node.source) : String(node.value)
}

function listText(node: unknown): string[] {
  if (isSeq(node)) return node.items.map(scalarText).filter((s): s is string => s !== undefined && s !== '')
  const single = scalarText(node)
  return single ? [single] : []
}

function readMeta(doc: Document): DocumentMeta {
  const meta = emptyMeta() as DocumentMeta & Record<string, unknown>
  const map = doc.contents
  if (!isMap(map)) return meta
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined
    if (!key) continue
    if ((TEXT_FIELDS as readonly string[]).includes(key)) {
      const text = scalarText(pair.value)
      if (text !== undefined && text !== '') meta[key] = text
    } else if ((LIST_FIELDS as readonly string[]).includes(key)) {
      meta[key] = listText(pair.value)
    } else if (key === 'deviations' && isSeq(pair.value)) {
      meta.deviations = pair.value.items.filter(isMap).map((item) => {
        const d: Record<string, string | undefined> = {}
        for (const p of item.items) if (isScalar(p.key)) d[String(p.key.value)] = scalarText(p.value)
        return d as Deviation
      })
    } else if (key === 'targets' && isMap(pair.value)) {
      meta.targets = pair.value.toJSON() as Record<string, unknown>
    }
  }
  return meta
}
