// Front matter is data serialised by the YAML library, never text pasted into a template: a
// title cannot add keys, and YAML 1.1 readers still see "NO", "on" and dates as text.
import {FIELD_ORDER} from '../core/document.js'
import {yaml} from '../core/front-matter.js'
import {memoBounded} from '../core/memo.js'

/** Semantic versions are quoted so that no YAML reader can take `1.10` for a number. */
const QUOTED = new Set(['version', 'based_on'])

/** Pairs already serialised (`import` writes the same type, owner, markets and dates on every row); bounded. */
const pairTexts = new Map<string, string>()
const PAIR_TEXTS_MAX = 4096

/**
 * YAML text for `front` (ending in a newline): short lists in flow style, like hand-written SOPs.
 * Each top-level pair is serialised by the YAML library on its own (a block mapping's pairs are
 * independent lines), so a pair of plain text values seen before is not serialised again.
 */
export function stringifyFrontMatter(front: Record<string, unknown>): string {
  const ordered = new Map<string, unknown>()
  // The standard fields first, in their order; any other key follows in the order given.
  for (const key of [...FIELD_ORDER, ...Object.keys(front)])
    if (front[key] !== undefined && !ordered.has(key)) ordered.set(key, front[key])
  if (ordered.size === 0) return serialise(ordered)
  let text = ''
  for (const [key, value] of ordered) {
    const serialisePair = () => serialise(new Map([[key, value]]))
    text +=
      plainPair(key, value) ??
      (isPlainText(value)
        ? memoBounded(pairTexts, PAIR_TEXTS_MAX, `${key}\0${JSON.stringify(value)}`, serialisePair)
        : serialisePair())
  }
  return text
}

/** Letters first, then only characters no YAML reader takes for markup, and no space at the end. */
const PLAIN_TEXT = /^[A-Za-z][A-Za-z0-9 ._/@()-]*$/
/** What a YAML 1.1 reader takes for a boolean or null, or the library for a float (`e1`): it quotes them. */
const YAML_11_WORD =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$|^[eE][-+]?[0-9]/

/**
 * `key: value` for a text every YAML reader reads back as that text unquoted, as the library
 * writes it (a differential test holds the two to the same answer): `import` writes a new title
 * and id on every row, and the library's serialiser is most of a row's front-matter time.
 */
function plainPair(key: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || QUOTED.has(key) || !PLAIN_TEXT.test(key) || !PLAIN_TEXT.test(value)) return undefined
  if (value.endsWith(' ') || YAML_11_WORD.test(value)) return undefined
  return `${key}: ${value}\n`
}

/** A string, or a list of strings: values whose JSON names their YAML exactly. */
function isPlainText(value: unknown): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.every(v => typeof v === 'string'))
}

function serialise(map: Map<string, unknown>): string {
  const {Document, isScalar, isSeq, visit} = yaml()
  const doc = new Document(map, {compat: 'yaml-1.1'})
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
