// `sopkit import` without the CLI: a parsed CSV table in, one result per row out
// (read → map columns → plan a row → stage it, unless a dry run → the next row; staged rows are
// written a batch at a time).
import {breathe} from '../core/breathe.js'
import type {Config} from '../core/config.js'
import type {Library} from '../core/library.js'
import {mapColumns} from '../csv/columns.js'
import type {CsvTable} from '../csv/read.js'
import {type Template, findTemplate} from '../scaffold/templates.js'
import {RowWriter} from './apply.js'
import {IMPORT_FIELDS} from './columns.js'
import {type ImportResult, type RowResult, summarise} from './model.js'
import {type ImportOptions, planImport} from './plan.js'

export interface ImportRequest extends ImportOptions {
  /** `--map` values. */
  map: readonly string[]
  dryRun: boolean
  /** Where paths in the result are relative to. */
  cwd: string
}

export async function runImport(
  config: Config,
  library: Library,
  templates: readonly Template[],
  table: CsvTable,
  request: ImportRequest,
): Promise<ImportResult> {
  // A wrong --type or --map is the user's command, not a row: exit 2 before any row is planned.
  findTemplate(templates, request.defaultType)
  const map = mapColumns(table.header, {specs: IMPORT_FIELDS, overrides: request.map})
  const rows: RowResult[] = []
  const writer = new RowWriter({dryRun: request.dryRun, cwd: request.cwd})
  for await (const plan of planImport(
    config,
    library,
    templates,
    {header: table.header, map, records: table.records},
    request,
  )) {
    writer.add(plan)
    if (writer.full) rows.push(...(await writer.take()))
    // A signal stops the import here: written documents are whole, staged ones are removed.
    await breathe()
  }
  rows.push(...(await writer.finish()))
  const columns = IMPORT_FIELDS.flatMap(({field}) => {
    const index = map.indexOf.get(field)
    return index === undefined ? [] : [{field, column: table.header[index]!}]
  })
  return {csv: table.file, dryRun: request.dryRun, columns, unusedColumns: map.unused, rows, summary: summarise(rows)}
}
