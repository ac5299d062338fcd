// A word diff as a Markdown tree: the Markdown the diff compares, parsed by the one remark
// pipeline, with the removed and added words marked as nodes. Wrapping the changed words in `~~`
// and `**` as text breaks whenever a change touches Markdown syntax (`**~~USD 50~~ **S$70** **`);
// marking them in the parsed tree cannot, because the syntax is read before anything is marked.
//
// How: the words are joined into one Markdown text with private-use characters around each change
// (never around a line's block prefix, so list items, quotes, headings and table rows stay what
// they are); remark parses it; every text node is split at the characters, and each changed piece
// is wrapped in the node the format asks for.
import type {Nodes, Parents, PhrasingContent, Root, RootContent, Text} from 'mdast'
import {parseMarkdown} from '../../core/markdown.js'
import type {WordChange} from '../model.js'

const REMOVED_START = '\uE000'
const REMOVED_END = '\uE001'
const ADDED_START = '\uE002'
const ADDED_END = '\uE003'
const ANY_MARK = /[\uE000-\uE003]/g

type Tag = 'same' | 'removed' | 'added'

/** Which side of the diff to show: both (one merged text) or one side with its own changes marked. */
export type Side = 'both' | 'removed' | 'added'

/**
 * What starts a line's block: indentation, quote markers, a list marker (with a task box), a
 * heading's hashes or a table row's first pipe. A mark placed inside it would turn the line into
 * a paragraph, so marks start after it.
 */
