// The briefing as one self-contained page in the one page shell (core/html-page: no script, no request).
import {escapeHtml as esc} from '../../core/escape.js'
import {htmlPage} from '../../core/html-page.js'
import {loadMarkedHtml, markedHtml} from '../../diff/render/html.js'
import {CHANGE_KINDS, CHANGES_GENERATOR, type DocumentChange, countSummary} from '../model.js'
import {defineChangesRenderer} from './renderer.js'
import {KIND_HEADING, changesPeriod, changesTitle, metadataRows, sectionLabel, sourceLine} from './words.js'

const STYLE = `body{font:15px/1.55 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2328}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de}h3{margin:1.4rem 0 .3rem}
.period,.source,.note{color:#59636e}.source{font-family:ui-monospace,monospace;font-size:13px}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}.section{margin:.8rem 0 .8rem 1rem}.section h4{margin:0;font-size:1rem}.section h4 small{font-weight:normal;color:#59636e}
.words{border-left:3px solid #d0d7de;padding:.2rem .7rem;margin:.3rem 0}
del{background:#ffebe9;color:#82071e}ins{background:#dafbe1;color:#116329;text-decoration:none}
.added,.approved{color:#116329}.changed{color:#9a6700}.retired,.removed{color:#82071e}
@media print{body{margin:0;max-width:none}.words{break-inside:avoid}}`

export default defineChangesRenderer({
  name: 'html',
  extensions: ['html', 'htm'],
  description: 'one self-contained HTML page (inline CSS, no scripts, no requests)',
  load: loadMarkedHtml,
  render: changes => {
    const title = changesTitle(changes)
    const parts = [
      `<h1>${esc(title)}</h1>`,
      `<p class="period">${esc(changesPeriod(changes))}</p>`,
      `<p><strong>${esc(countSummary(changes))}</strong></p>`,
    ]
    for (const kind of CHANGE_KINDS) {
      const docs = changes.documents.filter(d => d.kind === kind)
      if (docs.length === 0) continue
      parts.push(`<h2 class="${kind}">${esc(KIND_HEADING[kind])}</h2>`, ...docs.map(documentBlock))
    }
    return htmlPage(title, `<main>${parts.join('')}</main>`, STYLE, CHANGES_GENERATOR)
  },
})

function documentBlock(doc: DocumentChange): string {
  const out = [`<article><h3>${esc(doc.title)}</h3><p class="source">${esc(sourceLine(doc))}</p>`]
  if (doc.note) out.push(`<p class="note">${esc(doc.note)}</p>`)
  const rows = metadataRows(doc)
  if (rows.length > 0)
    out.push(
      `<table><tr><th>field</th><th>before</th><th>after</th></tr>${rows
        .map(r => `<tr><td>${esc(r.field)}</td><td>${esc(r.before)}</td><td>${esc(r.after)}</td></tr>`)
        .join('')}</table>`,
    )
  doc.sections.forEach((s, i) => {
    const words =
      s.kind === 'added' || s.kind === 'removed'
        ? [{type: s.kind, text: s.text} as const]
        : 'words' in s && s.words
          ? s.words
          : []
    // The section's Markdown rendered as the diff page renders it, both sides merged, changes marked.
    const body = words.length > 0 ? markedHtml(words, 'both', `${doc.id}-${i}`).trim() : ''
    out.push(
      `<div class="section"><h4>${esc(s.path)} <small>${esc(sectionLabel(s))}</small></h4>${body ? `<div class="words">${body}</div>` : ''}</div>`,
    )
  })
  out.push('</article>')
  return out.join('')
}
