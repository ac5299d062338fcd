// Cheap positions for the common front-matter shapes (a top-level `key: value`, an item of a
// flow or block list), so a finding's position rarely needs the exact YAML parser. Anything
// unusual returns undefined and the exact parser answers; test/core/locate.test.ts proves both agree.
import {memoBounded} from './memo.js'
import {isPlainKeyName} from './yaml-lines.js'

/** Offsets in the YAML source; for a list item, `key` is the item itself (as the exact parser has it). */
export interface Located {
  key: number
  start: number
  /** Where the key's text ends (for a list item, the item's), when it is one plain word or item. */
  keyEnd?: number
  /** Where the value's text ends, when it is one plain word or item on its line. */
  end?: number
}

/**
 * The pattern of a top-level key's line, per key: a library's findings ask for a few keys
 * thousands of times (bounded: a rule may name any key a document has).
 */
const keyLines = new Map<string, RegExp>()
const KEY_LINES_LIMIT = 1_000
const PLAIN_ITEM = /^[A-Za-z0-9_.@+-][^,[\]{}#'"&*!|>%`]*$/

/** Offsets of `path` ([key] or [key, index]) in a YAML mapping source, when its shape is simple. */
export function locateSimple(source: string, path: ReadonlyArray<string | number>): Located | undefined {
  const [key, index] = path
  if (
    typeof key !== 'string' ||
    !isPlainKeyName(key) ||
    path.length > 2 ||
    (path.length === 2 && typeof index !== 'number')
  )
    return undefined
  const match = memoBounded(keyLines, KEY_LINES_LIMIT, key, k => new RegExp(`^${k}:(?:[ \\t]|$)`, 'm')).exec(source)
  if (!match) return undefined
  const keyOffset = match.index
  const lineEnd = indexOrEnd(source, '\n', keyOffset)
  let start = keyOffset + key.length + 1
  while (source[start] === ' ' || source[start] === '\t') start++
  const rest = source.slice(start, lineEnd).replace(/\r$/, '')
  if (index === undefined) {
    if (rest === '' || /^[#&*!|>%]/.test(rest)) return undefined
    const value = rest.trimEnd()
    return {
      key: keyOffset,
      start,
      keyEnd: keyOffset + key.length,
      end: PLAIN_ITEM.test(value) && !continues(source, lineEnd, '') ? start + value.length : undefined,
    }
  }
  if (typeof index !== 'number') return undefined
  if (rest.startsWith('[')) return flowItem(rest, start, index)
  if (rest === '') return blockItem(source, lineEnd + 1, index)
  return undefined
}

function flowItem(rest: string, start: number, index: number): Located | undefined {
  const close = rest.indexOf(']')
  if (close === -1 || rest.slice(close + 1).trim() !== '') return undefined
  let offset = 1
  const items = rest.slice(1, close).split(',')
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!
    const lead = item.length - item.trimStart().length
    if (!PLAIN_ITEM.test(item.trim())) return undefined
    if (i === index) return itemAt(start + offset + lead, item.trim())
    offset += item.length + 1
  }
  return undefined
}

function blockItem(source: string, from: number, index: number): Located | undefined {
  let position = from
  let indent: string | undefined
  for (let i = 0; position < source.length; i++) {
    const lineEnd = indexOrEnd(source, '\n', position)
    const line = source.slice(position, lineEnd)
    const item = /^( *)- +/.exec(line)
    const text = item && line.slice(item[0].length).replace(/\r$/, '').trimEnd()
    if (!item || !text || !PLAIN_ITEM.test(text)) return undefined
    indent ??= item[1]
    if (item[1] !== indent) return undefined
    if (i === index) return itemAt(position + item[0].length, continues(source, lineEnd, item[1]!) ? undefined : text)
    position = lineEnd + 1
  }
  return undefined
}

/**
 * A list item is its own key (as the exact parser has it): key and value span the item's text,
 * unless the item is a mapping (`section: Escalation`), which goes on past its first line.
 */
function itemAt(start: number, text: string | undefined): Located {
  const end = text === undefined || /:(?:[ \t]|$)/.test(text) ? undefined : start + text.length
  return {key: start, start, keyEnd: end, end}
}

/** Whether the line after `lineEnd` is indented past `indent`: it carries on the scalar above it. */
function continues(source: string, lineEnd: number, indent: string): boolean {
  const next = lineEnd + 1 + indent.length
  return lineEnd < source.length && (source[next] === ' ' || source[next] === '\t')
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const i = text.indexOf(needle, from)
  return i === -1 ? text.length : i
}
