// A self-contained HTML page in the one page shell (its CSP forbids scripts and requests): side by
// side, inline CSS, each side the Markdown it compares rendered through the playbook's sanitised
// remark → HTML path (core/markdown-html), with its own changes marked.
import {
  type DiffResult,
  type DocumentDiff,
  type DriftMatrix,
  type MatrixColumn,
  type SectionChange,
  type WordChange,
  coarseNote,
  noVariantsNote,
} from '../model.js'
import {escapeHtml as esc} from '../../core/escape.js'
import {htmlPage} from '../../core/html-page.js'
import {loadMarkdownParser} from '../../core/markdown.js'
import {loadMarkdownToHtml, markdownToHtml} from '../../core/markdown-html.js'
import {type Side, markedTree} from './marked.js'
import {defineDiffRenderer} from './renderer.js'
import {STATE_LEGEND, STATE_SYMBOL, changeLabel, fieldRows, sectionSummary} from './summary.js'

const STYLE = `body{font:14px/1.5 system-ui,sans-serif;margin:2rem;color:#1f2328}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #d0d7de;padding:.3rem .5rem;vertical-align:top;text-align:left}th{background:#f6f8fa}
table.sections{table-layout:fixed}th.section,td.section{width:13rem;overflow-wrap:break-word;hyphens:auto}
.side{overflow-wrap:anywhere}.side>:first-child{margin-top:0}.side>:last-child{margin-bottom:0}
.side table{width:auto}.side td,.side th{padding:.15rem .4rem}.side pre{white-space:pre-wrap}
del{background:#ffebe9;color:#82071e}ins{background:#dafbe1;color:#116329;text-decoration:none}
tr.unchanged td{color:#656d76;font-size:12px;padding:.15rem .5rem;background:#f6f8fa}
.approved{color:#116329}.drift,.missing,.expired{color:#82071e}
.same{color:#8c959f}.added{color:#0969da}.upstream,.portable{color:#0550ae}.conflict{color:#8250df;font-weight:bold}
.draft{color:#9a6700;font-weight:normal;font-size:11px}h2{margin-top:2rem}`

export default defineDiffRenderer({
  name: 'html',
  extensions: ['html', 'htm'],
  description: 'a self-contained HTML page, side by side, the Markdown rendered',
  load: loadMarkedHtml,
  render: (result: DiffResult) => {
    const title =
      result.kind === 'diff' ? `${result.diff.a.label} → ${result.diff.b.label}` : `${result.matrix.id}: drift matrix`
    const body = result.kind === 'diff' ? renderDiff(result.diff) : renderMatrix(result.matrix)
    return htmlPage(title, `<h1>${esc(title)}</h1>${body}`, STYLE)
  },
})

function renderDiff(diff: DocumentDiff): string {
  const changed = fieldRows(diff)
  const fields =
    changed.length === 0
      ? ''
      : `<h2>Metadata</h2><table><tr><th>field</th><th>${esc(diff.a.label)}</th><th>${esc(diff.b.label)}</th></tr>${changed
          .map(f => `<tr><td>${esc(f.field)}</td><td>${esc(f.before)}</td><td>${esc(f.after)}</td></tr>`)
          .join('')}</table>`
  const head = `<tr><th class="section">section</th><th>${esc(diff.a.label)}</th><th>${esc(diff.b.label)}</th></tr>`
  return `${fields}<h2>Sections</h2><p>${esc(sectionSummary(diff))}</p><table class="sections">${head}${sectionRows(diff.sections)}</table>`
}

