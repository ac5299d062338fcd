// Splits the front-matter block off a document and parses it as YAML data, never as code.
// Three readers, one answer: the line reader (core/yaml-lines) takes the common shape, js-yaml
// (fast, no positions) what it can read as `yaml` would, and the `yaml` package (exact positions,
// source text of every scalar) anything unusual, loaded only when a document needs it — for a
// finding's position, or to report a parse error.
import {createRequire} from 'node:module'
import jsYaml from 'js-yaml'
import type * as YamlLib from 'yaml'
import {CORE_SCALARS, coreMatch, readCommonYaml} from './yaml-lines.js'

/** The block between the opening `---` line and the closing `---` (or `...`) line. */
export interface FrontMatterBlock {
  /** Text after the opening `---`: empty, `yaml` or `yml` are the only ones parsed. */
  language: string
  /** Offset of the first YAML character in the document text. */
  start: number
  /** Offset just past the last YAML character. */
  end: number
  /** Offset where the body starts, past the closing line. */
  bodyStart: number
  terminated: boolean
}

const OPENING = /^---[ \t]*([^\r\n]*?)[ \t]*\r?$/
const CLOSING = /^(?:---|\.\.\.)[ \t]*\r?$/

/** Locate the front matter; `undefined` when the document does not open with `---`. */
export function splitFrontMatter(text: string): FrontMatterBlock | undefined {
  const firstEnd = text.indexOf('\n')
  const firstLine = firstEnd === -1 ? text : text.slice(0, firstEnd)
  const opening = OPENING.exec(firstLine)
  if (!opening || firstLine.startsWith('----')) return undefined
  const language = opening[1]!
  if (firstEnd === -1)
    return {language, start: text.length, end: text.length, bodyStart: text.length, terminated: false}
  const start = firstEnd + 1
  for (let lineStart = start; lineStart < text.length;) {
    const nl = text.indexOf('\n', lineStart)
    const lineEnd = nl === -1 ? text.length : nl
    // Only a line that opens with `-` or `.` can close the block: the others are never sliced.
    const first = text.charCodeAt(lineStart)
    if ((first === 45 || first === 46) && CLOSING.test(text.slice(lineStart, lineEnd))) {
      return {language, start, end: lineStart, bodyStart: nl === -1 ? text.length : nl + 1, terminated: true}
    }
    lineStart = lineEnd + 1
  }
  return {language, start, end: text.length, bodyStart: text.length, terminated: false}
}

export function isYamlLanguage(language: string): boolean {
  return language === '' || /^ya?ml$/i.test(language)
}

const require = createRequire(import.meta.url)
let yamlLib: typeof YamlLib | undefined

/** The `yaml` package, loaded on first use (synchronously: it ships CommonJS). */
export function yaml(): typeof YamlLib {
  yamlLib ??= require('yaml') as typeof YamlLib
  return yamlLib
}

/** Aliases are bounded so that a "billion laughs" block fails fast instead of exhausting memory. */
export const MAX_ALIAS_COUNT = 100

export interface YamlProblem {
  message: string
  /** Offset in the YAML source. */
  offset: number
}

export interface ParsedYaml {
  document: YamlLib.Document
  data: Record<string, unknown> | undefined
  problems: YamlProblem[]
}

/** Parse with the YAML 1.2 core schema: `NO` stays a string, dates stay as written, duplicate keys fail. */
export function parseYaml(source: string): ParsedYaml {
  const {parseDocument, isMap} = yaml()
  const document = parseDocument(source, {
    // A collection key is stringified with a process warning on stderr; the data says enough.
    logLevel: 'error',
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    schema: 'core',
    version: '1.2',
  })
  const problems: YamlProblem[] = document.errors.map(e => ({message: firstLine(e.message), offset: e.pos[0]}))
  if (problems.length > 0) return {document, data: undefined, problems}
  if (document.contents === null) return {document, data: {}, problems}
  if (!isMap(document.contents)) {
    return {
      document,
      data: undefined,
      problems: [{message: 'front matter must be a mapping of keys to values', offset: document.contents.range[0]}],
    }
  }
  try {
    const data = document.toJS({maxAliasCount: MAX_ALIAS_COUNT}) as Record<string, unknown>
    return {document, data: toSafeRecord(data), problems}
  } catch (error) {
    return {
      document,
      data: undefined,
      problems: [{message: firstLine(error instanceof Error ? error.message : String(error)), offset: 0}],
    }
  }
}

