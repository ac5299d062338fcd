// One self-contained page: inline CSS, no scripts, no external requests (a CSP says so too).
import type {Coverage, CoverageCell} from '../model.js'
import {escapeHtml as esc} from '../../core/escape.js'
import {htmlPage} from '../../core/html-page.js'
import {OUT_OF_SCOPE, STATE_LABEL, STATE_SYMBOL, cellSymbol, channelRows, gapLines, nowhereLine} from './legend.js'
import {defineInventoryRenderer} from './renderer.js'

export const HTML_STYLE = `body{font:14px/1.5 system-ui,sans-serif;margin:2rem;color:#1f2328}table{border-collapse:collapse;margin:1rem 0}
td,th{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left}th{background:#f6f8fa}td.c{text-align:center}
.own{background:#dafbe1}.region{background:#ddf4ff}.baseline{color:#57606a}.gap{background:#fff8c5}.none{background:#ffebe9;color:#82071e}.out{color:#8c959f}
.legend span{margin-right:1.5rem}small{color:#57606a}`

export default defineInventoryRenderer({
  name: 'html',
  extensions: ['html', 'htm'],
  description: 'a self-contained HTML page',
  coverage: coverage => htmlPage('Coverage', renderCoverage(coverage), HTML_STYLE),
})

function cellHtml(cell: CoverageCell): string {
  const out = cell.outOfScope && cell.state === 'none'
  const label = `${out ? OUT_OF_SCOPE.label : STATE_LABEL[cell.state]}${cell.region ? ` (${cell.region})` : ''}${cell.file ? `: ${cell.file}` : ''}${cell.status && cell.status !== 'approved' ? ` [${cell.status}]` : ''}${cell.outdated ? ' — outdated' : ''}${cell.pending ? ` — ${cell.pending.file} is ${cell.pending.status}, not in force` : ''}`
  const classes = [out ? 'out' : cell.state, cell.gap ? 'gap' : ''].filter(Boolean).join(' ')
  return `<td class="c ${classes}" title="${esc(label)}">${cellSymbol(cell)}${cell.region ? ` ${esc(cell.region)}` : ''}${cell.outdated ? '*' : ''}${cell.pending ? '~' : ''}</td>`
}

function renderCoverage(coverage: Coverage): string {
  const head = coverage.markets.map(m => `<th>${esc(m)}</th>`).join('')
  const families = coverage.families
    .map(
      f =>
        `<tr><th title="${esc(f.title)}">${esc(f.id)}</th><td>${esc(f.type)}</td>${f.cells.map(cellHtml).join('')}</tr>`,
    )
    .join('')
  const {rows, nowhere} = channelRows(coverage)
  const channels = rows
    .map(
      ({channel, index: i}) =>
        `<tr><th>${esc(channel)}</th>${coverage.marketChannels
          .map(m => {
            const ids = m.channels[i]!.ids
            return ids.length === 0
              ? '<td class="c none" title="no approved document">✗</td>'
              : `<td class="c" title="${esc(ids.join(', '))}">${ids.length}</td>`
          })
          .join('')}</tr>`,
    )
    .join('')
  const legend = (Object.keys(STATE_SYMBOL) as Array<keyof typeof STATE_SYMBOL>)
    .map(s => `<span class="${s}">${STATE_SYMBOL[s]} ${esc(STATE_LABEL[s])}</span>`)
    .join('')
    .concat(`<span class="out">${OUT_OF_SCOPE.symbol} ${esc(OUT_OF_SCOPE.label)}</span>`)
  const gaps = gapLines(coverage)
  return (
    `<h1>Coverage</h1><h2>Families × markets</h2><table><tr><th>family</th><th>type</th>${head}</tr>${families}</table>` +
    `<p class="legend">${legend}<span class="gap">gap</span><span>* outdated variant</span></p>` +
    `<h2>Channels × markets</h2><p><small>Approved documents each market reads, per channel.</small></p><table><tr><th>channel</th>${head}</tr>${channels}</table>` +
    (nowhere.length > 0 ? `<p class="none">${esc(nowhereLine(nowhere)!)}</p>` : '') +
    `<h2>Gaps</h2>${gaps.length > 0 ? `<ul>${gaps.map(g => `<li>${esc(g)}</li>`).join('')}</ul>` : '<p>None.</p>'}`
  )
}
