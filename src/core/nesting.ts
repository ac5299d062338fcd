// How deeply a Markdown body nests its containers (blockquotes and lists), measured on the lines
// without building a tree: every Markdown tool in the chain (remark, rehype, docx) walks the tree
// recursively, so a body nested thousands deep would overflow their stacks. `check` reports such a
// body; export flattens what lies past the limit into the deepest allowed container.

/** Deeper than any real document; far below what overflows a recursive renderer. */
export const MAX_NESTING = 32

const MARKER = /^[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))[ \t]?/

interface LinePrefix {
  /** The container markers at the start of the line (`> `, `- `, `1. `), one per level, as written. */
  markers: string[]
  /** Length of those markers' text, leading whitespace included. */
  length: number
  /** Leading spaces before the first marker (a tab counts four): list items nest by indentation too. */
  indent: number
}

function prefixOf(line: string): LinePrefix {
  const leading = /^[ \t]*/.exec(line)![0]
  const markers: string[] = []
  let length = 0
  for (let m = MARKER.exec(line); m && m[0].length > 0; m = MARKER.exec(line.slice(length))) {
    markers.push(markers.length === 0 ? m[0].trimStart() : m[0])
    length += m[0].length
  }
  return {markers, length, indent: leading.replaceAll('\t', '    ').length}
}

/**
 * At least the depth of the line at start..stop, from its leading characters alone: every level
 * takes one character of marker or two of indent, a tab counting as two levels.
 */
function depthBound(body: string, start: number, stop: number): number {
  let bound = 0
  for (let at = start; at < stop; at++) {
    const c = body.charCodeAt(at)
    if (c === 9) bound += 2
    else if (c === 32 || c === 62 || c === 45 || c === 42 || c === 43 || c === 46 || c === 41 || (c >= 48 && c <= 57))
      bound++
    else break
  }
  return bound
}

function depthOf(prefix: LinePrefix): number {
  return prefix.markers.length + Math.floor(prefix.indent / 2)
}

/** The 1-based line of the first line nested deeper than `max`, if any. */
export function tooDeepLine(body: string, max = MAX_NESTING): number | undefined {
  let line = 1
  for (let start = 0; start <= body.length; line++) {
    const end = body.indexOf('\n', start)
    const stop = end === -1 ? body.length : end
    // Cheap first: a line whose leading markup cannot add up to the limit cannot nest past it.
    if (depthBound(body, start, stop) > max && depthOf(prefixOf(body.slice(start, stop))) > max) return line
    if (end === -1) break
    start = end + 1
  }
  return undefined
}

export interface Flattened {
  text: string
  /** Where an offset of the original body is in `text`. */
  shift(offset: number): number
}

/** The body with every line's nesting cut to `max` levels: what lies deeper joins the deepest allowed container. */
export function flattenNesting(body: string, max = MAX_NESTING): Flattened {
  if (tooDeepLine(body, max) === undefined) return {text: body, shift: offset => offset}
  // Line ends of flattened lines (original offsets) and the characters removed up to each.
  const ends: number[] = []
  const removedBy: number[] = []
  let offset = 0
  let removed = 0
  const out = body.split('\n').map(line => {
    const prefix = prefixOf(line)
    let kept = line
    if (line.length > max && depthOf(prefix) > max) {
      const indent = Math.min(prefix.indent, 2 * max)
      const levels = Math.max(1, max - Math.floor(indent / 2))
      kept = `${' '.repeat(indent)}${prefix.markers.slice(0, levels).join('')}${line.slice(prefix.length)}`
      removed += line.length - kept.length
      ends.push(offset + line.length)
      removedBy.push(removed)
    }
    offset += line.length + 1
    return kept
  })
  return {text: out.join('\n'), shift: at => at - removedBefore(ends, removedBy, at)}
}

/** Characters removed before `at`: the count of the last flattened line ending at or before it. */
function removedBefore(ends: readonly number[], removedBy: readonly number[], at: number): number {
  let low = 0
  let high = ends.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (ends[mid]! <= at) low = mid + 1
    else high = mid
  }
  return low === 0 ? 0 : removedBy[low - 1]!
}
