// Coloured terminal diff; readable without colour too ([-removed-] {+added+}, as git --word-diff=plain).
import type {ChalkInstance} from 'chalk'
import {
  type DocumentDiff,
  type DriftMatrix,
  type MatrixState,
  type SectionChange,
  coarseNote,
  columnLabel,
  noVariantsNote,
} from '../model.js'
import {defineDiffRenderer} from './renderer.js'
import {
  STATE_LEGEND,
  STATE_SYMBOL,
  changeLabel,
  differing,
  fieldRows,
  sectionSummary,
  withContext,
  withoutTrailingSpaces,
} from './summary.js'

export default defineDiffRenderer({
  name: 'text',
  description: 'coloured, for a terminal (the default)',
  render: (result, {color}) =>
    withoutTrailingSpaces(result.kind === 'diff' ? renderDiff(result.diff, color) : renderMatrix(result.matrix, color)),
})

function renderDiff(diff: DocumentDiff, c: ChalkInstance): string {
  const lines = [
    c.bold(`${diff.a.label} → ${diff.b.label}`),
    c.dim(
      `${diff.a.title ?? ''} ${diff.a.version ?? ''} [${diff.a.markets.join(', ')}] → ${diff.b.title ?? ''} ${diff.b.version ?? ''} [${diff.b.markets.join(', ')}]`,
    ),
  ]
  const rows = fieldRows(diff)
  if (rows.length > 0) {
    const width = Math.max(...rows.map(f => f.field.length))
    lines.push('', c.bold('Metadata'))
    for (const f of rows)
      lines.push(`  ${f.field.padEnd(width)}  ${c.red(short(f.before))} → ${c.green(short(f.after))}`)
  }
  lines.push('', c.bold(`Sections: ${sectionSummary(diff)}`))
  const changes = differing(diff)
  if (changes.length === 0) lines.push(c.dim('  no section differs'))
  const width = Math.max(0, ...changes.map(s => s.path.length))
  for (const s of changes) lines.push(...sectionLines(s, width, c))
  return lines.join('\n')
}

/** Long values (deviations, targets) are cut: the JSON and HTML formats carry them whole. */
function short(text: string): string {
  return text.length > 70 ? `${text.slice(0, 69)}…` : text
}

const MARK: Record<SectionChange['kind'], string> = {same: '=', changed: '~', added: '+', removed: '-', moved: '↕'}

function sectionLines(s: SectionChange, width: number, c: ChalkInstance): string[] {
  const approval = 'approval' in s ? s.approval : undefined
  const label = changeLabel(s)
  const port = 'port' in s ? s.port : undefined
  const paint = approval === 'approved' || port === 'portable' ? c.green : approval || port ? c.red : (x: string) => x
  const head = `  ${MARK[s.kind]} ${s.path.padEnd(width)}  ${c.dim(s.kind)}${label ? `  ${paint(label)}` : ''}`
  return [head, ...wordLines(s, c, '      ')]
}

/** A section change's words as indented lines ([-removed-] {+added+}); none when it carries no word diff. */
export function wordLines(s: SectionChange, c: ChalkInstance, indent: string): string[] {
  const words = 'words' in s && s.words ? s.words : undefined
  if (!words) return []
  const note = coarseNote('coarse' in s ? s.coarse : undefined)
  const body = withContext(words)
    .map(w =>
      w.type === 'added' ? c.green(`{+${w.text}+}`) : w.type === 'removed' ? c.red(`[-${w.text}-]`) : c.dim(w.text),
    )
    .join('')
  return [
    ...(note ? [`${indent}${c.yellow(`(${note})`)}`] : []),
    ...body
      .split('\n')
      .filter(l => l.trim() !== '')
      .map(l => `${indent}${l}`),
  ]
}

const PAINT: Record<MatrixState, (c: ChalkInstance) => (text: string) => string> = {
  same: c => c.dim,
  approved: c => c.green,
  drift: c => c.red,
  expired: c => c.yellow,
  missing: c => c.red,
  added: c => c.cyan,
  upstream: c => c.blue,
  conflict: c => c.magenta,
}

function renderMatrix(m: DriftMatrix, c: ChalkInstance): string {
  const title = c.bold(`${m.id}: baseline ${m.baseline.file} at ${m.baseline.version ?? '—'}`)
  if (m.columns.length === 0) return [title, noVariantsNote(m)].join('\n')
  const width = Math.max(8, ...m.rows.map(r => r.path.length))
  const cellWidth = Math.max(
    8,
    ...m.columns.map(col => Math.max(columnLabel(col).length, (col.basedOn ?? '').length) + 2),
  )
  const header = `${'section'.padEnd(width)}  ${m.columns.map(col => columnLabel(col).padEnd(cellWidth)).join('')}`
  const rows = m.rows.map(
    r => `${r.path.padEnd(width)}  ${r.cells.map(s => PAINT[s](c)(STATE_SYMBOL[s].padEnd(cellWidth))).join('')}`,
  )
  const based = `${'based_on'.padEnd(width)}  ${m.columns.map(col => (col.outdated ? c.red : c.dim)((col.basedOn ?? '—').padEnd(cellWidth))).join('')}`
  return [
    title,
    '',
    c.bold(header),
    ...rows,
    based,
    '',
    c.dim(STATE_LEGEND),
    ...m.columns
      .filter(col => col.outdated)
      .map(col => c.red(`${col.market} is based on ${col.basedOn}; the baseline is at ${m.baseline.version}`)),
  ].join('\n')
}
