// Documents are Markdown as remark reads it (CommonMark + GFM). MDX is another language: there an
// `import` line is paragraph text and a JSX block is HTML, so a heading inside `<Tabs>` counts as a
// section, which MDX would not make it. Said once a document, at the first such line: never read
// otherwise in silence.
import {defineRule} from './rule.js'

/** An ES module line as MDX reads one: `import X from 'y'`, `import 'y'`, `export const …`. */
const ESM =
  /^(?:import[ \t]+(?:['"]|[\w$*{][^\n]*[ \t}]from[ \t]*['"])|export[ \t]+(?:default|const|let|var|function|class|async)\b|export[ \t]*[{*])/
/** A JSX element of a component (`<Tabs>`, `</Tabs.Item>`) or a fragment opening a line. */
const JSX = /^<(?:\/?[A-Z][\w.]*(?=[\s/>]|$)|\/?>)/
const FENCE = /^ {0,3}(`{3,}|~{3,})/

/** The first top-level line, after a blank line or at the body's start, that MDX reads as ESM or JSX. */
export function firstMdxLine(body: string): {at: number; kind: 'esm' | 'jsx'; line: string} | undefined {
  let fence: string | undefined
  let comment = false
  let afterBlank = true
  for (let at = 0; at < body.length;) {
    const newline = body.indexOf('\n', at)
    const end = newline === -1 ? body.length : newline
    const line = body.slice(at, end).replace(/\r$/, '')
    const open = FENCE.exec(line)
    if (fence !== undefined) {
      if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length && /^ {0,3}[`~]+[ \t]*$/.test(line))
        fence = undefined
    } else if (comment) comment = !line.includes('-->')
    else if (open) fence = open[1]
    else if (line.startsWith('<!--')) comment = !line.includes('-->', 4)
    else if (afterBlank) {
      const kind = ESM.test(line) ? 'esm' : JSX.test(line) ? 'jsx' : undefined
      if (kind) return {at, kind, line: line.length > 40 ? `${line.slice(0, 39)}…` : line}
    }
    afterBlank = /^[ \t]*$/.test(line) && fence === undefined && !comment
    at = end + 1
  }
  return undefined
}

export default defineRule({
  id: 'no-mdx',
  description: 'Documents are Markdown (CommonMark + GFM), not MDX: no import or export lines, no JSX blocks.',
  defaultSeverity: 'warn',
  messages: {
    esm: {
      message: '`{line}` is an MDX import or export: sopkit reads Markdown, where it is paragraph text',
      mend: 'keep MDX files out of the library (`ignore` in the sopkit config), or write the document as Markdown',
    },
    jsx: {
      message:
        '`{line}` opens an MDX (JSX) block: sopkit reads Markdown, where it is HTML and a heading inside it is a section',
      mend: 'keep MDX files out of the library (`ignore` in the sopkit config), or write the document as Markdown',
    },
  },
  check({doc, report}) {
    const found = firstMdxLine(doc.body)
    if (found) report({messageId: found.kind, data: {line: found.line}, at: {bodyOffset: found.at}})
  },
})
