// Aligned terminal tables: columns padded by display width (wide CJK and emoji count two), colour
// applied after padding, and control characters from document data never reach the terminal.
import type {ChalkInstance} from 'chalk'

export interface Column<R> {
  title: string
  value: (row: R) => string
  align?: 'left' | 'right'
  /** Colour for a cell, given its padded text. */
  paint?: (text: string, row: R) => string
  /** The last column is not padded, so long titles do not leave trailing spaces. */
  last?: boolean
}

// Control characters (an ESC from a title would start a terminal escape sequence) and bidi overrides.
// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g

/** Text safe to print on a terminal: one line, no control characters. */
export function terminalText(value: string): string {
  return value.replace(UNSAFE, ' ')
}

const ZERO_WIDTH = /[\p{Mn}\p{Me}\ufe00-\ufe0f\u200b-\u200f]/u
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u

/** Columns a string takes on a terminal. */
export function displayWidth(value: string): number {
  let width = 0
  for (const ch of value) width += ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1
  return width
}

function pad(value: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(value)))
  return align === 'right' ? fill + value : value + fill
}

/** A header line (bold) and one line per row, columns two spaces apart. */
export function textTable<R>(rows: readonly R[], columns: ReadonlyArray<Column<R>>, color: ChalkInstance): string {
  const cells = rows.map(row => columns.map(c => terminalText(c.value(row))))
  const widths = columns.map((c, i) => Math.max(displayWidth(c.title), ...cells.map(r => displayWidth(r[i]!))))
  const line = (values: readonly string[], paint: (text: string, i: number) => string) =>
    values
      .map((v, i) => paint(columns[i]!.last ? v : pad(v, widths[i]!, columns[i]!.align ?? 'left'), i))
      .join('  ')
      .trimEnd()
  const head = line(
    columns.map(c => c.title),
    t => color.bold(t),
  )
  const body = cells.map((r, n) => line(r, (t, i) => columns[i]!.paint?.(t, rows[n]!) ?? t))
  return [head, ...body].join('\n')
}