const BLOCK_PREFIX = /^[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|#{1,6}[ \t]+)?\|?/
/** Lines whose every character is syntax: a table's delimiter row, a code fence, a thematic break. */
const SYNTAX_LINE =
  /^[ \t]*(?:\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*|(?:```|~~~).*|(?:[-*_][ \t]*){3,})$/

/** The Markdown of one side (or both sides merged), with marks around each change, one line at a time. */
export function markedSource(words: readonly WordChange[], side: Side): string {
  const chars: Array<[string, Tag]> = []
  // jsdiff gives the space between two words to the change beside it ("amount" + "{+, the refund +}"
  // + "and"): a side that leaves the other's change out puts that space back.
  let spaceLeft = false
  for (const w of words) {
    if ((w.type === 'removed' && side === 'added') || (w.type === 'added' && side === 'removed')) {
      spaceLeft ||= /^\s|\s$/.test(w.text)
      continue
    }
    // A document's own private-use characters would pass for marks.
    const text = w.text.replace(ANY_MARK, '')
    const last = chars.at(-1)?.[0]
    if (spaceLeft && last !== undefined && /\S/.test(last) && /^\S/.test(text)) chars.push([' ', 'same'])
    spaceLeft = false
    for (const ch of text) chars.push([ch, w.type])
  }
  const lines: Array<Array<[string, Tag]>> = [[]]
  for (const entry of chars) {
    if (entry[0] === '\n') lines.push([])
    else lines.at(-1)!.push(entry)
  }
  return lines.map(markLine).join('\n')
}

function markLine(line: ReadonlyArray<[string, Tag]>): string {
  const text = line.map(([ch]) => ch).join('')
  if (line.every(([, tag]) => tag === 'same') || SYNTAX_LINE.test(text)) return text
  const prefix = BLOCK_PREFIX.exec(text)?.[0].length ?? 0
  let out = text.slice(0, prefix)
  let open: Tag = 'same'
  for (const [ch, tag] of line.slice(prefix)) {
    if (tag !== open) {
      // A word struck and its replacement read as two words, not one.
      const gap = open === 'removed' && tag === 'added' ? ' ' : ''
      out += close(open) + gap + start(tag)
      open = tag
    }
    out += ch
  }
  return out + close(open)
}

const start = (tag: Tag) => (tag === 'removed' ? REMOVED_START : tag === 'added' ? ADDED_START : '')
const close = (tag: Tag) => (tag === 'removed' ? REMOVED_END : tag === 'added' ? ADDED_END : '')

export interface MarkOptions {
  /** The node a changed piece becomes. */
  wrap: (tag: 'removed' | 'added', children: PhrasingContent[]) => PhrasingContent
  /**
   * Drop bold, italics and strike-through in a paragraph, heading or cell that holds a change:
   * Markdown output marks changes with the same syntax, and `**` inside `**` does not render.
   */
  plainChangedBlocks: boolean
}

/** The words as a Markdown tree with the changes marked. Call `loadMarkdownParser` first. */
export function markedTree(words: readonly WordChange[], side: Side, options: MarkOptions): Root {
  const root = parseMarkdown(markedSource(words, side))
  const state = {tag: 'same' as Tag}
  markChildren(root, state, options)
  return root
}

function hasMark(node: Nodes): boolean {
  if ('value' in node && typeof node.value === 'string' && /[\uE000-\uE003]/.test(node.value)) return true
  return 'children' in node && (node.children as Nodes[]).some(hasMark)
}

const FORMATTING = new Set(['strong', 'emphasis', 'delete'])
const BLOCK_CHILDREN = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition'])

function markChildren(parent: Parents, state: {tag: Tag}, options: MarkOptions): void {
  const plain = options.plainChangedBlocks && ['paragraph', 'heading', 'tableCell'].includes(parent.type)
  if (plain && hasMark(parent)) unwrapFormatting(parent)
  const children: RootContent[] = []
  for (const child of parent.children) {
    if (child.type === 'text') children.push(...splitText(child.value, state, options))
    else if (child.type === 'html') {
      // Documents are data: raw HTML shows as the text it is, never as markup.
      const pieces = splitText(child.value, state, options)
      children.push(
        ...(BLOCK_CHILDREN.has(parent.type) ? [{type: 'paragraph', children: pieces} as RootContent] : pieces),
      )
    } else if (child.type === 'inlineCode') {
      // Code cannot hold a mark: the whole span is marked when a change starts before or inside it.
      const before = state.tag
      const value = strip(child.value, state)
      const inside = child.value.includes(REMOVED_START)
        ? 'removed'
        : child.value.includes(ADDED_START)
          ? 'added'
          : undefined
      const tag = before !== 'same' ? before : inside
      const code = {...child, value}
      children.push(tag ? options.wrap(tag, [code]) : code)
    } else {
      if ('value' in child && typeof child.value === 'string') child.value = strip(child.value, state)
      if ('url' in child && typeof child.url === 'string') child.url = child.url.replace(ANY_MARK, '')
      if ('children' in child) markChildren(child, state, options)
      children.push(child)
    }
  }
  parent.children = children
}

/** Replace bold, italics and strike-through by their contents, at any depth of a block. */
function unwrapFormatting(parent: Parents): void {
  const flat: RootContent[] = []
  for (const child of parent.children) {
    if ('children' in child) unwrapFormatting(child)
    if (FORMATTING.has(child.type) && 'children' in child) flat.push(...child.children)
    else flat.push(child)
  }
  parent.children = flat
}

/** A text value without marks; `state` follows the marks passed. */
function strip(value: string, state: {tag: Tag}): string {
  let out = ''
  for (const ch of value) {
    const tag = tagOf(ch)
    if (tag) state.tag = tag
    else out += ch
  }
  return out
}

function tagOf(ch: string): Tag | undefined {
  if (ch === REMOVED_START) return 'removed'
  if (ch === ADDED_START) return 'added'
  if (ch === REMOVED_END || ch === ADDED_END) return 'same'
  return undefined
}

/** A text split at the marks: plain pieces stay text, changed pieces are wrapped (whitespace alone is not). */
function splitText(value: string, state: {tag: Tag}, options: MarkOptions): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let piece = ''
  const flush = () => {
    if (piece === '') return
    const text: Text = {type: 'text', value: piece}
    if (state.tag === 'same' || piece.trim() === '') out.push(text)
    else {
      // Spaces at a mark's edge stay outside it, where Markdown wants them.
      const lead = /^\s*/.exec(piece)![0]
      const trail = /\s*$/.exec(piece)![0]
      if (lead) out.push({type: 'text', value: lead})
      out.push(options.wrap(state.tag, [{type: 'text', value: piece.trim()}]))
      if (trail) out.push({type: 'text', value: trail})
    }
    piece = ''
  }
  for (const ch of value) {
    const tag = tagOf(ch)
    if (tag === undefined) {
      piece += ch
      continue
    }
    flush()
    state.tag = tag
  }
  flush()
  return out
}
