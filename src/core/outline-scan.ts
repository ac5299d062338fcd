// A line scanner that finds top-level headings and links without building a Markdown AST.
// It models the constructs most documents use (ATX and one-line setext headings with inline code,
// entities, emphasis, links, images and reference badges; fences, also in list items and quotes;
// HTML blocks and comments; inline links, images and tags, also going on over a paragraph's lines;
// single-line definitions, block quotes, lists, tables). Where it cannot be sure (where list items
// it does not track would read a line otherwise), remark decides: alone, the scanner returns
// undefined; given remark's reader (check's path), it hands remark only the window of the body
// around that place, between two lines where every block but a list is closed, and reads on after it.
// test/core/outline-agreement.test.ts proves both agree with remark on every CommonMark and GFM
// spec example, the bundled library, package READMEs and generated documents.
import type {BodyLink, RawOutline} from './sections.js'

/** What remark reads of a window of a body (core/markdown `readWindow`): offsets are the window's. */
export interface WindowRead {
  outline: RawOutline
  /** The definitions' labels as written, and where each starts. */
  definitions: Array<{label: string; start: number}>
  /** Where the window's last top-level block starts, or the last item of a list that is one; undefined where a body's start would read it otherwise. */
  lastBlock: number | undefined
}

export type WindowReader = (text: string) => WindowRead

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/
const ATX = /^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/
const CLOSING_HASHES = /(?:^|[ \t]+)#+$/
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/
/** A link definition on one line, indented up to three spaces, its destination bare or in `<>`. */
const DEFINITION = /^( {0,3})\[([^[\]\\]+)\]:[ \t]*(?:<([^\n<>\\]*)>|([^\s<>]+))([ \t]+(?:"[^"\\]*"|'[^'\\]*'))?[ \t]*$/
/**
 * An inline link's destination and title in parentheses: the destination bare (balanced
 * parentheses, no spaces) or in `<>` (spaces allowed), then spaces, tabs and at most one line
 * ending around the title. Escapes and entities go to remark.
 */
const DESTINATION =
  /^\((?:<([^\n<>\\]*)>|([^\s()<>\\]*(?:\([^\s()<>\\]*\)[^\s()<>\\]*)*))(?:(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?:"[^"\\]*"|'[^'\\]*'))?[ \t]*(?:\r?\n[ \t]*)?\)/

/** Block quote markers and list item markers that open a line (a container's prefix). */
const CONTAINER = /^ {0,3}(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))/
/** URL characters remark keeps as written (an `&` too, unless it starts an entity remark would decode; any past ASCII). */
const PLAIN_URL = /^[A-Za-z0-9._~:/?#@!$&'*+,;=%()\u0080-\uffff-]*$/
/** A character reference: decimal, hexadecimal or named (see `decodeEntity`). */
const ENTITY = /&(?:#([0-9]{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));/
const ENTITY_START = new RegExp(`^${ENTITY.source}`)
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
/** A GFM table's delimiter row (`| --- | :-: |`): the line before it was the table's header. */
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/
const AUTOLINK = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/
const EMAIL_AUTOLINK =
  /^<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/
/** An inline HTML comment closed on its line (CommonMark 0.31: `<!-->`, `<!--->` or `<!--` … `-->`): an html node, no text, no links. */
const INLINE_COMMENT = /^<!--(?:-?>|[^\n]*?-->)/
/**
 * Inline raw HTML that opens or closes a tag (remark keeps it as an html node, without text); in a
 * paragraph read whole, its attributes may go on after one line ending.
 */
const INLINE_TAG =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:(?:[ \t]+|[ \t]*\r?\n[ \t]*)[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*(?:[ \t]*\r?\n)?[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*(?:[ \t]*\r?\n)?[ \t]*>)/

/** HTML blocks that end at a closing tag (CommonMark's kind 1). */
const HTML_RAW_BLOCK = /^<(script|pre|style|textarea)(?:[ \t>]|$)/i
/** `search` (a kind 6 tag new in CommonMark 0.31), left to remark. */
const SEARCH_TAG = /^<\/?search\b/i
/** HTML blocks of a block-level tag, ending at a blank line (kind 6; `search`, new in 0.31, left to remark). */
const HTML_BLOCK_TAG =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]|\/?>|$)/i

/** A backslash escape of ASCII punctuation, which remark decodes in a destination. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g

/**
 * A destination as remark gives it (in `<>`, or bare), or undefined: empty, or holding a character
 * reference the scan does not decode as remark does. Backslash escapes of punctuation and character
 * references are decoded; a bare destination must be plain without its escapes.
 */
function keptUrl(angled: string | undefined, bare: string | undefined): string | undefined {
  const written = angled ?? bare ?? ''
  if (written === '' || (angled === undefined && !isPlainUrl(written.replace(ESCAPE, '')))) return undefined
  let url = ''
  let last = 0
  for (const code of written.matchAll(DESTINATION_CODE)) {
    const decoded = code[1] ?? decodeEntity(code[2], code[3], code[4])
    if (decoded === undefined) return undefined
    url += written.slice(last, code.index) + decoded
    last = code.index + code[0].length
  }
  return url + written.slice(last)
}

/** A backslash escape of punctuation or a character reference: remark decodes both in a destination. */
const DESTINATION_CODE = new RegExp(`${ESCAPE.source}|${ENTITY.source}`, 'g')

/** URL characters only, parentheses balanced (an `&` may still open a character reference). */
function isPlainUrl(url: string): boolean {
  return PLAIN_URL.test(url) && balancedParentheses(url)
}

/** A destination not in `<>` has balanced parentheses, or it is not one. */
function balancedParentheses(url: string): boolean {
  let depth = 0
  for (const c of url) {
    if (c === '(') depth++
    else if (c === ')' && --depth < 0) return false
  }
  return depth === 0
}

interface Fence {
  char: string
  length: number
  /** Block quote markers each line of the fence carries (`> ```js`): a line without them ends the quote, and the fence. */
  quotes: number
  /** The indentation the fence's lines keep: a line indented less ends the list item holding the fence, or may. */
  column: number
  /**
   * What else the fence could be, the scanner not tracking list items: nothing ('sure': at the
   * margin, in a list item or a quote); a fence at the margin that a less indented line would not
   * end ('indented': 1–3 spaces); indented code ('code': 4 or more after text that may be code).
   */
  reading: 'sure' | 'indented' | 'code'
}

interface ScanState {
  headings: RawOutline['headings']
  links: RawOutline['links']
  images: RawOutline['images']
  fence?: Fence
  inComment: boolean
  /** Inside an HTML block: it ends at a blank line, or at the line with this closing tag. */
  html?: 'blank' | RegExp
  previous: LineKind
  body: string
  /** The last paragraph line: a setext underline makes it a heading when it opened a top-level paragraph. */
  paragraph?: {start: number; end: number; opens: boolean; topLevel: boolean}
  /** Inside a GFM table, where `|` splits cells even inside code and link text. */
  table: boolean
  /** The last line had a `|` inside code or a link: as a table's header it would read otherwise. */
  pipes: boolean
  /** The last line was a definition without a title: the next line may hold its title. */
  untitled: boolean
  /** Labels of the body's definitions, as remark matches them: each as first written (what a window is told of), and which definition wrote it. */
  definitions: Map<string, {label: string; index: number}>
  /** The same labels, one per definition in body order (the scan forgets those after a cut when it hands a window over). */
  written: string[]
  /** The last line where a window may start: every block before it but a list is closed (see `isCut`). */
  cut: Cut
  /** The windows remark read, and the labels each was told of. */
  windows: Window[]
  /** An indented line came after a line that was not paragraph text: indented lines from there on may be code. */
  maybeCode: boolean
  /** Set when a paragraph's line was read with the lines after it (a link or code span going on): where the read ended. */
  joined?: {end: number; resumeAt: number}
  /** The paragraph whose lines are being read one by one: read again whole when a later line closes what an earlier one opened. */
  run?: ParagraphRun
  /** The record `run` points to when set, reused. */
  runRecord?: ParagraphRun
  /**
   * Bracketed labels read as plain text inside a link's text: a definition would make them
   * reference links, and a link cannot hold a link, so the outer brackets would be text. Definitions
   * may come later in the body: checked at its end.
   */
  labels: string[]
  /** Headings holding brackets read as plain text: a definition of one makes it a reference, and the text is read again. */
  bracketed: Array<{heading: number; from: number; to: number; labels: string[]; read: Inline}>
}

type LineKind = 'blank' | 'paragraph' | 'definition' | 'other'

/** A line where a window may start, and how much of the outline came before it. */
interface Cut {
  at: number
  headings: number
  links: number
  images: number
  labels: number
  bracketed: number
  written: number
}

/** A window of the body remark read: its outline items, where they sit in the scan's, and the labels it was told of or defined. */
interface Window {
  from: number
  to: number
  outline: RawOutline
  at: {headings: number; links: number; images: number}
  known: Set<string>
}

/** Where a paragraph's first line starts (or its first line not yet settled), and how much of the outline came before it. */
interface ParagraphRun {
  lineStart: number
  links: number
  images: number
  labels: number
  /** The paragraph surely opened at the margin (after a blank line or a block), outside any container: a line opening a block that cannot interrupt it goes on it. */
  atMargin: boolean
  /** How many block quotes hold the paragraph: its lines carry that many markers, or fewer (going on lazily). */
  quotes: number
}

/**
 * Prose lines (a letter, or a bullet or an ordered item's number then a space and a letter, and no
 * `<`, `](` or backtick anywhere) are most of a body and cannot hold a heading or a link, so they
 * are recognised without slicing the line: the next `<`, `](` and backtick are found once and
 * reused until the scan passes them. A letter after the marker rules out what a list item could
 * open instead (a fence, HTML, a definition, indented code).
 */
function isProseStart(body: string, at: number, end: number): boolean {
  const c = body.charCodeAt(at)
  if (isLetter(c)) return true
  let marker = at + 1
  if (c >= 48 && c <= 57) {
    // `1.` or `1)`: an ordered list item's number has at most nine digits.
    while (marker < end && marker - at < 9 && isDigit(body.charCodeAt(marker))) marker++
    const delimiter = body.charCodeAt(marker)
    if (delimiter !== 46 && delimiter !== 41) return false
    marker++
  } else if (c !== 45 && c !== 42 && c !== 43 && c !== 124) return false
  return marker + 1 < end && body.charCodeAt(marker) === 32 && isLetter(body.charCodeAt(marker + 1))
}

/** Whether the line at `start` opens at the margin: no indentation, quote or list marker (nor a digit that may start one). */
function atMargin(body: string, start: number): boolean {
  const first = body.charCodeAt(start)
  return first !== 9 && !mayOpenContainer(first)
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0
}

function hasLoneCarriageReturn(body: string): boolean {
  for (let at = body.indexOf('\r'); at !== -1; at = body.indexOf('\r', at + 1))
    if (body.charCodeAt(at + 1) !== 10) return true
  return false
}

/** Offset of the next `text` from `from`, or past the end when there is none. */
function nextAt(body: string, text: string, from: number): number {
  const at = body.indexOf(text, from)
  return at === -1 ? body.length : at
}

/**
 * Headings and links of a body. Alone, the scanner answers undefined where it cannot be sure; given
 * remark's reader, it hands remark the window around each such place (see `handOver`) and reads the
 * rest itself.
 */
export function scanOutline(body: string): RawOutline | undefined
export function scanOutline(body: string, read: WindowReader): RawOutline
export function scanOutline(body: string, read?: WindowReader): RawOutline | undefined {
  // A byte order mark opening the body (a file with two, or one after its front matter): remark drops
  // it. A carriage return not before a line feed ends a line for remark; the scan splits at line feeds.
  if (body.charCodeAt(0) === 0xfeff || hasLoneCarriageReturn(body)) return read?.(body).outline
  const state: ScanState = {
    headings: [],
    links: [],
    images: [],
    inComment: false,
    previous: 'blank',
    body,
    table: false,
    pipes: false,
    untitled: false,
    definitions: new Map(),
    written: [],
    cut: {at: 0, headings: 0, links: 0, images: 0, labels: 0, bracketed: 0, written: 0},
    windows: [],
    labels: [],
    bracketed: [],
    maybeCode: false,
    // Every field from the start, so the record keeps one shape through the scan.
    fence: undefined,
    html: undefined,
    paragraph: undefined,
    joined: undefined,
    run: undefined,
    runRecord: undefined,
  }
  let nextAngle = -1
  let nextLink = -1
  let nextTick = -1
  for (let start = 0; start < body.length;) {
    const newline = body.indexOf('\n', start)
    const lineEnd = newline === -1 ? body.length : body.charCodeAt(newline - 1) === 13 ? newline - 1 : newline
    const plain = !state.fence && !state.inComment && !state.html
    if (plain && state.previous === 'blank' && !state.maybeCode && isCut(body, start)) markCut(state, start)
    let kind: LineKind | undefined
    // The line, sliced only when the prose check does not settle it.
    let line: string | undefined
    if (plain && lineEnd === start) kind = 'blank'
    else if (state.fence && insideFence(state.fence, body, start, lineEnd)) kind = 'other'
    else if (plain && isProseStart(body, start, lineEnd)) {
      if (nextAngle < start) nextAngle = nextAt(body, '<', start)
      if (nextLink < start) nextLink = nextAt(body, '](', start)
      if (nextTick < start) nextTick = nextAt(body, '`', start)
      if (nextAngle >= lineEnd && nextLink >= lineEnd && nextTick >= lineEnd) {
        kind = 'paragraph'
        state.pipes = false
      }
    }
    // What the outline held before this line: where a paragraph opening here starts (numbers, not an object: this runs per line).
    const links = state.links.length
    const images = state.images.length
    const labels = state.labels.length
    if (kind === undefined) {
      line = body.slice(start, lineEnd)
      kind = classify(state, line, start)
    }
    if (kind === undefined) {
      if (!read) return undefined
      start = handOver(state, start, read)
      continue
    }
    if (kind !== 'definition') state.untitled = false
    const joined = state.joined
    state.joined = undefined
    if (kind !== 'paragraph') state.run = undefined
    else if (
      !joined &&
      (state.previous !== 'paragraph' || !goesOnAt(body, start, lineEnd, line, state.run?.quotes ?? 0))
    )
      state.run =
        state.maybeCode || state.table
          ? undefined
          : openRun(state, start, links, images, labels, state.previous !== 'paragraph' && atMargin(body, start))
    if (kind === 'paragraph') {
      // remark starts a setext heading under a definition at the definition (the spec does not): remark decides.
      // An underline under a paragraph of several lines makes a heading of them all: remark decides that too.
      const opens = !joined && state.previous !== 'paragraph' && state.previous !== 'definition'
      const topLevel = atMargin(body, start)
      // One record, rewritten per line: a body is mostly paragraph lines.
      const paragraph = (state.paragraph ??= {start, end: lineEnd, opens, topLevel})
      paragraph.start = start
      paragraph.end = joined?.end ?? lineEnd
      paragraph.opens = opens
      paragraph.topLevel = topLevel
    } else state.table = false
    state.previous = kind
    if (kind !== 'blank' && !isIndented(body, start)) state.maybeCode = false
    start = joined?.resumeAt ?? (newline === -1 ? body.length : newline + 1)
  }
  // `[options]` is plain text unless a definition names it (then remark reads a reference).
  if (state.labels.some(label => state.definitions.has(label))) return read?.(body).outline
  for (const {heading, from, to, labels, read: first} of state.bracketed) {
    if (!labels.some(label => state.definitions.has(label))) continue
    const inline = readInline(body.slice(from, to), from, {...HEADING, definitions: state.definitions})
    // A reference made of brackets and what follows them (`[text][label](url)`) takes the link's place.
    if (!inline || !sameItems(inline.links, first.links) || !sameItems(inline.images, first.images))
      return read?.(body).outline
    state.headings[heading]!.text = inline.text.trim()
  }
  if (read) readAgain(state, read)
  return {headings: state.headings, links: state.links, images: state.images}
}

/**
 * Where a window may start: a line after a blank line opening at the margin with text. A blank
 * line ends paragraphs, tables and HTML blocks that end at one; a line neither indented nor
 * opening with `>` ends every list item, footnote and quote: of all blocks, only a list (the line
 * opens an item of it), or a fence or an HTML block of kind 1–5 opened at the margin, may still be
 * open. Which list an item is in changes nothing in the outline; the scanner knows whether it is
 * in a fence or an HTML block where a window starts, and at a window's end remark tells (the line
 * opens a top-level block of its own, or an item of a top-level list). Not after indented code
 * (see core/markdown `lastBlockStart`): the scan, where indented lines may be code, makes no cut.
 */
function isCut(body: string, at: number): boolean {
  const c = body.charCodeAt(at)
  return c !== 32 && c !== 9 && c !== 10 && c !== 13 && !Number.isNaN(c)
}

function sameItems(a: BodyLink[], b: BodyLink[]): boolean {
  return a.length === b.length && a.every((item, i) => item.url === b[i]!.url && item.start === b[i]!.start)
}

function define(state: ScanState, label: string): void {
  const normal = normalizeLabel(label)
  if (!state.definitions.has(normal)) state.definitions.set(normal, {label, index: state.written.length})
  state.written.push(normal)
}

function markCut(state: ScanState, at: number): void {
  const {cut} = state
  cut.at = at
  cut.headings = state.headings.length
  cut.links = state.links.length
  cut.images = state.images.length
  cut.labels = state.labels.length
  cut.bracketed = state.bracketed.length
  cut.written = state.written.length
}

/** The next line after the one holding `from` where a window may end (see `isCut`), or the body's end. */
function nextCut(body: string, from: number): number {
  let blank = false
  for (let at = body.indexOf('\n', from) + 1; at > 0; at = body.indexOf('\n', at) + 1) {
    if (blank && isCut(body, at)) return at
    blank = isBlank(body.slice(at, lineEndOf(body, at)))
  }
  return body.length
}

/**
 * The line at `failed` is one the scanner cannot be sure of. remark reads the body from the last
 * cut before it to the first after it where nothing is left open (each try goes twice as far; the
 * fourth goes to the end), told of the definitions read so far; the outline items the scanner
 * found from the cut on are replaced by remark's. The scan goes on after the window as at a
 * body's start. Returns where.
 */
function handOver(state: ScanState, failed: number, read: WindowReader): number {
  const {body, cut} = state
  state.headings.length = cut.headings
  state.links.length = cut.links
  state.images.length = cut.images
  state.labels.length = cut.labels
  state.bracketed.length = cut.bracketed
  // Last first: a label is forgotten with the definition that first wrote it.
  while (state.written.length > cut.written) {
    const normal = state.written.pop()!
    if (state.definitions.get(normal)?.index === state.written.length) state.definitions.delete(normal)
  }
  let to = nextCut(body, failed)
  let window = readWindowAt(state, read, cut.at, to)
  for (let tries = 1; to < body.length && window.lastBlock !== to; tries++) {
    to = tries < 4 ? nextCut(body, cut.at + 2 * (to - cut.at)) : body.length
    window = readWindowAt(state, read, cut.at, to)
  }
  const at = {headings: state.headings.length, links: state.links.length, images: state.images.length}
  state.headings.push(...window.outline.headings)
  state.links.push(...window.outline.links)
  state.images.push(...window.outline.images)
  for (const label of window.labels) define(state, label)
  const known = new Set([...window.told, ...window.labels.map(normalizeLabel)])
  state.windows.push({from: cut.at, to, outline: window.outline, at, known})
  Object.assign(state, AFTER_BLANK)
  markCut(state, to)
  return to
}

/** What the scan knows after a blank line at the margin, as at a body's start. */
const AFTER_BLANK = {
  fence: undefined,
  inComment: false,
  html: undefined,
  previous: 'blank',
  paragraph: undefined,
  table: false,
  pipes: false,
  untitled: false,
  maybeCode: false,
  joined: undefined,
  run: undefined,
} as const satisfies Partial<ScanState>

/**
 * remark's outline of the body from `from` to `to` (and the line at `to`, when it is not the end),
 * told first of the definitions read so far whose labels the window holds (written before it as
 * `[label]: <>`): offsets the body's, items from `to` on left out, `lastBlock` where the last
 * top-level block starts, `told` the labels it was told of.
 */
function readWindowAt(
  state: ScanState,
  read: WindowReader,
  from: number,
  to: number,
): {outline: RawOutline; labels: string[]; lastBlock: number | undefined; told: string[]} {
  const {body} = state
  const text = body.slice(from, to < body.length ? lineEndOf(body, to) : to)
  const told = definedIn(state, text)
  const written = told
    .map(label => `[${state.definitions.get(label)!.label.replace(/[\t\n\r ]+/g, ' ')}]: <>\n`)
    .join('')
  const prefix = written === '' ? '' : `${written}\n`
  const window = read(prefix + text)
  const shift = from - prefix.length
  const inside = (item: {start: number}) => item.start >= prefix.length && item.start + shift < to
  const moved = <T extends {start: number; end: number}>(items: T[]): T[] =>
    items.filter(inside).map(item => ({...item, start: item.start + shift, end: item.end + shift}))
  return {
    outline: {
      headings: moved(window.outline.headings),
      links: moved(window.outline.links),
      images: moved(window.outline.images),
    },
    labels: window.definitions.filter(inside).map(d => d.label),
    lastBlock: window.lastBlock === undefined ? undefined : window.lastBlock + shift,
    told,
  }
}

/**
 * Every span a link label could be: no bracket inside but an escaped one, at most 999 characters
 * (so a run of `\[` is not read again from each of its brackets).
 */
const LABEL_SPAN = /\[((?:[^[\]\\]|\\[^]){0,999})\]/g

/**
 * The defined labels that a bracketed span of `text` names, as remark matches them: a window
 * holding none of a definition's labels reads alike told of it or not. Quote markers opening a
 * line are not part of a label going on over it.
 */
function definedIn(state: ScanState, text: string): string[] {
  if (state.definitions.size === 0) return []
  const named = new Set<string>()
  for (const span of text.replace(/\n[ \t>]*/g, '\n').matchAll(LABEL_SPAN)) {
    const label = normalizeLabel(span[1]!)
    if (state.definitions.has(label)) named.add(label)
  }
  return [...named]
}

/**
 * A window read before the definitions after it were known reads again, when it holds one of
 * their labels: its items are replaced (last window first, so the places of those before stay right).
 */
function readAgain(state: ScanState, read: WindowReader): void {
  for (let i = state.windows.length - 1; i >= 0; i--) {
    const {from, to, outline, at, known} = state.windows[i]!
    if (definedIn(state, state.body.slice(from, to)).every(label => known.has(label))) continue
    const again = readWindowAt(state, read, from, to).outline
    state.headings.splice(at.headings, outline.headings.length, ...again.headings)
    state.links.splice(at.links, outline.links.length, ...again.links)
    state.images.splice(at.images, outline.images.length, ...again.images)
  }
}

function classify(state: ScanState, line: string, start: number): LineKind | undefined {
  if (state.fence) {
    const inside = fenceLine(state.fence, line)
    if (inside === undefined) return undefined
    if (inside !== 'ended') {
      if (inside === 'closed') state.fence = undefined
      return 'other'
    }
    // The containers holding the fence ended at this line: it opens what it opens.
    state.fence = undefined
  }
  if (state.inComment) {
    if (line.includes('-->')) state.inComment = false
    return 'other'
  }
  if (state.html) {
    if (state.html === 'blank' ? isBlank(line) : state.html.test(line)) {
      const end = state.html === 'blank' ? 'blank' : 'other'
      state.html = undefined
      return end
    }
    return 'other'
  }
  if (state.untitled && /^[ \t]*["'(]/.test(line)) return undefined
  if (line.charCodeAt(0) === 35) return atxLine(state, line, start)
  if (isBlank(line)) return 'blank'
  if (/^ {0,3}\t/.test(line) || /^ {4,}/.test(line)) return indentedLine(state, line, start)
  const open = FENCE.exec(line)
  if (open) {
    const column = open[1]!.length
    return openFence(state, open, {quotes: 0, column, reading: column === 0 ? 'sure' : 'indented'})
  }
  if (line.startsWith('<!--')) {
    state.inComment = !line.slice(4).includes('-->')
    return 'other'
  }
  if (line.startsWith('<') && opensHtml(line, 0)) return htmlBlock(state, line, start)
  const indent = /^ {1,3}</.exec(line)
  if (indent && opensHtml(line, indent[0].length - 1)) return indentedHtml(state, line, start, indent[0].length - 1)
  if (SETEXT_UNDERLINE.test(line) && state.previous === 'paragraph') return setext(state, line, start)
  if (THEMATIC_BREAK.test(line)) return 'other'
  if (state.previous === 'definition' && /^[ \t|:-]+$/.test(line)) return undefined
  if (state.previous === 'paragraph' && TABLE_DELIMITER.test(line) && (line.includes('|') || lastLineHasPipe(state))) {
    if (state.pipes) return undefined
    state.table = true
    return 'paragraph'
  }
  if (/^ {1,3}#/.test(line)) return undefined
  const prefix = containerPrefix(line)
  if (commentInContainer(line, prefix)) return continuesParagraph(state, line) ? undefined : 'other'
  if (prefix && /^(?:`{3}|~{3})/.test(line.slice(prefix))) return containerFence(state, line, prefix)
  const content = afterContainers(state.body, start, line, prefix)
  if (content === undefined) return undefined
  if (content > 0) {
    if (inlineLinks(state, line, start, content)) return 'paragraph'
    const item = /[-*+.)][ \t]*$/.test(line.slice(0, content)) && !continuesParagraph(state, line)
    return joinedParagraph(state, line, start, content, item)
  }
  if (/^ {0,3}\[\^/.test(line)) return footnote(state, line, start)
  const definition = DEFINITION.exec(line)
  if (definition) {
    const [, indent, label, angled, bare, title] = definition
    const url = keptUrl(angled, bare)
    if (state.previous === 'paragraph' || !url || label!.trim() === '') return undefined
    state.links.push({url, start: start + indent!.length, end: start + line.length})
    define(state, label!)
    state.untitled = title === undefined
    return 'definition'
  }
  if (mayBeDefinition(state.body, start)) return undefined
  return inlineLinks(state, line, start, 0) ? 'paragraph' : joinedParagraph(state, line, start, 0)
}

/**
 * A GFM footnote definition (`[^1]: text`) holds blocks as a list item does: its first line's text
 * is read as a paragraph's, the lines after as they come (it may interrupt a paragraph). One
 * opening with a block goes to remark.
 */
function footnote(state: ScanState, line: string, start: number): LineKind | undefined {
  const label = /^ {0,3}\[\^[A-Za-z0-9_-]+\]:[ \t]*/.exec(line)
  if (!label) return undefined
  const from = label[0].length
  if (!INDENTED_TEXT.test(line.slice(from)) || mayBeDefinition(state.body, start + from)) return undefined
  return inlineLinks(state, line, start, from) ? 'paragraph' : joinedParagraph(state, line, start, from, true)
}

/** An opening fence's info string may not hold a backtick when the fence is of backticks. */
function openFence(
  state: ScanState,
  open: RegExpExecArray,
  where: Omit<Fence, 'char' | 'length'>,
): 'other' | undefined {
  if (open[2]![0] === '`' && open[3]!.includes('`')) return undefined
  state.fence = {char: open[2]![0]!, length: open[2]!.length, ...where}
  return 'other'
}

/**
 * A fence opening a list item's content or a quote's (`1. ```sh`, `> ```js`); one in both, or
 * an ordered item that only goes on a paragraph (`2. ```` under text), goes to remark.
 */
function containerFence(state: ScanState, line: string, prefix: number): 'other' | undefined {
  const markers = line.slice(0, prefix)
  const open = FENCE.exec(line.slice(prefix))
  if (!open || continuesParagraph(state, line)) return undefined
  const quotes = quotesOf(markers)
  if (quotes > 0) return openFence(state, open, {quotes, column: 0, reading: 'sure'})
  if (/^(?: {0,3}(?:[-+*]|\d{1,9}[.)]) +)+$/.test(markers))
    return openFence(state, open, {quotes: 0, column: prefix, reading: 'sure'})
  return undefined
}

/**
 * A line of a fence at the margin that cannot close it (its first character after up to three
 * spaces is not the fence's): told without slicing the line, as most of a fence's lines are.
 */
function insideFence(fence: Fence, body: string, start: number, end: number): boolean {
  if (fence.quotes > 0 || fence.column > 0) return false
  let at = start
  while (at < end && at - start < 3 && body.charCodeAt(at) === 32) at++
  return at < end && body[at] !== fence.char && body.charCodeAt(at) !== 32
}

/**
 * A line inside a fence: still inside ('open'), the closing fence ('closed'), or a line that ends
 * the containers holding the fence and so the fence ('ended'). Undefined where the two readings
 * of a fence the scanner is not sure of would part.
 */
function fenceLine(fence: Fence, line: string): 'open' | 'closed' | 'ended' | undefined {
  let content = line
  if (fence.quotes > 0) {
    const end = quoteMarkers(line, fence.quotes)
    if (markerCount(line.slice(0, end)) < fence.quotes) return 'ended'
    content = line.slice(end)
    // A tab after the markers is partly their space and partly indentation (`>\t```` may close): remark decides.
    if (/^ *\t/.test(content)) return undefined
  } else if (fence.column > 0) {
    if (isBlank(line)) return 'open'
    const indent = /^[ \t]*/.exec(line)![0]
    if (indent.includes('\t')) return undefined
    if (indent.length < fence.column) return fence.reading === 'sure' ? 'ended' : undefined
    content = line.slice(fence.column)
  }
  const close = FENCE.exec(content)
  if (!close || close[2]![0] !== fence.char || close[2]!.length < fence.length || !/^[ \t]*$/.test(close[3]!))
    return 'open'
  // A closing fence indented past the margin's three spaces, or past the fence as code, closes in one reading only.
  if (fence.reading === 'indented' && fence.column + close[1]!.length > 3) return undefined
  if (fence.reading === 'code' && close[1] !== '') return undefined
  return 'closed'
}

/**
 * How far back (in characters) a paragraph is read again when a later line closes what an earlier
 * one opened: the reads go back to the last line read together (what came before is settled), so
 * the work is linear; this bounds its constant on a long paragraph of prose.
 */
const MAX_REREAD = 65_536

/** What a paragraph's next line may open with and still go on the paragraph: nothing that interrupts it (a GFM footnote definition does). */
const CONTINUATION =
  /^(?![ \t]*\[\^)[ \t]*(?:[A-Za-z\u00c0-\uffff()"'[\]!\\.,;?/@$%&{}]|[0-9](?![0-9]*[.)])|`(?!``)|~(?!~~)|[-+*_#=](?![ \t\-+*_#=]|$))/

/** Whether the line at `start` only goes on the paragraph above it: a prose line (`line` not sliced) when it opens with a letter. */
function goesOnAt(body: string, start: number, end: number, line: string | undefined, quotes: number): boolean {
  return line === undefined ? isLetter(body.charCodeAt(start)) : goesOn(line, body, end, quotes)
}

/**
 * A paragraph opening at `start` (or going on there, its earlier lines settled), in the one record
 * the scan reuses (a body opens a paragraph on most list items). Its quotes are those its line
 * opens with, unless given.
 */
function openRun(
  state: ScanState,
  start: number,
  links: number,
  images: number,
  labels: number,
  margin: boolean,
  quotes = quotesAt(state.body, start),
): ParagraphRun {
  const run = (state.runRecord ??= {lineStart: 0, links: 0, images: 0, labels: 0, atMargin: false, quotes: 0})
  run.lineStart = start
  run.links = links
  run.images = images
  run.labels = labels
  run.atMargin = margin
  run.quotes = quotes
  return run
}

/** The block quotes the line at `start` opens from the margin (see quotesOf). */
function quotesAt(body: string, start: number): number {
  if (body.charCodeAt(start) !== 62) return 0
  return quotesOf(TEXT_PREFIX.exec(body.slice(start, lineEndOf(body, start)))![0])
}

/**
 * Whether the line ending at `end` only goes on the paragraph above it: it opens nothing, and a
 * `|` in it does not make it a table's header (no delimiter row follows).
 */
function goesOn(line: string, body: string, end: number, quotes = 0): boolean {
  if (!CONTINUATION.test(quotes > 0 ? line.slice(quoteMarkers(line, quotes)) : line)) return false
  if (!line.includes('|')) return true
  const after = lineAfter(body, end)
  return after === undefined || !TABLE_DELIMITER.test(after)
}

/**
 * How many block quotes a line's prefix opens from the margin (`> > `): 0 for any other prefix,
 * whose quotes may sit in a list item a marker at the margin would not go on.
 */
function quotesOf(prefix: string): number {
  return /^>(?: ?(?: {0,3}>))* *$/.test(prefix) ? markerCount(prefix) : 0
}

/** How many `>` a run of block quote markers holds. */
function markerCount(markers: string): number {
  return markers.split('>').length - 1
}

/** The length of a line's first `quotes` block quote markers (fewer when it has fewer). */
function quoteMarkers(line: string, quotes: number): number {
  let at = 0
  for (let n = 0; n < quotes; n++) {
    const marker = / {0,3}> ?/y
    marker.lastIndex = at
    if (!marker.test(line)) break
    at = marker.lastIndex
  }
  return at
}

/** A quote paragraph's text as one span: the markers opening its later lines become spaces, so offsets stay. */
function unquoted(text: string, quotes: number): string {
  if (quotes === 0) return text
  return text.replace(/\n[^\n]*/g, next => {
    const end = 1 + quoteMarkers(next.slice(1), quotes)
    return `\n${' '.repeat(end - 1)}${next.slice(end)}`
  })
}

/**
 * A paragraph line whose inline content the line alone does not hold: a link or code span that an
 * earlier line of the paragraph opened, or that goes on to the next lines. The paragraph is read
 * again from its first line (dropping what its lines gave the outline), with up to ten lines past
 * this one as long as each only continues it; the lines read past this one are skipped by the scan.
 */
function joinedParagraph(
  state: ScanState,
  line: string,
  start: number,
  from: number,
  opens = false,
): 'paragraph' | undefined {
  if (state.table) return undefined
  const {body} = state
  const run =
    state.previous === 'paragraph' && goesOn(line, body, start + line.length, state.run?.quotes) ? state.run : undefined
  // The quotes holding the paragraph: its later lines' markers are read as spaces.
  const quotes = run?.quotes ?? quotesOf(line.slice(0, from))
  if (run && start - run.lineStart > MAX_REREAD) return undefined
  const base = run ? textStart(body, run.lineStart) : start + from
  // A heading in a list item or quote (`1. ## Title`) is one line: nothing to read with the next.
  if (base === undefined || (!run && /^#{1,6}(?:[ \t]|$)/.test(line.slice(from)))) return undefined
  if (run) {
    state.links.length = run.links
    state.images.length = run.images
    state.labels.length = run.labels
  }
  let end = lineEndOf(body, start)
  for (let lines = 0; lines <= 10; lines++) {
    if (lines > 0) {
      const next = body.indexOf('\n', end)
      if (next === -1) return undefined
      const nextEnd = lineEndOf(body, next + 1)
      if (!goesOn(body.slice(next + 1, nextEnd), body, nextEnd, quotes)) return undefined
      end = nextEnd
    }
    // Read from the paragraph's first line up to a line that surely ends it, the read holds all its text.
    const after = lineAfter(body, end)
    const whole = (run !== undefined || opens || state.previous !== 'paragraph') && endsParagraph(after)
    // This line alone was read already, as part of a paragraph that may go on.
    if (lines === 0 && !run && !whole) continue
    const inline = readInline(unquoted(body.slice(base, end), quotes), base, {...PARAGRAPH_LINE, whole})
    // A `|` inside code or a link matters only if a table's delimiter row follows.
    if (inline && (!inline.pipes || after === undefined || !TABLE_DELIMITER.test(after))) {
      state.labels.push(...inline.nested)
      state.links.push(...inline.links)
      state.images.push(...inline.images)
      state.pipes = false
      const resumeAt = body.indexOf('\n', end) + 1 || body.length
      state.joined = {end, resumeAt}
      // Every bracket and backtick run read so far is settled: a later line reads the paragraph again from the next one.
      const {links, images, labels} = state
      state.run = openRun(state, resumeAt, links.length, images.length, labels.length, run?.atMargin ?? false, quotes)
      return 'paragraph'
    }
  }
  return undefined
}

/**
 * Whether a line surely ends the paragraph before it: none, a blank line, or a line
 * that interrupts a paragraph in any container (an ATX heading, a fence, a thematic break, a
 * bullet with text). A quote marker or `===` may go on it, so they are not counted.
 */
function endsParagraph(line: string | undefined): boolean {
  if (line === undefined) return true
  return (
    isBlank(line) ||
    /^ {0,3}(?:[-*+][ \t]+\S|#{1,6}(?:[ \t]|$)|`{3,}[^`]*$|~{3})/.test(line) ||
    THEMATIC_BREAK.test(line)
  )
}

/** The line after the one ending at `end`, or undefined at the body's end. */
function lineAfter(body: string, end: number): string | undefined {
  const next = body.indexOf('\n', end)
  return next === -1 ? undefined : body.slice(next + 1, lineEndOf(body, next + 1))
}

/** A blank line holds only spaces and tabs: a no-break space is text. */
function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line)
}

/** Where the line starting at `start` ends (before its CR LF or LF). */
function lineEndOf(body: string, start: number): number {
  const newline = body.indexOf('\n', start)
  if (newline === -1) return body.length
  return body.charCodeAt(newline - 1) === 13 ? newline - 1 : newline
}

/** Whether the line at `start` opens with four columns of indentation (a tab counts as reaching the next stop). */
function isIndented(body: string, start: number): boolean {
  for (let at = start; at < start + 4; at++) {
    const c = body.charCodeAt(at)
    if (c === 9) return true
    if (c !== 32) return false
  }
  return true
}

/** A line's indentation and container markers (block quotes, list items), before its content. */
const TEXT_PREFIX = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*/

/** What an indented line's content may open with and still be text: not a block of its own (heading, quote, fence, HTML, table, break). */
const INDENTED_TEXT = /^(?:[A-Za-z0-9(\u00c0-\uffff"'!\\]|`(?!``)|\[(?!\^)|[*_](?![ \t]*$))/

/**
 * Indented code, or text of a list item or paragraph: which one depends on containers the scanner
 * does not track. Right after paragraph text (and not in a run of lines that may be code) it is
 * text either way, since indented code cannot interrupt a paragraph: a lazy continuation, a nested
 * list item, or the item's own text. Its inline content is read after any list marker.
 */
function indentedLine(state: ScanState, line: string, start: number): LineKind | undefined {
  const afterText = previousIsText(state)
  // After a heading or a break in a list item (the scanner's 'paragraph' covers those lines too), code may start.
  if (!afterText) state.maybeCode = true
  if (!/[#[`~<&]|\]\(/.test(line)) return 'paragraph'
  if (state.table || THEMATIC_BREAK.test(line.trimStart())) return undefined
  if (state.maybeCode || !afterText) return codeOrText(state, line, start)
  const from = /^[ \t]+(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/.exec(line)![0].length
  const content = line.slice(from)
  if (!INDENTED_TEXT.test(content) || mayBeDefinition(state.body, start + from)) return undefined
  return inlineLinks(state, line, start, from) ? 'paragraph' : joinedParagraph(state, line, start, from)
}

/**
 * An indented line that may be code or a list item's content (the scanner does not track list
 * items): it gives the outline nothing either way when, read as content, it holds no link or image
 * and opens no block that could hold later lines (a fence, HTML, a definition or a footnote).
 */
function codeOrText(state: ScanState, line: string, start: number): LineKind | undefined {
  const from = TEXT_PREFIX.exec(line)![0].length
  const content = line.slice(from)
  const open = FENCE.exec(content)
  // After a blank line or a closed block, a fence in a list item, or code: its lines are raw either way while they stay as indented.
  if (open && (state.previous === 'blank' || state.previous === 'other') && /^ +$/.test(line.slice(0, from)))
    return openFence(state, open, {quotes: 0, column: from, reading: 'code'})
  if (/^(?:`{3}|~{3}|\[\^)/.test(content) || opensHtmlBlock(content) || mayBeDefinition(state.body, start + from))
    return undefined
  const inline = readInline(content, 0, PARAGRAPH_LINE)
  return inline && inline.links.length === 0 && inline.images.length === 0 ? 'paragraph' : undefined
}

/** Whether the line before was paragraph text (in any containers), not a break, heading or underline in a list item. */
function previousIsText(state: ScanState): boolean {
  const paragraph = state.paragraph
  return (
    state.previous === 'paragraph' && paragraph !== undefined && textStart(state.body, paragraph.start) !== undefined
  )
}

/** Where the text of the line at `start` begins after its indentation and container markers; undefined when it is no text. */
function textStart(body: string, start: number): number | undefined {
  const line = body.slice(start, lineEndOf(body, start))
  const from = TEXT_PREFIX.exec(line)![0].length
  const content = line.slice(from)
  return INDENTED_TEXT.test(content) && !THEMATIC_BREAK.test(content) && !SETEXT_UNDERLINE.test(content)
    ? start + from
    : undefined
}

/**
 * A line opening with `<` at the margin: an HTML block (raw text: no headings or links), or inline
 * HTML continuing a paragraph. Processing instructions, declarations and CDATA go to remark; so
 * does an indented `<`, which may sit in a list item that ends the block with it.
 */
function htmlBlock(state: ScanState, line: string, start: number): LineKind | undefined {
  const raw = HTML_RAW_BLOCK.exec(line)
  if (raw) {
    const close = new RegExp(`</${raw[1]!}>`, 'i')
    if (!close.test(line.slice(raw[0].length))) state.html = close
    return 'other'
  }
  if (HTML_BLOCK_TAG.test(line)) {
    state.html = 'blank'
    return 'other'
  }
  // Declarations, processing instructions and CDATA (`<!X`, `<?`) open HTML blocks the scanner leaves to remark.
  if (line.startsWith('<!') || line.startsWith('<?')) return undefined
  const tag = INLINE_TAG.exec(line)
  if (!tag) {
    if (AUTOLINK.test(line) || EMAIL_AUTOLINK.test(line)) return paragraphLine(state, line, start)
    // A tag not complete on its line opens no HTML block: a paragraph whose tag goes on to the next line.
    return /^<[A-Za-z]/.test(line) ? joinedParagraph(state, line, start, 0) : undefined
  }
  if (SEARCH_TAG.test(line)) return undefined
  // Only a tag alone on its line may open a block (kind 7): with more after it, the line is text with inline HTML.
  if (!isBlank(line.slice(tag[0].length))) return paragraphLine(state, line, start)
  // A tag alone cannot interrupt a paragraph: under one that opened at the margin it is inline HTML
  // (under a list item's text going on lazily, it opens a block and ends the list).
  // A delimiter row after it would make it a table's header, which micromark tries first.
  const after = lineAfter(state.body, start + line.length)
  if (state.previous === 'paragraph' && state.run?.atMargin && !(after !== undefined && TABLE_DELIMITER.test(after)))
    return 'paragraph'
  // The scanner's 'paragraph' also covers list items and indented code, where it may open a block:
  // only after a blank line or a closed block is it sure to.
  if (state.previous !== 'blank' && state.previous !== 'other') return undefined
  state.html = 'blank'
  return 'other'
}

/**
 * HTML indented one to three spaces, which may sit in a list item whose end would end its block:
 * an autolink or a tag with text after it is a paragraph either way; a block of a tag alone (kinds
 * 6 and 7) is sure only when a blank line comes right after it, ending it in both readings.
 */
function indentedHtml(state: ScanState, line: string, start: number, at: number): LineKind | undefined {
  const rest = line.slice(at)
  if (!opensHtmlBlock(rest)) return paragraphLine(state, line, start)
  const tag = INLINE_TAG.exec(rest)
  const blockOfATag = HTML_BLOCK_TAG.test(rest) || (tag !== null && !SEARCH_TAG.test(rest))
  if (!blockOfATag || HTML_RAW_BLOCK.test(rest) || (state.previous !== 'blank' && state.previous !== 'other'))
    return undefined
  const after = lineAfter(state.body, start + line.length)
  return after === undefined || isBlank(after) ? 'other' : undefined
}

function paragraphLine(state: ScanState, line: string, start: number): 'paragraph' | undefined {
  return inlineLinks(state, line, start, 0) ? 'paragraph' : undefined
}

function lastLineHasPipe(state: ScanState): boolean {
  return state.paragraph !== undefined && state.body.slice(state.paragraph.start, state.paragraph.end).includes('|')
}

/**
 * Where the content of a line inside block quotes and list items starts (0 for a line outside
 * them), or undefined when that content opens a block the scanner cannot follow in a container:
 * a fence, HTML, indented code or a link definition.
 */
function afterContainers(body: string, start: number, line: string, at: number | undefined): number | undefined {
  if (at === undefined || at === 0) return at
  const rest = line.slice(at)
  if (/^(?:`{3}|~{3}|\[\^)/.test(rest) || opensHtmlBlock(rest) || mayBeDefinition(body, start + at)) return undefined
  return at
}

/**
 * Whether text opening with `<` starts an HTML block, or may (a tag going on to the next line),
 * rather than a paragraph opening with an autolink or with an inline tag and more text.
 */
function opensHtmlBlock(text: string): boolean {
  if (!opensHtml(text, 0)) return false
  if (HTML_RAW_BLOCK.test(text) || HTML_BLOCK_TAG.test(text) || /^<[!?]/.test(text) || SEARCH_TAG.test(text))
    return true
  const tag = INLINE_TAG.exec(text)
  if (tag) return isBlank(text.slice(tag[0].length))
  return !AUTOLINK.test(text) && !EMAIL_AUTOLINK.test(text)
}

/** The length of a line's block-quote and list-item markers, or undefined when tabs or deep indents make it unsure. */
function containerPrefix(line: string): number | undefined {
  if (!mayOpenContainer(line.charCodeAt(0))) return 0
  let at = 0
  for (let m = CONTAINER.exec(line); m; m = CONTAINER.exec(line.slice(at))) {
    at += m[0].length
    const spaces = /^[ \t]*/.exec(line.slice(at))![0]
    if (spaces.includes('\t') || spaces.length > 4) return undefined
    at += spaces.length
  }
  return at
}

/**
 * An ordered item numbered other than 1 cannot interrupt a paragraph: after paragraph text it goes
 * on the paragraph, and so after a link definition (remark reads definitions as a paragraph's start).
 */
function continuesParagraph(state: ScanState, line: string): boolean {
  const ordered = /^ {0,3}(\d{1,9})[.)]/.exec(line)
  return (
    (state.previous === 'paragraph' || state.previous === 'definition') && ordered !== null && Number(ordered[1]) !== 1
  )
}

/** A space, `>`, a bullet or a digit: what a container's prefix (CONTAINER) can start with. */
function mayOpenContainer(c: number): boolean {
  return c === 32 || c === 62 || c === 45 || c === 43 || c === 42 || (c >= 48 && c <= 57)
}

/**
 * A list item or quote whose content opens with an HTML comment closed on the same line (a
 * template's `1. <!-- first step -->`): an HTML block of kind 2, the whole line raw, no outline.
 */
function commentInContainer(line: string, at: number | undefined): boolean {
  return at !== undefined && at > 0 && line.startsWith('<!--', at) && line.includes('-->', at + 2)
}

/**
 * Whether the text at `at` could open a link definition (possibly one whose title goes on): a
 * label closed by `]:`, on its line or a later one. A label holds no unescaped bracket and no blank
 * line; an escape may hide the `]` that closes it.
 */
function mayBeDefinition(body: string, at: number): boolean {
  let bracket = at
  while (bracket < at + 3 && body.charCodeAt(bracket) === 32) bracket++
  if (body.charCodeAt(bracket) !== 91) return false
  const limit = Math.min(body.length, bracket + 1000)
  for (let i = bracket + 1; i < limit; i++) {
    const c = body.charCodeAt(i)
    if (c === 92) return true
    if (c === 91) return false
    if (c === 93) return body.charCodeAt(i + 1) === 58
    if (c === 10 && isBlank(body.slice(i + 1, lineEndOf(body, i + 1)))) return false
  }
  return limit < body.length
}

/**
 * A line that starts with `#` (a tenth of a body's lines: every heading) skips the checks for
 * blank, indented, fence, comment, setext and quote lines, which cannot match it.
 */
function atxLine(state: ScanState, line: string, start: number): LineKind | undefined {
  const atx = ATX.exec(line)
  if (atx) return heading(state, atx, start, start + line.length)
  return inlineLinks(state, line, start, 0) ? 'paragraph' : undefined
}

/**
 * An underline under the first line of a top-level paragraph makes that line a heading (its links
 * are already collected). A longer paragraph, a table or a paragraph in a container goes to remark.
 */
function setext(state: ScanState, line: string, start: number): 'other' | undefined {
  const paragraph = state.paragraph
  if (!paragraph?.opens || !paragraph.topLevel || state.table || !/^[=-]/.test(line)) return undefined
  const text = state.body.slice(paragraph.start, paragraph.end)
  if (text.includes('|')) return undefined
  const inline = readInline(text, paragraph.start, HEADING)
  if (!inline) return undefined
  const depth = line.startsWith('=') ? 1 : 2
  noteHeading(state, inline, paragraph.start, paragraph.end)
  state.headings.push({depth, text: inline.text.trim(), start: paragraph.start, end: start + line.length})
  return 'other'
}

function heading(state: ScanState, atx: RegExpExecArray, start: number, end: number): 'other' | undefined {
  const raw = (atx[2] ?? '').replace(CLOSING_HASHES, '')
  const contentStart = start + atx[0].indexOf(raw)
  const inline = readInline(raw, contentStart, HEADING)
  if (!inline) return undefined
  noteHeading(state, inline, contentStart, contentStart + raw.length)
  state.headings.push({depth: atx[1]!.length, text: inline.text.trim(), start, end})
  state.links.push(...inline.links)
  state.images.push(...inline.images)
  return 'other'
}

/** Brackets in the heading about to be pushed: those inside link text may not be defined, the others make it read again if they are. */
function noteHeading(state: ScanState, inline: Inline, from: number, to: number): void {
  state.labels.push(...inline.nested)
  if (inline.labels.length > 0)
    state.bracketed.push({heading: state.headings.length, from, to, labels: inline.labels, read: inline})
}

/** Collect the links of a paragraph line; false when the line holds something only a parser can read. */
function inlineLinks(state: ScanState, line: string, start: number, from: number): boolean {
  const inline = readInline(line.slice(from), start + from, PARAGRAPH_LINE)
  if (!inline || (state.table && inline.pipes)) return false
  state.pipes = inline.pipes
  state.labels.push(...inline.nested)
  state.links.push(...inline.links)
  state.images.push(...inline.images)
  return true
}

interface Inline {
  /** What a reader sees (heading text): code content, decoded entities, link text; no markup. */
  text: string
  links: RawOutline['links']
  images: RawOutline['images']
  /** A `|` inside code or a link, which a table row would split on. */
  pipes: boolean
  /** Labels of the brackets read as plain text in a heading: a definition would make them references. */
  labels: string[]
  /** Labels of the brackets read as plain text in a link's text: a definition would make them references. */
  nested: string[]
}

/** A link label as remark matches it to a definition. */
function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase()
}

/** A `|` that a GFM table row splits on (`\|` does not split, `\\|` does). */
function hasBarePipe(text: string): boolean {
  return /(?:^|[^\\])\|/.test(text) || text.includes('\\\\|')
}

/** Entities remark decodes that headings use; any other named entity goes to remark. */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  rarr: '→',
  larr: '←',
  times: '×',
  middot: '·',
  laquo: '«',
  raquo: '»',
}

const PUNCTUATION = /[!-/:-@[-`{-~]/

/**
 * The inline content of one line: its plain text, inline links and images. Undefined where the
 * line holds what only a parser reads right: raw HTML or autolinks, a code span or link that may
 * go on to the next line, reference links in a heading, emphasis that is not a plain pair.
 */
function readInline(src: string, offset: number, reading: Reading): Inline | undefined {
  const out = emptyInline()
  return readSpan(src, 0, src.length, offset, reading, out) ? out : undefined
}

/**
 * How a span is read: in a heading, whose text matters (emphasis, references); inside a link's
 * text; as all of its block's inline content, where a backtick run no closer follows is text; and,
 * once the body's definitions are known, with them (a heading read again).
 */
interface Reading {
  heading: boolean
  inLink: boolean
  whole: boolean
  /** The body's definitions by label (`has` is all a reading asks). */
  definitions?: ReadonlyMap<string, unknown>
}

/** The same reading inside a link's text (the common two made once: links are read per line). */
function inLinkText(reading: Reading): Reading {
  if (reading === PARAGRAPH_LINE) return PARAGRAPH_LINE_LINK
  if (reading === HEADING) return HEADING_LINK
  return {...reading, inLink: true}
}

/** A line of a paragraph that may go on: a code span may close on a later line. */
const PARAGRAPH_LINE: Reading = {heading: false, inLink: false, whole: false}
/** A heading's content, all of it on its line. */
const HEADING: Reading = {heading: true, inLink: false, whole: true}
const PARAGRAPH_LINE_LINK: Reading = {...PARAGRAPH_LINE, inLink: true}
const HEADING_LINK: Reading = {...HEADING, inLink: true}

function emptyInline(): Inline {
  return {text: '', links: [], images: [], pipes: false, labels: [], nested: []}
}

function readSpan(src: string, from: number, to: number, offset: number, reading: Reading, out: Inline): boolean {
  // Emphasis only changes what a heading reads; its delimiter runs are checked for plain pairs.
  const runs: Array<{at: number; text: number}> = []
  let literalAt = -1
  for (let i = from; i < to;) {
    // Plain text up to the next character that may be markup or start an autolink literal is taken whole.
    if (literalAt < i) literalAt = nextMatch(LITERAL_ANYWHERE, src, i)
    const stop = Math.min(nextMatch(MARKUP, src, i), literalAt, to)
    if (stop > i) {
      out.text += src.slice(i, stop)
      i = stop
      continue
    }
    const c = src[i]!
    if (c === '\\') {
      const next = src[i + 1]
      if (next !== undefined && i + 1 < to && PUNCTUATION.test(next)) {
        out.text += next
        i += 2
      } else {
        out.text += c
        i++
      }
      continue
    }
    if (c === '`') {
      const length = runLength(src, i, '`', to)
      const close = closingRun(src, i + length, length, to)
      if (close === undefined) {
        // No closer in the whole block: the run is text.
        if (!reading.whole) return false
        out.text += src.slice(i, i + length)
        i += length
        continue
      }
      let code = src.slice(i + length, close)
      if (hasBarePipe(code)) out.pipes = true
      if (code.startsWith(' ') && code.endsWith(' ') && /[^ ]/.test(code)) code = code.slice(1, -1)
      out.text += code
      i = close + length
      continue
    }
    if (c === '<') {
      const end = readAngle(src, i, to, offset, reading.inLink, out)
      if (end === undefined) return false
      i = end
      continue
    }
    if (c === '&') {
      const entity = ENTITY_START.exec(src.slice(i, to))
      if (entity) {
        const decoded = decodeEntity(entity[1], entity[2], entity[3])
        if (decoded === undefined) return false
        out.text += decoded
        i += entity[0].length
        continue
      }
    }
    if (c === '[' || (c === '!' && src[i + 1] === '[' && i + 1 < to)) {
      const end = readLink(src, i, to, offset, reading, out)
      if (end === undefined) return false
      if (end > i) {
        i = end
        continue
      }
    }
    if (c === ']' && src[i + 1] === '(') return false
    if ((c === '@' || i === literalAt) && !plainLiteral(src, i, from, to)) return false
    if (c === '*' || c === '_' || c === '~') {
      const length = runLength(src, i, c, to)
      if (reading.heading) runs.push({at: i, text: out.text.length})
      out.text += src.slice(i, i + length)
      i += length
      continue
    }
    out.text += c
    i++
  }
  return runs.length === 0 || emphasisPairs(src, runs, out)
}

const LITERAL = /^(?:https?:\/\/|www\.|mailto:|xmpp:)/i
/** Where a GFM autolink literal may start (`@` is in MARKUP). */
const LITERAL_ANYWHERE = /https?:\/\/|www\.|mailto:|xmpp:/gi
/** Characters readSpan acts on; every other character is plain text. */
const MARKUP = /[\\`<&[!\]@*_~]/g

/** Offset of the next match of a global pattern at or after `from`, or the end of `src`. */
function nextMatch(pattern: RegExp, src: string, from: number): number {
  pattern.lastIndex = from
  return pattern.exec(src)?.index ?? src.length
}
/** Characters that are markup next to prose, but part of a GFM autolink literal's address. */
const LITERAL_MARKUP = /[`*_~[\]!&\\]/

/**
 * A GFM autolink literal (`https://…`, `www.…`, an email) takes its address up to the next space,
 * markup characters included: where one could start at `at`, its word must hold no markup.
 */
function plainLiteral(src: string, at: number, from: number, to: number): boolean {
  if (src[at] === '@') return plainEmail(src, at, from, to)
  if (!LITERAL.test(src.slice(at, at + 7))) return true
  let start = at
  while (start > from && !/\s/.test(src[start - 1]!)) start--
  let end = at
  while (end < to && !/[\s<]/.test(src[end]!)) end++
  return !LITERAL_MARKUP.test(src.slice(start, end))
}

/**
 * An email literal takes only the address's own characters (`a.b+c@d-e.f`) around the `@`: of
 * those, only `_` is markup elsewhere. Markup next to the address (`&lt;a@b.c&gt;`, `[x]@[y]`)
 * stays markup.
 */
function plainEmail(src: string, at: number, from: number, to: number): boolean {
  let start = at
  while (start > from && /[A-Za-z0-9._+-]/.test(src[start - 1]!)) start--
  let end = at + 1
  while (end < to && /[A-Za-z0-9._-]/.test(src[end]!)) end++
  return !src.slice(start, end).includes('_')
}

function runLength(src: string, at: number, char: string, to: number): number {
  let end = at
  while (end < to && src[end] === char) end++
  return end - at
}

/** Start of the backtick run of exactly `length` that closes a code span, if the line has one. */
function closingRun(src: string, from: number, length: number, to: number): number | undefined {
  for (let i = src.indexOf('`', from); i !== -1 && i < to; i = src.indexOf('`', i)) {
    const run = runLength(src, i, '`', to)
    if (run === length) return i
    i += run
  }
  return undefined
}

function decodeEntity(decimal?: string, hex?: string, name?: string): string | undefined {
  // `&constructor;` is no entity: only the table's own names are.
  if (name !== undefined) return Object.hasOwn(ENTITIES, name) ? ENTITIES[name] : undefined
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16)
  // NUL, surrogates and what lies past Unicode: remark replaces them; leave that to it.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined
  return String.fromCodePoint(code)
}

/**
 * An inline link or image at `at`: its end, `at` itself when the bracket is plain text there
 * (a paragraph's reference link, which the outline does not list), or undefined when unsure.
 */
function readLink(
  src: string,
  at: number,
  to: number,
  offset: number,
  reading: Reading,
  out: Inline,
): number | undefined {
  const image = src[at] === '!'
  const open = image ? at + 1 : at
  const close = matchingBracket(src, open, to, reading.whole)
  if (close === undefined) return undefined
  if (src[close + 1] !== '(') {
    // A footnote call (`[^1]`) in a paragraph is text to the outline, defined or not.
    if (src[open + 1] === '^') return reading.heading || reading.inLink ? undefined : at
    const {definitions} = reading
    if (definitions) return readReference(src, at, close, offset, {...reading, definitions}, out)
    const labels = reading.inLink || !reading.heading ? out.nested : out.labels
    if (reading.heading || reading.inLink) {
      const label = src.slice(open + 1, close)
      if (label.includes('\\')) return undefined
      labels.push(normalizeLabel(label))
    }
    if (src[close + 1] === '[' && !bracketsBeforeLink(src, open, close, to, labels)) return undefined
    return at
  }
  if (src[open + 1] === '^') return undefined
  const destination = DESTINATION.exec(src.slice(close + 1, to))
  if (!destination) return undefined
  const [written, angled, bare] = destination
  // `( 't')` has the title for its destination: only an empty `()` is an empty destination here.
  const url = written === '()' ? '' : keptUrl(angled, bare)
  if (url === undefined) return undefined
  const end = close + 1 + written.length
  if (hasBarePipe(src.slice(at, end))) out.pipes = true
  if (image) {
    // An image's description is its alt text, not nodes: any link inside it would be lost to the outline.
    if (src.slice(open + 1, close).includes('[')) return undefined
    out.images.push({url, start: offset + at, end: offset + end})
    return end
  }
  const link = {url, start: offset + at, end: offset + end}
  const inner = linkText(src, open, close, offset, reading, out)
  if (!inner) return undefined
  out.links.push(link, ...inner.links)
  return end
}

/** A link's text, read as inside a link: its images, labels and text go to `out`. */
function linkText(
  src: string,
  open: number,
  close: number,
  offset: number,
  reading: Reading,
  out: Inline,
): Inline | undefined {
  // A link inside a link makes the outer brackets plain text: remark decides that.
  if (reading.inLink) return undefined
  const inner = emptyInline()
  if (!readSpan(src, open + 1, close, offset, inLinkText(reading), inner)) return undefined
  out.images.push(...inner.images)
  out.nested.push(...inner.nested)
  out.text += inner.text
  return inner
}

/**
 * A heading's bracket not followed by `(`, once the body's definitions are known: a full
 * (`[text][label]`), collapsed (`[text][]`) or shortcut (`[text]`) reference when its label is
 * defined, whose text is the link's text (an image's, none); otherwise plain text (`at`).
 * Escapes, brackets in a label or in an image's text, and a link in a link's text go to remark.
 */
function readReference(
  src: string,
  at: number,
  close: number,
  offset: number,
  reading: Reading & {definitions: ReadonlyMap<string, unknown>},
  out: Inline,
): number | undefined {
  const image = src[at] === '!'
  const open = image ? at + 1 : at
  const text = src.slice(open + 1, close)
  if (text.includes('\\') || (image && text.includes('['))) return undefined
  let label = text
  let end = close + 1
  if (src[close + 1] === '[') {
    const labelClose = src.indexOf(']', close + 2)
    if (labelClose === -1) return undefined
    const written = src.slice(close + 2, labelClose)
    if (/[[\\]/.test(written) || (written !== '' && isBlank(written))) return undefined
    if (written !== '') label = written
    end = labelClose + 1
  }
  if (!reading.definitions.has(normalizeLabel(label))) return at
  if (image) return end
  return linkText(src, open, close, offset, reading, out) ? end : undefined
}

/**
 * Brackets in a paragraph followed by a label then `(` or `[` (`[text][label](url)`): a definition
 * of `label` (or of `text`, with `[]`) makes the two a reference and what follows text, so a link
 * the scan would read there is not one. The labels are kept for the scan's end to check; false
 * where a label holds what the scan does not read.
 */
function bracketsBeforeLink(src: string, open: number, close: number, to: number, labels: string[]): boolean {
  const following = src.indexOf(']', close + 2)
  if (following === -1 || following >= to || (src[following + 1] !== '(' && src[following + 1] !== '[')) return true
  const label = src.slice(open + 1, close)
  const next = src.slice(close + 2, following)
  if (label.includes('\\') || /[[\\]/.test(next)) return false
  labels.push(normalizeLabel(label))
  if (!isBlank(next)) labels.push(normalizeLabel(next))
  return true
}

/** An autolink, a one-line HTML tag or comment at `at`: its end, or undefined (tags and comments that go on). */
function readAngle(
  src: string,
  at: number,
  to: number,
  offset: number,
  inLink: boolean,
  out: Inline,
): number | undefined {
  const rest = src.slice(at, to)
  const tag = inlineHtml(rest)
  if (tag) return at + tag[0].length
  // A declaration or processing instruction (`<!X@a>`, which looks like an email autolink): remark's.
  if (/^<[!?]/.test(rest)) return undefined
  const uri = AUTOLINK.exec(rest)
  const email = uri ? undefined : EMAIL_AUTOLINK.exec(rest)
  const found = uri ?? email
  if (!found) {
    if (opensHtml(rest, 0)) return undefined
    out.text += '<'
    return at + 1
  }
  if (inLink || !isPlainUrl(found[1]!) || found[1]!.includes('&')) return undefined
  const end = at + found[0].length
  out.links.push({url: email ? `mailto:${found[1]!}` : found[1]!, start: offset + at, end: offset + end})
  out.text += found[1]!
  return end
}

/** Inline raw HTML opening `text`: a tag or a comment. */
function inlineHtml(text: string): RegExpExecArray | null {
  return INLINE_TAG.exec(text) ?? INLINE_COMMENT.exec(text)
}

/**
 * Whether the `<` at `at` may open raw HTML or an autolink: a letter, `/`, `!` or `?` after it.
 * Raw HTML may go on to the next lines, so the scanner leaves those to remark; any other `<`
 * (`a <= b`, `<3`) is text.
 */
function opensHtml(src: string, at: number): boolean {
  if (src.charCodeAt(at) !== 60) return false
  const c = src.charCodeAt(at + 1) | 0x20
  return (c >= 97 && c <= 122) || src[at + 1] === '/' || src[at + 1] === '!' || src[at + 1] === '?'
}

/** The `]` that closes the `[` at `open` (code spans and escapes skipped), or undefined. */
function matchingBracket(src: string, open: number, to: number, whole: boolean): number | undefined {
  let depth = 0
  for (let i = open; i < to; i++) {
    const c = src[i]
    if (c === '\\') i++
    else if (c === '`') {
      const length = runLength(src, i, '`', to)
      const close = closingRun(src, i + length, length, to)
      // A run no closer follows is text when the span holds all of its block; otherwise it may close later.
      if (close === undefined && !whole) return undefined
      i = (close ?? i) + length - 1
    } else if (c === '<' && opensHtml(src, i)) {
      // Tags and autolinks bind tighter than brackets: a bracket inside one is not the link's.
      const rest = src.slice(i, to)
      const atom = inlineHtml(rest) ?? AUTOLINK.exec(rest) ?? EMAIL_AUTOLINK.exec(rest)
      if (!atom) return undefined
      i += atom[0].length - 1
    } else if (c === '[') depth++
    else if (c === ']' && --depth === 0) return i
  }
  return undefined
}

/**
 * Heading emphasis and strikethrough read without the CommonMark delimiter algorithm: each `*`,
 * `_` or `~` run must either be plain text (it can neither open nor close) or belong to an
 * opener/closer pair of the same character and length that nothing interleaves. Anything else
 * goes to remark.
 */
function emphasisPairs(src: string, runs: Array<{at: number; text: number}>, out: Inline): boolean {
  const remove: Array<{text: number; length: number}> = []
  let opener: {at: number; text: number; length: number; char: string} | undefined
  for (const run of runs) {
    const char = src[run.at]!
    const length = runLength(src, run.at, char, src.length)
    const before = run.at === 0 ? ' ' : src[run.at - 1]!
    const after = src[run.at + length] ?? ' '
    const left = flanking(after, before)
    const right = flanking(before, after)
    // GFM strikethrough takes one or two tildes; a longer run is text.
    if (char === '~' && length > 2) continue
    const canOpen = char !== '_' ? left : left && (!right || PUNCTUATION.test(before))
    const canClose = char !== '_' ? right : right && (!left || PUNCTUATION.test(after))
    if (!canOpen && !canClose) continue
    if (canOpen && canClose) return false
    if (canOpen) {
      if (opener) return false
      opener = {...run, length, char}
    } else {
      if (!opener || opener.char !== char || opener.length !== length || length > 3) return false
      remove.push({text: opener.text, length}, {text: run.text, length})
      opener = undefined
    }
  }
  if (opener) return false
  // GFM autolink literals read `_` and `*` inside an address as part of it.
  if (remove.length > 0 && /www\.|:\/\/|@/.test(src)) return false
  for (const r of remove.reverse()) out.text = out.text.slice(0, r.text) + out.text.slice(r.text + r.length)
  return true
}

/** Whether a delimiter run with `next` on its open side and `previous` on the other side flanks text. */
function flanking(next: string, previous: string): boolean {
  if (/\s/.test(next)) return false
  if (!isPunctuation(next)) return true
  return /\s/.test(previous) || isPunctuation(previous)
}

function isPunctuation(c: string): boolean {
  return /[\p{P}\p{S}]/u.test(c)
}
