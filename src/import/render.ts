// The per-row result of an import as an aligned table for a person (`--json` prints the model).
import type {ChalkInstance} from 'chalk'
import {type Column, terminalText, textTable} from '../inventory/render/text-table.js'
import type {ImportResult, RowAction, RowResult} from './model.js'

const LABEL: Record<RowAction, string> = {
  created: 'created',
  'would-create': 'would create',
  skipped: 'skipped',
  error: 'error',
}

/** A refused row's reason; several are counted here and listed under the table, one a line. */
function reasonText(r: RowResult): string {
  return r.problems ? `${r.problems.length} problems (listed below)` : (r.reason ?? '')
}

export function renderImport(result: ImportResult, color: ChalkInstance): string {
  const paint: Record<RowAction, (s: string) => string> = {
    created: color.green,
    'would-create': color.cyan,
    skipped: color.dim,
    error: color.red,
  }
  const columns: Array<Column<RowResult>> = [
    {title: 'ROW', value: r => String(r.row), align: 'right'},
    {title: 'RESULT', value: r => LABEL[r.action], paint: (s, r) => paint[r.action](s)},
    {title: 'ID', value: r => r.id ?? ''},
    {title: 'MARKETS', value: r => r.markets?.join(', ') ?? ''},
    {title: 'FILE / REASON', value: r => (r.action === 'error' ? reasonText(r) : (r.file ?? '')), last: true},
  ]
  const lines = [textTable(result.rows, columns, color)]
  for (const r of result.rows.filter(x => x.action === 'error')) {
    if (r.problems)
      for (const p of r.problems)
        lines.push(`  row ${r.row}: ${terminalText(p.reason)} ${color.dim(`— ${terminalText(p.mend)}`)}`)
    else if (r.mend) lines.push(color.dim(`  row ${r.row}: ${terminalText(r.mend)}`))
  }
  if (result.unusedColumns.length > 0)
    lines.push(
      color.dim(
        `columns not read: ${terminalText(result.unusedColumns.join(', '))} (map one with --map "Column=field")`,
      ),
    )
  const {created, skipped, errors} = result.summary
  const verb = result.dryRun ? 'would be created' : 'created'
  lines.push(
    `${created} ${verb}, ${skipped} skipped, ${errors} ${errors === 1 ? 'error' : 'errors'}${result.dryRun ? ' (dry run: nothing written)' : ''}`,
  )
  return lines.join('\n')
}
