// The one CSV writer: csv-stringify with formula escaping, so a cell taken from a document
// (a title such as =HYPERLINK(...)) can never run as a formula when the file is opened in a sheet.
import {stringify} from 'csv-stringify/sync'

export type CsvValue = string | number | boolean | undefined | null

/** Characters a spreadsheet reads as the start of a formula (ASCII and full-width). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

/**
 * A cell as it was before the writer guarded it: the `'` put before a formula character (or before
 * spaces and one) is dropped, so `'@cs-ops` reads back as `@cs-ops`. Any other leading quote is data.
 */
export function unguardFormula(cell: string): string {
  if (!cell.startsWith("'")) return cell
  const rest = cell.slice(1)
  return FORMULA_START.test(rest) || FORMULA_START.test(rest.trimStart()) ? rest : cell
}

/** CSV text (LF line ends) for a header and rows; lists should be joined by the caller. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return stringify([[...header], ...rows.map(r => r.map(cell))], {
    escape_formulas: true, // prefixes ' to cells starting with = + - @ tab CR (OWASP CSV injection)
    record_delimiter: 'unix',
  })
}

/**
 * Numbers stay numbers (a negative number is data, not a formula). Text cells are as written, except that leading spaces before a formula character are kept behind the
 * escape too: some spreadsheets trim a cell before deciding whether it is a formula.
 */
function cell(value: CsvValue): string | number {
  if (value === undefined || value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? value : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  const trimmed = value.trimStart()
  return trimmed !== value && FORMULA_START.test(trimmed) ? `'${value}` : value
}
