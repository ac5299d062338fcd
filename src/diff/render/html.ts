// A self-contained HTML page in the one page shell (its CSP forbids scripts and requests): side by side, inline CSS.
import {
  type DiffResult,
  type DocumentDiff,
  type DriftMatrix,
  type SectionChange,
  type WordChange,
  coarseNote,
} from '../model.js'
import {escapeHtml as esc} from '../../core/escape.js'
import {htmlPage} from '../../core/html-page.js'
import {defineDiffRenderer} from './renderer.js'
import {STATE_LEGEND, STATE_SYMBOL, changeLabel, fieldRows, sectionSummary} from './summary.js'

const STYLE = `body{font:14px/1.5 system-ui,sans-serif;margin:2rem;color:#1f2328}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #d0d7de;padding:.3rem .5rem;vertical-align:top;text-align:left}th{background:#f6f8fa}
.side{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:12px;width:50%}del{background:#ffebe9;color:#82071e}
ins{background:#dafbe1;color:#116329;text-decoration:none}.approved{color:#116329}.drift,.missing,.expired{color:#82071e}
.same{color:#8c959f}.added{color:#0969da}.upstream,.portable{color:#0550ae}.conflict{color:#8250df;font-weight:bold}
h2{margin-top:2rem}`

export default defineDiffRenderer({
  name: 'html',
  extensions: ['html', 'htm'],
  description: 'a self-contained HTML page, side by side',
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
  const rows = diff.sections.map(sectionRow).join('')
  return `${fields}<h2>Sections</h2><p>${esc(sectionSummary(diff))}</p><table><tr><th>section</th><th>${esc(diff.a.label)}</th><th>${esc(diff.b.label)}</th></tr>${rows}</table>`
}

function sectionRow(s: SectionChange): string {
  const judged = ('approval' in s ? s.approval : undefined) ?? ('port' in s ? s.port : undefined)
  const status = `${esc(s.kind)}${judged ? ` <span class="${judged}">${esc(changeLabel(s))}</span>` : ''}`
  const head = `<td><strong>${esc(s.path)}</strong><br><small class="${s.kind === 'same' ? 'same' : ''}">${status}</small></td>`
  if (s.kind === 'added') return `<tr>${head}<td class="side"></td><td class="side"><ins>${esc(s.text)}</ins></td></tr>`
  if (s.kind === 'removed')
    return `<tr>${head}<td class="side"><del>${esc(s.text)}</del></td><td class="side"></td></tr>`
  const words = 'words' in s ? s.words : undefined
  if (!words) return `<tr>${head}<td class="side same" colspan="2">unchanged</td></tr>`
  const note = coarseNote('coarse' in s ? s.coarse : undefined)
  if (note)
    return `<tr>${head}<td class="side" colspan="2"><p><em>${esc(note)}</em></p></td></tr><tr><td></td><td class="side">${side(words, 'removed')}</td><td class="side">${side(words, 'added')}</td></tr>`
  return `<tr>${head}<td class="side">${side(words, 'removed')}</td><td class="side">${side(words, 'added')}</td></tr>`
}

/** One side of a word diff: shared words plus the side's own, marked. */
function side(words: readonly WordChange[], own: 'added' | 'removed'): string {
  const tag = own === 'added' ? 'ins' : 'del'
  return words
    .filter(w => w.type === 'same' || w.type === own)
    .map(w => (w.type === own ? `<${tag}>${esc(w.text)}</${tag}>` : esc(w.text)))
    .join('')
}

function renderMatrix(m: DriftMatrix): string {
  const head = `<tr><th>section</th>${m.columns.map(c => `<th title="${esc(c.file)}">${esc(c.market)}</th>`).join('')}</tr>`
  const rows = m.rows
    .map(
      r =>
        `<tr><td>${esc(r.path)}</td>${r.cells.map(s => `<td class="${s}" title="${s}">${STATE_SYMBOL[s]}</td>`).join('')}</tr>`,
    )
    .join('')
  const based = `<tr><td><em>based_on</em></td>${m.columns.map(c => `<td class="${c.outdated ? 'drift' : 'same'}">${esc(c.basedOn ?? '—')}</td>`).join('')}</tr>`
  return `<p>Baseline <code>${esc(m.baseline.file)}</code> at ${esc(m.baseline.version ?? '—')}</p><table>${head}${rows}${based}</table><p>${esc(STATE_LEGEND)}</p>`
}
