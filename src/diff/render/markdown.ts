// Markdown for a pull-request comment: tables GitHub renders, words struck through or bold.
import {markdownCell as cell} from '../../core/escape.js'
import {type DiffResult, type DocumentDiff, type DriftMatrix, type WordChange, coarseNote} from '../model.js'
import {defineDiffRenderer} from './renderer.js'
import {STATE_LEGEND, STATE_SYMBOL, changeLabel, differing, fieldRows, sectionSummary, withContext} from './summary.js'

export default defineDiffRenderer({
  name: 'markdown',
  extensions: ['md', 'markdown'],
  description: 'Markdown tables, for a pull-request comment',
  render: (result: DiffResult) => (result.kind === 'diff' ? renderDiff(result.diff) : renderMatrix(result.matrix)),
})

function renderDiff(diff: DocumentDiff): string {
  const out = [`### \`${diff.a.label}\` → \`${diff.b.label}\``, '']
  const rows = fieldRows(diff)
  if (rows.length > 0) {
    out.push('| field | before | after |', '|---|---|---|')
    for (const f of rows) out.push(`| \`${f.field}\` | ${cell(f.before)} | ${cell(f.after)} |`)
    out.push('')
  }
  out.push(`**Sections:** ${sectionSummary(diff)}`, '')
  const changes = differing(diff)
  if (changes.length === 0) return out.join('\n')
  out.push('| section | change | status |', '|---|---|---|')
  for (const s of changes) out.push(`| ${cell(s.path)} | ${s.kind} | ${changeLabel(s)} |`)
  for (const s of changes) {
    if (!('words' in s) || !s.words) continue
    const note = coarseNote(s.coarse)
    out.push(
      '',
      `<details><summary>${cell(s.path)}</summary>`,
      '',
      ...(note ? [`*(${note})*`, ''] : []),
      words(s.words),
      '',
      '</details>',
    )
  }
  return out.join('\n')
}

function words(list: readonly WordChange[]): string {
  return withContext(list)
    .map(w => (w.type === 'added' ? `**${w.text.trim()}** ` : w.type === 'removed' ? `~~${w.text.trim()}~~ ` : w.text))
    .join('')
}

function renderMatrix(m: DriftMatrix): string {
  const head = `| section | ${m.columns.map(c => c.market).join(' | ')} |`
  const rule = `|---|${m.columns.map(() => ':-:').join('|')}|`
  const rows = m.rows.map(r => `| ${cell(r.path)} | ${r.cells.map(s => STATE_SYMBOL[s]).join(' | ')} |`)
  const based = `| *based_on* | ${m.columns.map(c => (c.outdated ? `**${c.basedOn ?? '—'}** ⚠` : (c.basedOn ?? '—'))).join(' | ')} |`
  return [
    `### \`${m.id}\`: baseline \`${m.baseline.file}\` at ${m.baseline.version ?? '—'}`,
    '',
    head,
    rule,
    ...rows,
    based,
    '',
    STATE_LEGEND,
  ].join('\n')
}
