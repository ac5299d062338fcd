// A line scanner that finds top-level headings and links without building a Markdown AST.
// It models only the constructs SOPs use (ATX headings, fences, HTML comments, inline links,
// definitions) and gives up — returning undefined — on anything else, so remark decides those.
// test/core/outline-scan.test.ts proves it agrees with remark on every fixture and on generated
// documents.
import type {RawOutline} from './sections.js'

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/
const ATX = /^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/
const CLOSING_HASHES = /(?:^|[ \t]+)#+$/
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/
const DEFINITION = /^\[([^\]\\]+)\]:[ \t]*([^\s<>]+)(?:[ \t]+(?:"[^"]*"|'[^']*'))?[ \t]*$/
const INLINE_LINK = /(!?)\[([^[\]\\`]*)\]\(([^()\s<>]+)(?:[ \t]+(?:"[^"]*"|'[^']*'))?\)/g
/** Heading text inline Markdown could change (emphasis, strikethrough, code, escapes, links, entities, HTML). */
const RICH_HEADING = /[\\`*_~[\]<]|&[#A-Za-z0-9]+;/
/** URL characters remark keeps as written. */
const PLAIN_URL = /^[A-Za-z0-9._~:/?#@!$'*+,;=%-]*$/

interface Fence {
  char: string
  length: number
}

interface ScanState {
  headings: RawOutline['headings']
  links: RawOutline['links']
  images: RawOutline['images']
  fence?: Fence
  inComment: boolean
  previous: LineKind
}

type LineKind = 'blank' | 'paragraph' | 'other'

/**
 * Prose lines (a letter, a digit, or a bullet then a space, and no `<` or `](` anywhere) are most
 * of a body and cannot hold a heading or a link, so they are recognised without slicing the line:
 * the next `<` and `](` are found once and reused until the scan passes them.
 */
function isProseStart(body: string, at: number, end: number): boolean {
  const c = body.charCodeAt(at)
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 0xc0) return true
  return (c === 45 || c === 42 || c === 43 || c === 124) && at + 1 < end && body.charCodeAt(at + 1) === 32
}

/** Offset of the next `text` from `from`, or past the end when there is none. */
function nextAt(body: string, text: string, from: number): number {
  const at = body.indexOf(text, from)
  return at === -1 ? body.length : at
}

/** Headings and links of a body, or undefined when the body needs a real Markdown parser. */
export function scanOutline(body: string): RawOutline | undefined {
  const state: ScanState = {headings: [], links: [], images: [], inComment: false, previous: 'blank'}
  let nextAngle = -1
  let nextLink = -1
  for (let start = 0; start < body.length;) {
    const newline = body.indexOf('\n', start)
    const lineEnd = newline === -1 ? body.length : body.charCodeAt(newline - 1) === 13 ? newline - 1 : newline
    const plain = !state.fence && !state.inComment
    let kind: LineKind | undefined
    if (plain && lineEnd === start) kind = 'blank'
    else if (plain && isProseStart(body, start, lineEnd)) {
      if (nextAngle < start) nextAngle = nextAt(body, '<', start)
      if (nextLink < start) nextLink = nextAt(body, '](', start)
      if (nextAngle >= lineEnd && nextLink >= lineEnd) kind = 'paragraph'
    }
    kind ??= classify(state, body.slice(start, lineEnd), start, lineEnd)
    if (kind === undefined) return undefined
    state.previous = kind
    start = newline === -1 ? body.length : newline + 1
  }
  return {headings: state.headings, links: state.links, images: state.images}
}

function classify(state: ScanState, line: string, start: number, lineEnd: number): LineKind | undefined {
  if (state.fence) {
    const close = FENCE.exec(line)
    if (close && close[2]![0] === state.fence.char && close[2]!.length >= state.fence.length && close[3]!.trim() === '')
      state.fence = undefined
    return 'other'
  }
  if (state.inComment) {
    if (line.includes('-->')) state.inComment = false
    return 'other'
  }
  if (line.charCodeAt(0) === 35) return atxLine(state, line, start, lineEnd)
  if (line.trim() === '') return 'blank'
  if (/^\t/.test(line) || /^ {4,}/.test(line)) return /[#[`~<]|\]\(/.test(line) ? undefined : 'paragraph'
  const open = FENCE.exec(line)
  if (open) {
    if (open[2]![0] === '`' && open[3]!.includes('`')) return undefined
    state.fence = {char: open[2]![0]!, length: open[2]!.length}
    return 'other'
  }
  if (/^ {0,3}<!--/.test(line)) {
    state.inComment = !line.slice(line.indexOf('<!--') + 4).includes('-->')
    return 'other'
  }
  if (/^ {0,3}</.test(line) || /<[A-Za-z]/.test(line) || (line.includes('<!--') && line.includes('](')))
    return undefined
  if (SETEXT_UNDERLINE.test(line) && state.previous === 'paragraph') return undefined
  if (/^ {1,3}#/.test(line) || /^ {0,3}>.*(?:`{3}|~{3})/.test(line)) return undefined
  const atx = ATX.exec(line)
  if (atx) return heading(state, atx, start, lineEnd)
  // `[^1]: ...` is a GFM footnote, not a link definition: remark decides what it holds.
  if (/^ {0,3}\[\^/.test(line)) return undefined
  const definition = DEFINITION.exec(line)
  if (definition) {
    if (state.previous === 'paragraph' || !PLAIN_URL.test(definition[2]!)) return undefined
    state.links.push({url: definition[2]!, start, end: lineEnd})
    return 'other'
  }
  if (/^ {0,3}\[[^\]]*\]:/.test(line)) return undefined
  return inlineLinks(state, line, start) ? 'paragraph' : undefined
}

/**
 * A line that starts with `#` (a tenth of a body's lines: every heading) skips the checks for
 * blank, indented, fence, comment, setext and quote lines, which cannot match it.
 */
function atxLine(state: ScanState, line: string, start: number, lineEnd: number): LineKind | undefined {
  if (/<[A-Za-z]/.test(line) || (line.includes('<!--') && line.includes(']('))) return undefined
  const atx = ATX.exec(line)
  return atx ? heading(state, atx, start, lineEnd) : inlineLinks(state, line, start) ? 'paragraph' : undefined
}

function heading(state: ScanState, atx: RegExpExecArray, start: number, end: number): 'other' | undefined {
  const text = (atx[2] ?? '').replace(CLOSING_HASHES, '').trim()
  if (RICH_HEADING.test(text)) return undefined
  state.headings.push({depth: atx[1]!.length, text, start, end})
  return 'other'
}

/** Collect the line's links; false when a `](` is not one the pattern can read exactly. */
function inlineLinks(state: ScanState, line: string, start: number): boolean {
  const expected = line.split('](').length - 1
  if (expected === 0) return true
  if (line.includes('`') || line.includes('\\')) return false
  let found = 0
  for (const m of line.matchAll(INLINE_LINK)) {
    found++
    if (!PLAIN_URL.test(m[3]!)) return false
    ;(m[1] === '!' ? state.images : state.links).push({
      url: m[3]!,
      start: start + m.index,
      end: start + m.index + m[0].length,
    })
  }
  return found === expected
}
