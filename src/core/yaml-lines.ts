// The shape nearly all front matter has, read line by line: plain keys, one-line scalars and flow
// collections, and block sequences and mappings nested in each other (a variant's `deviations:`,
// a site generator's `params:`). js-yaml takes about 30 µs a document for what this reads in a
// few; anything outside the shape returns undefined and goes on to js-yaml, then, where the two
// could differ, to the exact parser. test/core/yaml-readers.test.ts holds all three to one answer.

/**
 * YAML 1.2's core schema for plain scalars, in the spec's order (YAML 1.2.2, 10.3.2). `starts`
 * holds every character a match can begin with, so most words are turned away without a pattern.
 */
export interface CoreScalar {
  tag: string
  starts: string
  patterns: Array<[RegExp, (s: string) => unknown]>
}

export const CORE_SCALARS: CoreScalar[] = [
  {tag: 'null', starts: '~nN', patterns: [[/^(?:~|null|Null|NULL)?$/, () => null]]},
  {
    tag: 'bool',
    starts: 'tTfF',
    patterns: [[/^(?:true|True|TRUE|false|False|FALSE)$/, s => s.startsWith('t') || s.startsWith('T')]],
  },
  {
    tag: 'int',
    starts: '+-0123456789',
    patterns: [
      [/^0o[0-7]+$/, s => parseInt(s.slice(2), 8)],
      [/^[-+]?[0-9]+$/, s => parseInt(s, 10)],
      [/^0x[0-9a-fA-F]+$/, s => parseInt(s.slice(2), 16)],
    ],
  },
  {
    tag: 'float',
    starts: '+-.0123456789',
    patterns: [
      [/^(?:\.nan|\.NaN|\.NAN)$/, () => NaN],
      [/^[-+]?\.(?:inf|Inf|INF)$/, s => (s.startsWith('-') ? -Infinity : Infinity)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, s => parseFloat(s)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, s => parseFloat(s)],
    ],
  },
]

const TYPED_STARTS = new Set(CORE_SCALARS.flatMap(({starts}) => starts.split('')))

/** The pattern of `type` that a plain scalar's text matches, with its constructor, if any. */
export function coreMatch(type: CoreScalar, text: string): [RegExp, (s: string) => unknown] | undefined {
  if (text !== '' && !type.starts.includes(text[0]!)) return undefined
  return type.patterns.find(([pattern]) => pattern.test(text))
}

/** A plain scalar's value under the core schema: null, a boolean, a number, or the text itself. */
function plainValue(text: string): unknown {
  if (text !== '' && !TYPED_STARTS.has(text[0]!)) return text
  for (const type of CORE_SCALARS) {
    const match = coreMatch(type, text)
    if (match) return match[1](text)
  }
  return text
}

/** Returned by a reader of one piece when the source leaves the common shape. */
const OUTSIDE = Symbol('outside the common shape')
type Read<T> = T | typeof OUTSIDE

// Tabs, CR, control and format characters, line and paragraph separators, the BOM and astral
// characters: each parser has its own view of some of them.
const UNCOMMON_CHARACTER = /[^\n\x20-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]/
// What a plain scalar may not open with (indicators: a sequence entry, a tag, an anchor, a block scalar...).
const INDICATOR = new Set('-?:,[]{}#&*!|>\'"%@`')
const SPACE = 32
const COLON = 58

const EDGE_SPACES = /^ +| +$/g

/**
 * The text without the spaces around it. Only the space: YAML's white space is space and tab (and
 * tabs never reach here), where String#trim also takes a no-break or an ideographic space.
 */
function trimSpaces(text: string): string {
  return text.charCodeAt(0) === SPACE || text.charCodeAt(text.length - 1) === SPACE
    ? text.replace(EDGE_SPACES, '')
    : text
}

/** The source's lines: where each starts and ends, and how far it is indented. */
interface Lines {
  source: string
  starts: number[]
  ends: number[]
  indents: number[]
}

function splitLines(source: string): Lines {
  const lines: Lines = {source, starts: [], ends: [], indents: []}
  for (let start = 0; start <= source.length;) {
    const nl = source.indexOf('\n', start)
    const end = nl === -1 ? source.length : nl
    let indent = start
    while (indent < end && source.charCodeAt(indent) === SPACE) indent++
    // A blank line is left out: it separates nothing in the shapes read here.
    if (indent < end) {
      lines.starts.push(start)
      lines.ends.push(end)
      lines.indents.push(indent - start)
    }
    start = end + 1
  }
  return lines
}

