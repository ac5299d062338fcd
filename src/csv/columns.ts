// Header mapping shared by every CSV input: which column holds which field, from sensible
// defaults (case-, space- and punctuation-insensitive) and `--map "Column=field"` overrides.
// Header names are data: they are only ever Map keys, never object keys (a `__proto__` column is inert).
import {SopkitError} from '../core/errors.js'
import {didYouMean, suggest} from '../core/taxonomy.js'

export interface FieldSpec {
  field: string
  /** Normalised header names that mean this field, most specific first (the first present wins). */
  aliases: readonly string[]
}

export interface ColumnMap {
  /** The field each column holds, by column index (undefined: not used). */
  fieldAt: Array<string | undefined>
  /** The column index of each mapped field. */
  indexOf: Map<string, number>
  /** Header names of the columns nothing reads, so the user can see what was left out. */
  unused: string[]
  /** Columns `--map` told to ignore (field `-`). */
  ignoredByMap: Set<number>
}

export interface MapOptions {
  specs: readonly FieldSpec[]
  /** `--map` values: "Column=field" pairs, comma-separated; field `-` ignores a column. */
  overrides: readonly string[]
  /** Other field names an override may give (e.g. any metric name), normalised by the caller. */
  acceptField?: (field: string) => string | undefined
  /** The flag's name, for messages. */
  flag?: string
}

/** "Market(s)", " market ", "MARKETS" and "markets" all become "markets". */
export function headerKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

const IGNORE = new Set(['-', 'ignore', 'skip'])

interface Override {
  column: string
  field: string | undefined
}

/** Parse `--map` values into (column, field) pairs; a field of `-` means "ignore this column". */
export function parseOverrides(values: readonly string[], options: MapOptions): Override[] {
  const flag = options.flag ?? '--map'
  const out: Override[] = []
  for (const entry of values
    .flatMap(v => v.split(','))
    .map(e => e.trim())
    .filter(e => e !== '')) {
    const eq = entry.lastIndexOf('=')
    const column = entry.slice(0, eq).trim()
    const wanted = entry.slice(eq + 1).trim()
    if (eq <= 0 || wanted === '') {
      throw new SopkitError(
        'USAGE',
        `${flag} "${entry}": expected Column=field`,
        `write ${flag} "Title=title,Country=markets" (field - ignores a column)`,
      )
    }
    out.push({column, field: IGNORE.has(wanted) ? undefined : resolveField(wanted, options)})
  }
  return out
}

function resolveField(wanted: string, options: MapOptions): string {
  const key = headerKey(wanted)
  const spec = options.specs.find(s => headerKey(s.field) === key || s.aliases.includes(key))
  if (spec) return spec.field
  const other = options.acceptField?.(wanted)
  if (other) return other
  const names = options.specs.map(s => s.field)
  const hint = suggest(wanted, names)
  throw new SopkitError(
    'USAGE',
    `${options.flag ?? '--map'}: unknown field "${wanted}"${didYouMean(hint)}`,
    `map columns to ${names.join(', ')}, or - to ignore a column`,
  )
}

/**
 * Decide which column holds which field. Overrides come first and must name existing columns and
 * distinct fields (exit 2 otherwise); then each remaining field takes the first column whose name
 * is one of its aliases, in alias order, so "Market" beats "Country" when a sheet has both.
 */
export function mapColumns(header: readonly string[], options: MapOptions): ColumnMap {
  const fieldAt: Array<string | undefined> = header.map(() => undefined)
  const indexOf = new Map<string, number>()
  const decided = new Set<number>()
  const ignoredByMap = new Set<number>()
  const keys = header.map(headerKey)
  for (const {column, field} of parseOverrides(options.overrides, options)) {
    const index = keys.indexOf(headerKey(column))
    if (index === -1) {
      const hint = suggest(
        column,
        header.filter(h => h !== ''),
      )
      throw new SopkitError(
        'USAGE',
        `${options.flag ?? '--map'}: no column "${column}" in the header${didYouMean(hint)}`,
        `the header has: ${header.filter(h => h !== '').join(', ')}`,
      )
    }
    if (field !== undefined && indexOf.has(field)) {
      throw new SopkitError(
        'USAGE',
        `${options.flag ?? '--map'}: columns "${header[indexOf.get(field)!]}" and "${header[index]}" both map to ${field}`,
        'map each field from one column',
      )
    }
    decided.add(index)
    fieldAt[index] = field
    if (field !== undefined) indexOf.set(field, index)
    else ignoredByMap.add(index)
  }
  for (const spec of options.specs) {
    if (indexOf.has(spec.field)) continue
    for (const alias of [headerKey(spec.field), ...spec.aliases]) {
      const index = keys.findIndex((k, i) => k === alias && !decided.has(i))
      if (index === -1) continue
      decided.add(index)
      fieldAt[index] = spec.field
      indexOf.set(spec.field, index)
      break
    }
  }
  const unused = header.filter((h, i) => fieldAt[i] === undefined && h !== '')
  return {fieldAt, indexOf, unused, ignoredByMap}
}

/** A record's cell for a field, trimmed; undefined when the field has no column or the cell is empty. */
export function cellOf(map: ColumnMap, cells: readonly string[], field: string): string | undefined {
  const index = map.indexOf.get(field)
  const value = index === undefined ? undefined : cells[index]?.trim()
  return value === undefined || value === '' ? undefined : value
}

/** A multi-value cell: "SG; MY", "SG,MY" or one value per line. */
export function splitList(cell: string | undefined): string[] {
  if (cell === undefined) return []
  return cell
    .split(/[;,\n]/)
    .map(v => v.trim())
    .filter(v => v !== '')
}
