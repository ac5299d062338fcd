// For a person at a terminal: aligned columns, colour only when the terminal takes it.
import type {ChalkInstance} from 'chalk'
import type {Coverage, CoverageCell, Inventory, InventoryRow} from '../model.js'
import {COVERAGE_LEGEND, cellText, channelRows, gapLines, nowhereLine} from './legend.js'
import {defineInventoryRenderer} from './renderer.js'
import {type Column, terminalText, textTable} from './text-table.js'

export default defineInventoryRenderer({
  name: 'table',
  description: 'aligned columns for a terminal',
  ls: (inventory, {color}) => renderLs(inventory, color),
  coverage: (coverage, {color}) => renderCoverage(coverage, color),
})

function statusPaint(color: ChalkInstance): Record<string, (s: string) => string> {
  return {
    approved: color.green,
    draft: color.yellow,
    'in-review': color.cyan,
    deprecated: color.dim,
    retired: color.dim,
  }
}

function renderLs(inventory: Inventory, color: ChalkInstance): string {
  const status = statusPaint(color)
  const columns: Array<Column<InventoryRow>> = [
    {title: 'ID', value: r => r.id || '(no id)'},
    {title: 'MARKETS', value: r => r.markets.join(', ')},
    {title: 'TYPE', value: r => r.type},
    {title: 'STATUS', value: r => r.status, paint: (s, r) => status[r.status]?.(s) ?? s},
    {
      title: 'VERSION',
      value: r => (r.outdated ? `${r.version} outdated` : r.version),
      paint: (s, r) => (r.outdated ? color.yellow(s) : s),
    },
    {
      title: 'REVIEW BY',
      value: r => (r.overdue ? `${r.review_by} overdue` : r.review_by),
      paint: (s, r) => (r.overdue ? color.red(s) : s),
    },
    {title: 'OWNER', value: r => r.owner},
    {title: 'TITLE', value: r => r.title, last: true},
  ]
  const lines = inventory.documents.length > 0 ? [textTable(inventory.documents, columns, color), ''] : []
  const overdue = inventory.documents.filter(r => r.overdue).length
  const shown =
    inventory.documents.length === inventory.total
      ? `${inventory.total}`
      : `${inventory.documents.length} of ${inventory.total}`
  lines.push(
    `${shown} ${inventory.total === 1 ? 'document' : 'documents'}${overdue > 0 ? color.red(`, ${overdue} overdue for review`) : ''}`,
  )
  if (inventory.unreadable.length > 0) {
    lines.push(
      color.yellow(
        `${inventory.unreadable.length} ${inventory.unreadable.length === 1 ? 'file' : 'files'} could not be read as documents (\`sopkit check\` says why): ${terminalText(
          inventory.unreadable.map(u => u.file).join(', '),
        )}`,
      ),
    )
  }
  return lines.join('\n')
}

function cellPaint(color: ChalkInstance, cell: CoverageCell): (s: string) => string {
  if (cell.outOfScope && cell.state === 'none') return color.dim
  if (cell.state === 'none') return color.red
  if (cell.gap) return color.yellow
  if (cell.state === 'baseline') return color.dim
  return cell.outdated ? color.yellow : color.green
}

function renderCoverage(coverage: Coverage, color: ChalkInstance): string {
  const {markets} = coverage
  const familyColumns: Array<Column<Coverage['families'][number]>> = [
    {title: 'FAMILY', value: f => f.id},
    {title: 'TYPE', value: f => f.type},
    ...markets.map((m, i): Column<Coverage['families'][number]> => ({
      title: m,
      value: f => cellText(f.cells[i]!),
      paint: (s, f) => cellPaint(color, f.cells[i]!)(s),
    })),
  ]
  const byMarket = coverage.marketChannels
  const {rows: shown, nowhere} = channelRows(coverage)
  const rows = shown.map(({channel, index}) => ({channel, counts: byMarket.map(m => m.channels[index]!.ids.length)}))
  const channelColumns: Array<Column<(typeof rows)[number]>> = [
    {title: 'CHANNEL', value: r => r.channel},
    ...markets.map((m, i): Column<(typeof rows)[number]> => ({
      title: m,
      align: 'right',
      value: r => (r.counts[i] === 0 ? '✗' : String(r.counts[i])),
      paint: (s, r) => (r.counts[i] === 0 ? color.red(s) : s),
    })),
  ]
  const gaps = gapLines(coverage)
  return [
    color.bold(`Families × markets (${coverage.families.length} families, ${markets.length} markets)`),
    coverage.families.length > 0 && markets.length > 0
      ? textTable(coverage.families, familyColumns, color)
      : '(nothing to show)',
    color.dim(COVERAGE_LEGEND),
    '',
    color.bold('Channels × markets (approved documents each market reads)'),
    markets.length > 0 && rows.length > 0 ? textTable(rows, channelColumns, color) : '(nothing to show)',
    ...(nowhere.length > 0 ? [color.red(nowhereLine(nowhere)!)] : []),
    '',
    ...(gaps.length === 0
      ? [
          color.green(
            "No gaps: every market has each localised family's own variant and an approved document on every channel.",
          ),
        ]
      : [color.bold('Gaps'), ...gaps.map(l => `  ${terminalText(l)}`)]),
  ].join('\n')
}