/** The source's data, or undefined when it is not in the common shape. */
export function readCommonYaml(source: string): Record<string, unknown> | undefined {
  // A comment anywhere (a `#` opening a line or after a space), and uncommon characters.
  if ((source.includes('#') && /(?:^|[ ])#/m.test(source)) || UNCOMMON_CHARACTER.test(source)) return undefined
  // The block is a mapping at the margin, into a prototype-free object like the other readers'.
  const read = readMapping(splitLines(source), 0, 0, Object.create(null) as Record<string, unknown>)
  return read === OUTSIDE ? undefined : read.value
}

/**
 * `key: value` from column `at` of line `i`, with a key no parser reads otherwise than as its
 * text; the value is trimmed, empty when the line ends at the colon.
 */
function keyValue(lines: Lines, i: number, at: number): {key: string; value: string} | undefined {
  const {source} = lines
  const start = lines.starts[i]! + at
  const end = lines.ends[i]!
  // yaml refuses an implicit key 1024 characters long or more; js-yaml takes it.
  if (end - start >= 1024) return undefined
  if (!isKeyStart(source.charCodeAt(start))) return undefined
  let colon = start + 1
  while (colon < end && isKeyPart(source.charCodeAt(colon))) colon++
  if (source.charCodeAt(colon) !== COLON || (colon + 1 < end && source.charCodeAt(colon + 1) !== SPACE))
    return undefined
  const key = source.slice(start, colon)
  if (!readsAsText(key)) return undefined
  return {key, value: trimSpaces(source.slice(colon + 1, end))}
}

function isKeyStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
}

function isKeyPart(code: number): boolean {
  return isKeyStart(code) || (code >= 48 && code <= 57) || code === 45
}

/** What a `key:` with nothing after it holds: the block below it, or null. */
function readBlock(lines: Lines, i: number, parentIndent: number): Read<{value: unknown; next: number}> {
  if (i === lines.starts.length) return {value: null, next: i}
  const indent = lines.indents[i]!
  if (isEntry(lines, i) && indent >= parentIndent) return readSequence(lines, i, indent)
  if (indent > parentIndent) return readMapping(lines, i, indent, {})
  return {value: null, next: i}
}

function isEntry(lines: Lines, i: number): boolean {
  return lines.source.startsWith('- ', lines.starts[i]! + lines.indents[i]!)
}

/** `- item` lines at `indent`; an item is a scalar, a flow collection or a one-level mapping. */
function readSequence(lines: Lines, start: number, indent: number): Read<{value: unknown[]; next: number}> {
  const items: unknown[] = []
  let i = start
  while (i < lines.starts.length) {
    if (lines.indents[i]! > indent) return OUTSIDE
    if (lines.indents[i]! < indent || !isEntry(lines, i)) break
    // One space after the dash: the item's own keys line up two columns in.
    if (lines.source.charCodeAt(lines.starts[i]! + indent + 2) === SPACE) return OUTSIDE
    const pair = keyValue(lines, i, indent + 2)
    if (pair) {
      const first = readValue(lines, i, pair, indent + 2)
      const item = first === OUTSIDE ? OUTSIDE : readMapping(lines, first.next, indent + 2, {[pair.key]: first.value})
      if (item === OUTSIDE) return OUTSIDE
      items.push(item.value)
      i = item.next
    } else {
      const value = inlineValue(trimSpaces(lines.source.slice(lines.starts[i]! + indent + 2, lines.ends[i])))
      if (value === OUTSIDE) return OUTSIDE
      items.push(value)
      i++
    }
  }
  return {value: items, next: i}
}

/** `key: value` lines at `indent`, added to `map`; a value is on its line or the block below it. */
function readMapping(
  lines: Lines,
  start: number,
  indent: number,
  map: Record<string, unknown>,
): Read<{value: Record<string, unknown>; next: number}> {
  let i = start
  while (i < lines.starts.length && lines.indents[i]! >= indent) {
    const pair = lines.indents[i] === indent ? keyValue(lines, i, indent) : undefined
    // A line deeper than the keys (a scalar's next line) and a repeated key are outside the shape.
    if (!pair || Object.hasOwn(map, pair.key)) return OUTSIDE
    const read = readValue(lines, i, pair, indent)
    if (read === OUTSIDE) return OUTSIDE
    map[pair.key] = read.value
    i = read.next
  }
  return {value: map, next: i}
}

/** The value of the pair on line `i` (keys at `indent`): on its line, else the block below it. */
function readValue(
  lines: Lines,
  i: number,
  pair: {value: string},
  indent: number,
): Read<{value: unknown; next: number}> {
  if (pair.value === '') return readBlock(lines, i + 1, indent)
  const value = inlineValue(pair.value)
  return value === OUTSIDE ? OUTSIDE : {value, next: i + 1}
}

/** A value on the rest of its line: a quoted or plain scalar, or a flow collection of them. */
function inlineValue(text: string): Read<unknown> {
  if (text === '') return OUTSIDE
  const open = text[0]!
  if (open === '[') return text.endsWith(']') ? flowSequence(text.slice(1, -1)) : OUTSIDE
  if (open === '{') return text.endsWith('}') ? flowMap(text.slice(1, -1)) : OUTSIDE
  const quoted = quotedScalar(text)
  if (quoted !== undefined) return quoted
  if (INDICATOR.has(open) || text.includes(': ') || text.endsWith(':')) return OUTSIDE
  return plainValue(text)
}

/** A one-line quoted scalar with no escapes, quotes or backslashes inside. */
function quotedScalar(text: string): Read<string> | undefined {
  const quote = text[0]!
  if (quote !== '"' && quote !== "'") return undefined
  const inner = text.slice(1, -1)
  if (text.length < 2 || !text.endsWith(quote) || inner.includes(quote) || inner.includes('\\')) return OUTSIDE
  return inner
}

const FLOW_UNSAFE = /[,[\]{}:"']/

/** A scalar inside a flow collection: quoted, or plain without flow indicators or `:`. */
function flowScalar(text: string): Read<unknown> {
  const quoted = quotedScalar(text)
  if (quoted !== undefined) return quoted
  if (text === '' || INDICATOR.has(text[0]!) || FLOW_UNSAFE.test(text)) return OUTSIDE
  return plainValue(text)
}

function flowSequence(inner: string): Read<unknown[]> {
  const parts = flowParts(inner)
  if (parts === OUTSIDE) return OUTSIDE
  const items: unknown[] = []
  for (const part of parts) {
    const item = flowScalar(part)
    if (item === OUTSIDE) return OUTSIDE
    items.push(item)
  }
  return items
}

/**
 * A flow collection's inside split at the commas outside quotes, each part trimmed. A quote is
 * skipped to the next one alike: whether it really opened and closed a whole item (no escape, no
 * quote inside) is for the item's reader to say.
 */
function flowParts(inner: string): Read<string[]> {
  const parts: string[] = []
  if (trimSpaces(inner) === '') return parts
  let start = 0
  for (let i = 0; i <= inner.length; i++) {
    const ch = inner[i]
    if (ch === '"' || ch === "'") {
      i = inner.indexOf(ch, i + 1)
      if (i === -1) return OUTSIDE
    } else if (ch === ',' || i === inner.length) {
      parts.push(trimSpaces(inner.slice(start, i)))
      start = i + 1
    }
  }
  return parts
}

function flowMap(inner: string): Read<Record<string, unknown>> {
  const parts = flowParts(inner)
  if (parts === OUTSIDE) return OUTSIDE
  const map: Record<string, unknown> = {}
  for (const part of parts) {
    const colon = part.indexOf(': ')
    const key = part.slice(0, colon)
    if (colon === -1 || !isPlainKeyName(key) || !readsAsText(key) || Object.hasOwn(map, key)) return OUTSIDE
    const value = flowScalar(trimSpaces(part.slice(colon + 2)))
    if (value === OUTSIDE) return OUTSIDE
    map[key] = value
  }
  return map
}

/** A key name made of letters, digits, `_` and `-`, opening with a letter or `_`. */
export function isPlainKeyName(text: string): boolean {
  if (text.length === 0 || !isKeyStart(text.charCodeAt(0))) return false
  for (let i = 1; i < text.length; i++) if (!isKeyPart(text.charCodeAt(i))) return false
  return true
}

/** A key every parser reads as its text: not one the core schema types, not `__proto__`. */
function readsAsText(key: string): boolean {
  return key !== '__proto__' && typeof plainValue(key) === 'string'
}
