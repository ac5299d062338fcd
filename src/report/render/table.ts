// For a person at a terminal: breaches first, then trends, then every row that was not used.
import type {ChalkInstance} from 'chalk'
import {type Column, terminalText, textTable} from '../../inventory/render/text-table.js'
import {formatValue} from '../metrics.js'
import type {Breach, ChannelGap, MetricsReport, Series, Slice} from '../model.js'
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

export default defineReportRenderer({
  name: 'table',
  description: 'aligned tables for a terminal',
  render: (report, {color}) => renderTable(report, color),
})

function renderTable(report: MetricsReport, color: ChalkInstance): string {
  const out = [terminalText(summaryLine(report)), '']
  const slices = sliceColumns<Slice>(slicesOf(report))
  if (report.breaches.length > 0) {
    out.push(
      color.bold(`Breaches (${report.breaches.length})`),
      textTable(report.breaches, breachColumns(color, slices), color),
      '',
    )
  } else if (report.summary.compared > 0) out.push(color.green('No breaches: every measurement met its target.'), '')
  const trending = report.series.filter(s => s.trend)
  if (trending.length > 0)
    out.push(
      color.bold('Trends (latest period against the one before)'),
      textTable(trending, trendColumns(color, slices), color),
      '',
    )
  if (report.channelGaps.length > 0)
    out.push(
      color.bold('Channels side by side (latest period they share)'),
      textTable(report.channelGaps, gapColumns(slicesOf(report).intent), color),
      '',
    )
  const undirected = undirectedNote(report)
  if (undirected) out.push(color.yellow(terminalText(undirected)), '')
  if (report.unmatched.length > 0) {
    out.push(
      color.bold(`Rows that match no document (${report.unmatched.length})`),
      ...report.unmatched.map(u =>
        color.yellow(`  row ${u.row}: ${terminalText(`${u.id} / ${u.market} / ${u.period}: ${u.message}`)}`),
      ),
      '',
    )
  }
  if (report.problems.length > 0)
    out.push(
      color.bold(`Problems (${report.problems.length})`),
      ...report.problems.map(p => color.yellow(`  ${terminalText(problemText(p))}`)),
      '',
    )
  if (report.ignoredColumns.length > 0)
    out.push(
      color.dim(
        `columns not read: ${terminalText(report.ignoredColumns.join(', '))} (name a metric with --map "Column=metric")`,
      ),
    )
  return out.join('\n').trimEnd()
}

/** CHANNEL and INTENT columns, only when the metrics CSV has them. */
function sliceColumns<R extends Slice>(shown: {channel: boolean; intent: boolean}): Array<Column<R>> {
  return [
    ...(shown.channel ? [{title: 'CHANNEL', value: (r: R) => r.channel ?? ''}] : []),
    ...(shown.intent ? [{title: 'INTENT', value: (r: R) => r.intent ?? ''}] : []),
  ]
}

function gapColumns(intent: boolean): Array<Column<ChannelGap>> {
  return [
    {title: 'ID', value: g => g.id},
    {title: 'MARKET', value: g => g.market},
    ...sliceColumns<ChannelGap>({channel: false, intent}),
    {title: 'METRIC', value: g => g.metric},
    {title: 'PERIOD', value: g => g.period},
    {title: 'BY CHANNEL', value: channelValues},
    {title: 'GAP', value: gapText, last: true},
  ]
}

function breachColumns(color: ChalkInstance, slices: Array<Column<Slice>>): Array<Column<Breach>> {
  return [
    {title: 'ID', value: b => b.id},
    {title: 'MARKET', value: b => b.market},
    ...slices,
    {title: 'PERIOD', value: b => b.period + (b.latest ? ' (latest)' : '')},
    {title: 'METRIC', value: b => b.metric},
    {title: 'ACTUAL', value: b => formatValue(b.actual, b.kind), align: 'right', paint: s => color.red(s)},
    {title: 'TARGET', value: breachTarget},
    {title: 'DOCUMENT', value: b => b.file, last: true},
  ]
}

function trendColumns(color: ChalkInstance, slices: Array<Column<Slice>>): Array<Column<Series>> {
  return [
    {title: 'ID', value: s => s.id},
    {title: 'MARKET', value: s => s.market},
    ...slices,
    {title: 'METRIC', value: s => s.metric},
    {title: 'PERIODS', value: s => `${s.trend!.previousPeriod} → ${s.trend!.latestPeriod}`},
    {title: 'VALUES', value: trendValues, align: 'right'},
    {
      title: 'TREND',
      value: s => trendText(s.trend!),
      paint: (t, s) => (s.trend!.better === undefined ? t : s.trend!.better ? color.green(t) : color.red(t)),
    },
    {
      title: 'TARGET',
      value: s => targetText(s.target, s.kind),
      paint: (t, s) => (s.points.at(-1)!.met === false ? color.red(t) : t),
      last: true,
    },
  ]
}