/**
 * What the fast path leaves to the exact parser, because js-yaml would answer differently or not
 * safely (the cases below, in order; test/core/yaml-readers.test.ts has an input for each):
 * - anchors and aliases (bounded there), whose name runs to YAML's own white space only;
 * - `__proto__`; tags (`!!float 1` is "1" to `yaml`);
 * - a null or empty key (`~: a`, `[:]`: "null" to js-yaml, "" to `yaml`);
 * - a collection or explicit `?` key (stringified differently);
 * - a quoted scalar that runs on to the next line (js-yaml takes continuation lines that `yaml`
 *   finds under-indented);
 * - an empty item (`- -`: js-yaml puts the next item inside it; `- ` above a shallower one:
 *   js-yaml reads two items, `yaml` refuses);
 * - a comment with no white space before it after a flow collection or a quoted scalar (`[a]#c`),
 *   and a comment opening a line above an indented one: `yaml` refuses both;
 * - in a flow mapping, an entry that opens with a collection (`{{a}}`) or is a null word (`{~}`);
 * - a line opening with a document marker or a directive (`--- # c`, `-----: x`, `%a`).
 * A line of 1024 characters or more goes too (`yaml` refuses an implicit key that long).
 */
const EXACT_PARSER_CASES: Array<{marks: string[]; pattern: RegExp}> = [
  // An anchor's name ends only at YAML's own white space: a no-break space is part of it.
  {marks: ['&', '*'], pattern: /(?:^|[\s[{,:-])[&*][^ \t\r\n,[\]{}]/m},
  {marks: ['__proto__'], pattern: /__proto__/},
  {marks: ['!'], pattern: /(?:^|[\s[{,])!/m},
  {marks: [':'], pattern: /(?:^[ \t]*(?:-[ \t]+)*|[[{,][ \t]*)(?:~|null|Null|NULL)?[ \t]*:(?:[ \t,\]}]|$)/m},
  // A collection key needs no space after its colon in a flow (`[[]:x]`); an explicit key does.
  {marks: ['?', '[', '{'], pattern: /(?:^[ \t]*(?:-[ \t]+)*|[[{,][ \t]*)(?:[[{][^\n]*[\]}][ \t]*:|\?(?:[ \t,\]}]|$))/m},
  {marks: ['"'], pattern: /(?:^|[\s[{,:])"(?:[^"\\\n]|\\.)*\\?$/m},
  {marks: ["'"], pattern: /(?:^|[\s[{,:])'(?:[^'\n]|'')*$/m},
  {marks: ['-'], pattern: /^[ \t]*(?:-[ \t]+)*-[ \t]*(?:#.*)?$/m},
  {marks: ['#'], pattern: /[\]}"']#/},
  {marks: ['#'], pattern: /^#[^\n]*\n(?:#[^\n]*\n)*[ \t]+[^\s#]/m},
  {marks: ['{'], pattern: /\{[ \t]*[[{]|\{[^\n}]*,[ \t]*[[{]/},
  // A line opening with a document marker (`--- # c`, `-----: x`: js-yaml reads a marker and the
  // key `--`) or a directive (`%a`): the block's own closing line has nothing after its marker.
  {marks: ['---', '...', '%'], pattern: /^(?:---|\.\.\.|%)/m},
  {marks: ['~', 'null', 'Null', 'NULL'], pattern: /[{,][ \t]*(?:~|null|Null|NULL)[ \t]*[,}]/},
]

/** Whether the fast path must leave `source` to the exact parser (a case applies only where one of its marks appears). */
function needsExactParser(source: string): boolean {
  if (source.length >= 1024 && /^[^\n]{1024}/m.test(source)) return true
  return EXACT_PARSER_CASES.some(
    ({marks, pattern}) => marks.some(mark => source.includes(mark)) && pattern.test(source),
  )
}

/**
 * js-yaml with YAML 1.2's core schema exactly as the `yaml` package reads it. js-yaml's own core
 * schema also reads `0b101`, signed hex and octal, and `_` separators as numbers, and `-0` as 0.
 */
const CORE_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: CORE_SCALARS.map(
    type =>
      new jsYaml.Type(`tag:yaml.org,2002:${type.tag}`, {
        kind: 'scalar',
        resolve: (source: unknown) => typeof source === 'string' && coreMatch(type, source) !== undefined,
        construct: (source: string) => coreMatch(type, source)?.[1](source),
      }),
  ),
})

/**
 * The fast path: the common shape read line by line, else js-yaml with the same YAML 1.2 core
 * schema. Returns undefined whenever the exact parser could answer differently or a position will
 * be needed (errors, anchors, non-mappings). test/core/yaml-readers.test.ts holds the three
 * readers to the same answer.
 */
export function parseYamlFast(source: string): Record<string, unknown> | undefined {
  const common = readCommonYaml(source)
  if (common) return common
  if (needsExactParser(source) || flowSpansLines(source)) return undefined
  let data: unknown
  try {
    data = jsYaml.load(source, {schema: CORE_SCHEMA})
  } catch {
    return undefined
  }
  // Nothing at all is no data; an explicit null (`~`) is a scalar, which front matter must not be.
  if (data === undefined) return {}
  if (data === null) return undefined
  if (typeof data !== 'object' || Array.isArray(data)) return undefined
  return toSafeRecord(data as Record<string, unknown>)
}

/**
 * True when a flow collection (`[…]`, `{…}`) is open at the end of a line, or closes one that
 * opened on an earlier line: js-yaml takes continuation lines that `yaml` finds under-indented
 * (`id: [` then `](: 0`). Front matter rarely spans flow collections over lines; those go exact.
 */
function flowSpansLines(source: string): boolean {
  // Only a line holding a bracket can open or close a collection.
  for (let at = nextBracket(source, 0); at !== -1;) {
    const lineEnd = source.indexOf('\n', at)
    const line = source.slice(source.lastIndexOf('\n', at) + 1, lineEnd === -1 ? source.length : lineEnd)
    if (flowDepth(line) !== 0) return true
    at = lineEnd === -1 ? -1 : nextBracket(source, lineEnd)
  }
  return false
}

const BRACKET = /[[\]{}]/g

function nextBracket(source: string, from: number): number {
  BRACKET.lastIndex = from
  return BRACKET.exec(source)?.index ?? -1
}

/** How many flow collections a line leaves open (negative: closes ones opened before it). */
function flowDepth(line: string): number {
  let depth = 0
  let quote = ''
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    const prev = i === 0 ? ' ' : line[i - 1]!
    if (quote) {
      if (quote === '"' && ch === '\\') i++
      else if (ch === quote) quote = ''
    } else if ((ch === '"' || ch === "'") && ' \t[{,:'.includes(prev)) quote = ch
    else if (ch === '#' && (prev === ' ' || prev === '\t')) break
    else if (ch === '[' || ch === '{') depth++
    else if (ch === ']' || ch === '}') depth--
  }
  return depth
}

/** Keys such as `__proto__` become plain own properties of a prototype-free object. */
function toSafeRecord(data: Record<string, unknown>): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>
  for (const key of Object.keys(data)) out[key] = data[key]
  return out
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}
