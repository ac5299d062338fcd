// The one CSV reader: every csv-parse option sopkit uses is here, and every way a spreadsheet
// export can be malformed becomes either an exit-2 error naming the line or a per-row problem.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {type CsvError, type Options, parse} from 'csv-parse/sync'
import {SopkitError} from '../core/errors.js'
import {unguardFormula} from './write.js'

/** One data row of a CSV file. */
export interface CsvRecord {
  /** The row number a spreadsheet shows: the header is row 1, the first data row is row 2. */
  row: number
  /** The line of the file the row starts on (a quoted cell can span lines). */
  line: number
  cells: string[]
  /** Set when the row cannot be read cell by cell: it has more or fewer cells than the header. */
  problem?: string
}

export interface CsvTable {
  /** The file as the user named it, for messages. */
  file: string
  delimiter: string
  header: string[]
  /** Data rows; rows whose every cell is blank are left out (their numbers are kept by the others). */
  records: CsvRecord[]
}

export interface CsvReadOptions {
  /** A one-character delimiter; by default the most frequent of , ; and tab in the header line. */
  delimiter?: string
}

const MEND_SAVE_UTF8 =
  'save the sheet as "CSV UTF-8 (comma delimited)" (Excel) or File › Download › CSV (Google Sheets), then run again'

/** Read and parse a CSV file; anything that keeps it from being a table is an exit-2 error. */
export function readCsvFile(file: string, options: CsvReadOptions = {}, cwd = process.cwd()): CsvTable {
  let bytes: Buffer
  try {
    bytes = readFileSync(path.resolve(cwd, file))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new SopkitError(
      'CSV_UNREADABLE',
      `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code ?? 'error'})`}`,
      'pass the path of a CSV file, relative to the current folder',
    )
  }
  return parseCsv(decodeCsv(bytes, file), file, options)
}

/** Text from bytes: UTF-8 (a BOM is allowed), never silently repaired. */
export function decodeCsv(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new SopkitError(
      'CSV_ENCODING',
      `${file}: the file is UTF-16 (Excel's "Unicode text"), not UTF-8`,
      MEND_SAVE_UTF8,
    )
  }
  if (bytes.subarray(0, 8192).includes(0))
    throw new SopkitError('CSV_ENCODING', `${file}: the file is binary, not CSV text`, MEND_SAVE_UTF8)
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    throw new SopkitError(
      'CSV_ENCODING',
      `${file}:${firstInvalidLine(bytes)}: the file is not UTF-8 (a legacy encoding such as Windows-1252?)`,
      MEND_SAVE_UTF8,
    )
  }
}

function firstInvalidLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', {fatal: true})
  let line = 1
  let start = 0
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue
    try {
      decoder.decode(bytes.subarray(start, i))
    } catch {
      return line
    }
    line++
    start = i + 1
  }
  return line
}

/** A `--delimiter` value: one character, or `tab` / `\\t` for a tab. */
export function delimiterOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (value === 'tab' || value === '\\t') return '\t'
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- counting code points is the intent: one delimiter character, whatever its UTF-16 length
  if ([...value].length !== 1 || /[\r\n"]/.test(value)) {
    throw new SopkitError(
      'USAGE',
      `--delimiter "${value}": expected one character`,
      'pass --delimiter ";" (or tab), or leave it out to detect it from the header line',
    )
  }
  return value
}

/** The delimiter a header line uses: the most frequent of comma, semicolon (European Excel) and tab. */
export function sniffDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? ''
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '')
  const counts = [',', ';', '\t'].map(d => ({d, n: outsideQuotes.split(d).length - 1}))
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d
}

interface RawRecord {
  record: string[]
  raw: string
}

/** Line breaks in a piece of raw CSV text, counting CRLF once. */
const lineBreaks = (raw: string) => raw.match(/\r\n|\n|\r/g)?.length ?? 0

/**
 * Parse CSV text into a header and numbered rows. A BOM is dropped and CRLF, LF and CR are all
 * line ends; a row with more or fewer cells than the header gets a `problem` instead of having its
 * cells shifted into the wrong columns; an unclosed quote is an exit-2 error naming its line.
 */
export function parseCsv(text: string, file: string, options: CsvReadOptions = {}): CsvTable {
  const delimiter = options.delimiter ?? sniffDelimiter(text)
  let nextLine = 1
  // With `raw: true` csv-parse hands on_record {record, raw}; its typings only know string[].
  const countLines = ((record: RawRecord) => {
    nextLine += lineBreaks(record.raw)
    return record
  }) as unknown as Options['on_record']
  let raw: RawRecord[]
  try {
    raw = parse(text, {
      bom: true, // a BOM would otherwise become part of the first header's name
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'], // mixed line ends: auto-detection would glue rows together
      relax_column_count: true, // ragged rows are checked below, against the header, row by row
      relax_quotes: true, // a quote inside an unquoted cell (12" screen) is text
      skip_empty_lines: false, // empty lines keep their row numbers; blank rows are dropped below
      trim: true, // spaces around a cell (a, "b") mean nothing in a sheet
      raw: true, // the raw text gives each row's first line (csv-parse's own count is off after CRLF in a quoted cell)
      on_record: countLines,
    }) as unknown as RawRecord[]
  } catch (error) {
    throw csvError(error as CsvError, file, nextLine)
  }
  let line = 1
  const rows = raw.map((r, index) => {
    const at = line
    line += lineBreaks(r.raw)
    return {row: index + 1, line: at, cells: r.record.map(unguardFormula)}
  })
  const [first, ...rest] = rows
  if (!first || isBlank(first.cells)) {
    throw new SopkitError(
      'CSV_NO_HEADER',
      `${file}: the first line is empty, expected a header row`,
      'put the column names (e.g. Title, Market, Owner) on the first line',
    )
  }
  const header = first.cells
  const records = rest.filter(r => !isBlank(r.cells)).map(r => withShape(r, header.length))
  return {file, delimiter, header, records}
}

const isBlank = (cells: readonly string[]) => cells.every(c => c === '')

/** Trailing empty cells past the header are harmless; any other count mismatch makes the row unreadable. */
function withShape(record: CsvRecord, width: number): CsvRecord {
  const cells = [...record.cells]
  while (cells.length > width && cells.at(-1) === '') cells.pop()
  if (cells.length === width) return {...record, cells}
  const why =
    cells.length < width
      ? 'a cell is missing, so the others cannot be matched to their columns'
      : 'a cell containing the delimiter must be wrapped in double quotes'
  return {...record, cells, problem: `the row has ${cells.length} cells but the header has ${width}: ${why}`}
}

function csvError(error: CsvError, file: string, recordLine: number): SopkitError {
  const mend =
    'fix the file (a cell containing the delimiter, a quote or a line break must be wrapped in double quotes, and a quote inside it doubled: "")'
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new SopkitError(
      'CSV_MALFORMED',
      `${file}:${recordLine}: a quoted cell opened on or after line ${recordLine} is never closed`,
      mend,
    )
  }
  const line = typeof error.lines === 'number' ? error.lines : recordLine
  return new SopkitError('CSV_MALFORMED', `${file}:${line}: ${error.message.replace(/ at line \d+.*$/, '')}`, mend)
}