/** Each change a row; a run of unchanged sections one compact line, so the changes stand out. */
function sectionRows(sections: readonly SectionChange[]): string {
  const rows: string[] = []
  let unchanged: string[] = []
  const flush = () => {
    if (unchanged.length > 0)
      rows.push(`<tr class="unchanged"><td colspan="3">unchanged: ${unchanged.map(esc).join(' · ')}</td></tr>`)
    unchanged = []
  }
  sections.forEach((s, i) => {
    const words = 'words' in s ? s.words : undefined
    if (s.kind === 'same' || (s.kind === 'moved' && !words)) {
      unchanged.push(s.kind === 'moved' ? `${s.path} (moved)` : s.path)
      return
    }
    flush()
    rows.push(sectionRow(s, `diff-${i}`))
  })
  flush()
  return rows.join('')
}

function sectionRow(s: SectionChange, prefix: string): string {
  const judged = ('approval' in s ? s.approval : undefined) ?? ('port' in s ? s.port : undefined)
  const status = `${esc(s.kind)}${judged ? ` <span class="${judged}">${esc(changeLabel(s))}</span>` : ''}`
  const head = `<td class="section"><strong>${esc(s.path)}</strong><br><small>${status}</small></td>`
  const words: readonly WordChange[] =
    s.kind === 'added'
      ? [{type: 'added', text: s.text}]
      : s.kind === 'removed'
        ? [{type: 'removed', text: s.text}]
        : 'words' in s && s.words
          ? s.words
          : []
  const sides = `<td class="side">${side(words, 'removed', `${prefix}a`)}</td><td class="side">${side(words, 'added', `${prefix}b`)}</td>`
  const note = coarseNote('coarse' in s ? s.coarse : undefined)
  if (note) return `<tr>${head}<td colspan="2"><p><em>${esc(note)}</em></p></td></tr><tr><td></td>${sides}</tr>`
  return `<tr>${head}${sides}</tr>`
}

/** One side of a word diff as rendered Markdown: shared words plus the side's own, marked. */
function side(words: readonly WordChange[], own: 'added' | 'removed', prefix: string): string {
  if (!words.some(w => w.type === 'same' || w.type === own)) return ''
  return markedHtml(words, own, prefix)
}

/**
 * Words as rendered Markdown, through the playbook's sanitised path, with the changes marked
 * (`<del>`, `<ins>`): one side, or both merged. The diff and changes pages both show sections so.
 */
export function markedHtml(words: readonly WordChange[], shown: Side, prefix: string): string {
  const tree = markedTree(words, shown, {
    wrap: (tag, children) =>
      tag === 'removed' ? {type: 'delete', children} : {type: 'strong', data: {hName: 'ins'}, children},
    plainChangedBlocks: false,
  })
  return markdownToHtml(tree, prefix)
}

/** What the page renderers need loaded before `markedHtml`. */
export async function loadMarkedHtml(): Promise<void> {
  await Promise.all([loadMarkdownParser(), loadMarkdownToHtml()])
}

function renderMatrix(m: DriftMatrix): string {
  const baseline = `<p>Baseline <code>${esc(m.baseline.file)}</code> at ${esc(m.baseline.version ?? '—')}</p>`
  if (m.columns.length === 0) return `${baseline}<p>${esc(noVariantsNote(m))}</p>`
  const label = (c: MatrixColumn) =>
    c.status ? `${esc(c.market)} <span class="draft">${esc(c.status)}</span>` : esc(c.market)
  const head = `<tr><th>section</th>${m.columns.map(c => `<th title="${esc(c.file)}">${label(c)}</th>`).join('')}</tr>`
  const rows = m.rows
    .map(
      r =>
        `<tr><td>${esc(r.path)}</td>${r.cells.map(s => `<td class="${s}" title="${s}">${STATE_SYMBOL[s]}</td>`).join('')}</tr>`,
    )
    .join('')
  const based = `<tr><td><em>based_on</em></td>${m.columns.map(c => `<td class="${c.outdated ? 'drift' : 'same'}">${esc(c.basedOn ?? '—')}</td>`).join('')}</tr>`
  return `${baseline}<table>${head}${rows}${based}</table><p>${esc(STATE_LEGEND)}</p>`
}
