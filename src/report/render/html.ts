// One self-contained page: inline CSS and inline SVG charts, no scripts, no external requests
// (its Content-Security-Policy forbids them too), printable.
import {escapeHtml as esc} from '../../core/escape.js'
import {htmlPage} from '../../core/html-page.js'
import {HTML_STYLE} from '../../inventory/render/html.js'
import {formatValue} from '../metrics.js'
import type {MetricsReport, Slice} from '../model.js'
import {type MarketBar, lineChart, marketChart} from './chart.js'
import {defineReportRenderer} from './renderer.js'
import {
  breachTarget,
  channelValues,
  gapText,
  problemText,
  slicesOf,
  summaryLine,
  targetText,
  trendText,
  trendValues,
  undirectedNote,
} from './words.js'
import {groupBy} from '../../core/group.js'

/** Channel and intent header and data cells, only when the metrics CSV has them. */
function sliceCells(report: MetricsReport) {
  const shown = slicesOf(report)
  return {
    headers: `${shown.channel ? '<th>channel</th>' : ''}${shown.intent ? '<th>intent</th>' : ''}`,
    cells: (r: Slice) =>
      `${shown.channel ? `<td>${esc(r.channel ?? '')}</td>` : ''}${shown.intent ? `<td>${esc(r.intent ?? '')}</td>` : ''}`,
  }
}

const STYLE = `${HTML_STYLE}
.charts{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0;border:1px solid #d0d7de;border-radius:6px;padding:.5rem;break-inside:avoid}
figcaption{font-size:12px;color:#57606a}.note{border-left:3px solid #bf8700;padding-left:.5rem}.missed{color:#cf222e;font-weight:600}.better{color:#1a7f37}.worse{color:#cf222e}
@media print{body{margin:1cm}}`

export default defineReportRenderer({
  name: 'html',
  extensions: ['html', 'htm'],
  description: 'a self-contained HTML page with inline SVG charts',
  render: report => htmlPage('Metrics report', renderBody(report), STYLE),
})

function renderBody(report: MetricsReport): string {
  return [
    '<h1>Metrics report</h1>',
    `<p>${esc(summaryLine(report))}</p>`,
    undirected(report),
    breaches(report),
    markets(report),
    gaps(report),
    charts(report),
    trends(report),
    unmatched(report),
    report.problems.length === 0
      ? ''
      : `<h2>Problems (${report.problems.length})</h2><ul>${report.problems.map(p => `<li>${esc(problemText(p))}</li>`).join('')}</ul>`,
    report.ignoredColumns.length === 0
      ? ''
      : `<p><small>Columns not read: ${esc(report.ignoredColumns.join(', '))}</small></p>`,
  ].join('')
}

function breaches(report: MetricsReport): string {
  if (report.breaches.length === 0)
    return `<h2>Breaches (0)</h2><p>${report.summary.compared > 0 ? 'None: every measurement met its target.' : 'No measurement had a target to compare with.'}</p>`
  const slices = sliceCells(report)
  const rows = report.breaches
    .map(
      b =>
        `<tr><td>${esc(b.id)}</td><td>${esc(b.market)}</td>${slices.cells(b)}<td>${esc(b.period)}${b.latest ? ' <small>(latest)</small>' : ''}</td>` +
        `<td>${esc(b.metric)}</td><td class="missed">${esc(formatValue(b.actual, b.kind))}</td><td>${esc(breachTarget(b))}</td><td><code>${esc(b.file)}</code></td></tr>`,
    )
    .join('')
  return `<h2>Breaches (${report.breaches.length})</h2><table><tr><th>id</th><th>market</th>${slices.headers}<th>period</th><th>metric</th><th>actual</th><th>target</th><th>document</th></tr>${rows}</table>`
}

/** Charts grouped by family, market and channel, one figure per metric (and intent). */
function charts(report: MetricsReport): string {
  const groups = groupBy(report.series, s => `${s.id}\u0000${s.market}\u0000${s.channel ?? ''}`)
  if (groups.size === 0) return ''
  const sections = [...groups.values()].map(list => {
    const first = list[0]!
    const via =
      first.via === 'market' ? 'its own variant' : first.via === 'region' ? "a region's variant" : 'the GLOBAL baseline'
    const figures = list
      .map(
        s =>
          `<figure>${lineChart(s)}<figcaption><strong>${esc(s.metric)}</strong>${s.intent ? ` (${esc(s.intent)})` : ''}${s.target ? ` — target ${esc(targetText(s.target, s.kind))}` : ' — no target'}` +
          `${s.trend ? `, ${esc(trendText(s.trend))}` : ''}</figcaption></figure>`,
      )
      .join('')
    return `<h3>${esc(first.id)} · ${esc(first.market)}${first.channel ? ` · ${esc(first.channel)}` : ''}</h3><p><small>Targets from <code>${esc(first.file)}</code> (${via})${first.pending ? `; <code>${esc(first.pending.file)}</code> is ${esc(first.pending.status)}, not in force` : ''}</small></p><div class="charts">${figures}</div>`
  })
  return `<h2>Charts</h2>${sections.join('')}`
}

