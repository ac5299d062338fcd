// Front matter is data serialised by the YAML library, never text pasted into a template: a
// title cannot add keys, and YAML 1.1 readers still see "NO", "on" and dates as text.
import {FIELD_ORDER} from '../core/document.js'
import {yaml} from '../core/front-matter.js'

/** Semantic versions are quoted so that no YAML reader can take `1.10` for a number. */
const QUOTED = new Set(['version', 'based_on'])

/** YAML text for `front` (ending in a newline): short lists in flow style, like hand-written SOPs. */
export function stringifyFrontMatter(front: Record<string, unknown>): string {
  const {Document, isScalar, isSeq, visit} = yaml()
  const ordered: Record<string, unknown> = {}
  // The standard fields first, in their order; any other key follows in the order given.
  for (const key of [...FIELD_ORDER, ...Object.keys(front)])
    if (front[key] !== undefined && !(key in ordered)) ordered[key] = front[key]
  const doc = new Document(ordered, {compat: 'yaml-1.1'})
  visit(doc, {
    Seq(_, node) {
      if (node.items.every(item => isScalar(item))) node.flow = true
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && QUOTED.has(String(pair.key.value)) && isScalar(pair.value))
        pair.value.type = 'QUOTE_DOUBLE'
      if (isSeq(pair.value) && pair.value.items.length === 0) pair.value.flow = true
    },
  })
  return doc.toString({lineWidth: 0, flowCollectionPadding: false})
}

/** A whole document: front matter between `---` lines, then the body. */
export function documentText(front: Record<string, unknown>, body: string, eol: '\n' | '\r\n' = '\n'): string {
  const text = `---\n${stringifyFrontMatter(front)}---\n`
  return (eol === '\n' ? text : text.replaceAll('\n', '\r\n')) + body
}
