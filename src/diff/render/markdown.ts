// Markdown for a pull-request comment: tables GitHub renders, each changed section as the Markdown
// it is, removed words struck through and added words bold (marked in the parsed tree: marked.ts).
import {markdownCell as cell} from '../../core/escape.js'
import {loadMarkdownParser, loadMarkdownPrinter, printMarkdown} from '../../core/markdown.js'
import {
  type DiffResult,
  type DocumentDiff,
  type DriftMatrix,
  type WordChange,
  coarseNote,
  columnLabel,
  noVariantsNote,
} from '../model.js'
import {markedTree} from './marked.js'
import {defineDiffRenderer} from './renderer.js'
import {
  STATE_LEGEND,
  STATE_SYMBOL,
  changeLabel,
  differing,
  fieldRows,
  sectionSummary,
  withoutTrailingSpaces,
} from './summary.js'

export default defineDiffRenderer({
  name: 'markdown',
  extensions: ['md', 'markdown'],
  description: 'Markdown tables, for a pull-request comment',
  load: async () => {
    await Promise.all([loadMarkdownParser(), loadMarkdownPrinter()])
  },
  render: (result: DiffResult) =>
    withoutTrailingSpaces(result.kind === 'diff' ? renderDiff(result.diff) : renderMatrix(result.matrix)),
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

/** The section's Markdown, both sides merged: what was removed struck through, what was added bold. */
export function words(list: readonly WordChange[]): string {
  const tree = markedTree(list, 'both', {
    wrap: (tag, children) => ({type: tag === 'removed' ? 'delete' : 'strong', children}),
    plainChangedBlocks: true,
  })
  return printMarkdown(tree).trim()
}

function renderMatrix(m: DriftMatrix): string {
  const title = `### \`${m.id}\`: baseline \`${m.baseline.file}\` at ${m.baseline.version ?? '—'}`
  if (m.columns.length === 0) return [title, '', cell(noVariantsNote(m))].join('\n')
  const head = `| section | ${m.columns.map(c => cell(columnLabel(c))).join(' | ')} |`
  const rule = `|---|${m.columns.map(() => ':-:').join('|')}|`
  const rows = m.rows.map(r => `| ${cell(r.path)} | ${r.cells.map(s => STATE_SYMBOL[s]).join(' | ')} |`)
  const based = `| *based_on* | ${m.columns.map(c => (c.outdated ? `**${c.basedOn ?? '—'}** ⚠` : (c.basedOn ?? '—'))).join(' | ')} |`
  return [title, '', head, rule, ...rows, based, '', STATE_LEGEND].join('\n')
}
