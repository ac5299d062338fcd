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
/** Heading text that inline Markdown could change (emphasis, code, escapes, links, entities, HTML). */
const RICH_HEADING = /[\\`*_[\]<]|&[#A-Za-z0-9]+;/
/** URL characters remark keeps as written. */
const PLAIN_URL = /^[A-Za-z0-9._~:/?#@!$'*+,;=%-]*$/

interface Fence {
  char: string
  length: number
}

/** Headings and links of a body, or undefined when the body needs a real Markdown parser. */
export function scanOutline(body: string): RawOutline | undefined {
  const headings: RawOutline['headings'] = []
  const links: RawOutline['links'] = []
  let fence: Fence | undefined
  let inComment = false
  let previous: 'blank' | 'paragraph' | 'other' = 'blank'
  for (let start = 0; start < body.length;) {
    const newline = body.indexOf('\n', start)
    const next = newline === -1 ? body.length : newline + 1
    const raw = body.slice(start, newline === -1 ? body.length : newline)
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    const lineEnd = start + line.length
    const kind = classify()
    if (kind === undefined) return undefined
    previous = kind
    start = next

    function classify(): typeof previous | undefined {
      if (fence) {
        const close = FENCE.exec(line)
        if (close && close[2]![0] === fence.char && close[2]!.length >= fence.length && close[3]!.trim() === '') fence = undefined
        return 'other'
      }
      if (inComment) {
        if (line.includes('-->')) inComment = false
        return 'other'
      }
      if (line.trim() === '') return 'blank'
      if (/^\t/.test(line) || /^ {4,}/.test(line)) return /[#[`~<]|\]\(/.test(line) ? undefined : 'paragraph'
      const open = FENCE.exec(line)
      if (open) {
        if (open[2]![0] === '`' && open[3]!.includes('`')) return undefined
        fence = {char: open[2]![0]!, length: open[2]!.length}
        return 'other'
      }
      if (/^ {0,3}<!--/.test(line)) {
        inComment = !line.slice(line.indexOf('<!--') + 4).includes('-->')
        return 'other'
      }
      if (/^ {0,3}</.test(line) || /<[A-Za-z]/.test(line) || (line.includes('<!--') && line.includes(']('))) return undefined
      if (SETEXT_UNDERLINE.test(line) && previous === 'paragraph') return undefined
      if (/^ {1,3}#/.test(line) || /^ {0,3}>.*(?:`{3}|~{3})/.test(line)) return undefined
      const atx = ATX.exec(line)
      if (atx) return heading(atx)
      const definition = DEFINITION.exec(line)
      if (definition) {
        if (previous === 'paragraph' || !PLAIN_URL.test(definition[2]!)) return undefined
        links.push({url: definition[2]!, start, end: lineEnd})
        return 'other'
      }
      if (/^ {0,3}\[[^\]]*\]:/.test(line)) return undefined
      return inlineLinks() ? 'paragraph' : undefined
    }

    function heading(atx: RegExpExecArray): 'other' | undefined {
      const text = (atx[2] ?? '').replace(CLOSING_HASHES, '').trim()
      if (RICH_HEADING.test(text)) return undefined
      headings.push({depth: atx[1]!.length, text, start, end: lineEnd})
      return 'other'
    }

    function inlineLinks(): boolean {
      const expected = line.split('](').length - 1
      if (expected === 0) return true
      if (line.includes('`') || line.includes('\\')) return false
      let found = 0
      for (const m of line.matchAll(INLINE_LINK)) {
        found++
        if (!PLAIN_URL.test(m[3]!)) return false
        if (m[1] !== '!') links.push({url: m[3]!, start: start + m.index!, end: start + m.index! + m[0].length})
      }
      return found === expected
    }
  }
  return {headings, links}
}