function trends(report: MetricsReport): string {
  const trending = report.series.filter(s => s.trend)
  if (trending.length === 0) return ''
  const slices = sliceCells(report)
  const rows = trending
    .map(s => {
      const cls = s.trend!.better === undefined ? '' : s.trend!.better ? 'better' : 'worse'
      return (
        `<tr><td>${esc(s.id)}</td><td>${esc(s.market)}</td>${slices.cells(s)}<td>${esc(s.metric)}</td><td>${esc(`${s.trend!.previousPeriod} → ${s.trend!.latestPeriod}`)}</td>` +
        `<td>${esc(trendValues(s))}</td><td class="${cls}">${esc(trendText(s.trend!))}</td><td>${esc(targetText(s.target, s.kind))}</td></tr>`
      )
    })
    .join('')
  return `<h2>Trends</h2><p><small>Latest period against the one before.</small></p><table><tr><th>id</th><th>market</th>${slices.headers}<th>metric</th><th>periods</th><th>values</th><th>trend</th><th>target</th></tr>${rows}</table>`
}

function unmatched(report: MetricsReport): string {
  if (report.unmatched.length === 0) return ''
  const rows = report.unmatched
    .map(
      u =>
        `<tr><td>${u.row}</td><td>${esc(u.id)}</td><td>${esc(u.market)}</td><td>${esc(u.period)}</td><td>${esc(u.message)}</td></tr>`,
    )
    .join('')
  return `<h2>Rows that match no document (${report.unmatched.length})</h2><table><tr><th>row</th><th>id</th><th>market</th><th>period</th><th>why</th></tr>${rows}</table>`
}

function undirected(report: MetricsReport): string {
  const note = undirectedNote(report)
  return note ? `<p class="note">${esc(note)}</p>` : ''
}

/**
 * One bar chart per metric of a family (and intent) measured in two markets or more: each
 * market's latest value, per channel, against its own target.
 */
function markets(report: MetricsReport): string {
  const groups = groupBy(report.series, s => `${s.id}\u0000${s.intent ?? ''}\u0000${s.metric}`)
  const figures = [...groups.values()]
    .filter(list => new Set(list.map(s => s.market)).size >= 2)
    .map((list, index) => {
      const first = list[0]!
      const bars: MarketBar[] = list.map(s => {
        const latest = s.points.at(-1)!
        return {
          market: s.market,
          ...(s.channel !== undefined && {channel: s.channel}),
          period: latest.period,
          value: latest.value,
          target: s.target,
          missed: latest.met === false,
        }
      })
      const title = `${first.metric} for ${first.id}${first.intent ? ` (${first.intent})` : ''} by market, latest period`
      return `<figure>${marketChart(title, first.kind, bars, index)}<figcaption><strong>${esc(first.metric)}</strong> · ${esc(first.id)}${first.intent ? ` (${esc(first.intent)})` : ''}<br>latest per market${bars.some(b => b.channel) ? ' and channel' : ''}; ticks: targets</figcaption></figure>`
    })
  return figures.length === 0 ? '' : `<h2>Markets compared</h2><div class="charts">${figures.join('')}</div>`
}

function gaps(report: MetricsReport): string {
  if (report.channelGaps.length === 0) return ''
  const intent = slicesOf(report).intent
  const rows = report.channelGaps
    .map(
      g =>
        `<tr><td>${esc(g.id)}</td><td>${esc(g.market)}</td>${intent ? `<td>${esc(g.intent ?? '')}</td>` : ''}<td>${esc(g.metric)}</td><td>${esc(g.period)}</td><td>${esc(channelValues(g))}</td><td>${esc(gapText(g))}</td></tr>`,
    )
    .join('')
  return `<h2>Channels side by side</h2><p><small>Each metric across channels in the latest period they share.</small></p><table><tr><th>id</th><th>market</th>${intent ? '<th>intent</th>' : ''}<th>metric</th><th>period</th><th>by channel</th><th>gap</th></tr>${rows}</table>`
}
