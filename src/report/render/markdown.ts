// For pull requests, wikis and ops reviews: GitHub-flavoured Markdown.
import {markdownCell, markdownTable} from '../../core/escape.js'
import {formatValue} from '../metrics.js'
import {defineReportRenderer} from './renderer.js'
import type {Slice} from '../model.js'
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

/** Channel and intent headers and cells, only when the metrics CSV has them. */
function sliceCells(shown: {channel: boolean; intent: boolean}) {
  return {
    headers: [...(shown.channel ? ['channel'] : []), ...(shown.intent ? ['intent'] : [])],
    cells: (r: Slice) => [...(shown.channel ? [r.channel ?? ''] : []), ...(shown.intent ? [r.intent ?? ''] : [])],
  }
}

export default defineReportRenderer({
  name: 'md',
  extensions: ['md', 'markdown'],
  description: 'Markdown tables',
  render: report => {
    const parts = ['# Metrics report', markdownCell(summaryLine(report))]
    const slices = sliceCells(slicesOf(report))
    parts.push(
      `## Breaches (${report.breaches.length})`,
      report.breaches.length === 0
        ? 'None: every measurement met its target.'
        : markdownTable(
            ['id', 'market', ...slices.headers, 'period', 'metric', 'actual', 'target', 'document'],
            report.breaches.map(b => [
              b.id,
              b.market,
              ...slices.cells(b),
              `${b.period}${b.latest ? ' (latest)' : ''}`,
              b.metric,
              formatValue(b.actual, b.kind),
              breachTarget(b),
              b.file,
            ]),
          ),
    )
    const trending = report.series.filter(s => s.trend)
    if (trending.length > 0) {
      parts.push(
        '## Trends',
        'Latest period against the one before.',
        markdownTable(
          ['id', 'market', ...slices.headers, 'metric', 'periods', 'values', 'trend', 'target'],
          trending.map(s => [
            s.id,
            s.market,
            ...slices.cells(s),
            s.metric,
            `${s.trend!.previousPeriod} → ${s.trend!.latestPeriod}`,
            trendValues(s),
            trendText(s.trend!),
            targetText(s.target, s.kind),
          ]),
        ),
      )
    }
    if (report.channelGaps.length > 0) {
      const intent = sliceCells({channel: false, intent: slicesOf(report).intent})
      parts.push(
        '## Channels side by side',
        'Each metric across channels in the latest period they share.',
        markdownTable(
          ['id', 'market', ...intent.headers, 'metric', 'period', 'by channel', 'gap'],
          report.channelGaps.map(g => [
            g.id,
            g.market,
            ...intent.cells(g),
            g.metric,
            g.period,
            channelValues(g),
            gapText(g),
          ]),
        ),
      )
    }
    const undirected = undirectedNote(report)
    if (undirected) parts.push(`> ${markdownCell(undirected)}`)
    if (report.unmatched.length > 0) {
      parts.push(
        `## Rows that match no document (${report.unmatched.length})`,
        markdownTable(
          ['row', 'id', 'market', 'period', 'why'],
          report.unmatched.map(u => [String(u.row), u.id, u.market, u.period, u.message]),
        ),
      )
    }
    if (report.problems.length > 0)
      parts.push(
        `## Problems (${report.problems.length})`,
        report.problems.map(p => `- ${markdownCell(problemText(p))}`).join('\n'),
      )
    if (report.ignoredColumns.length > 0)
      parts.push(`Columns not read: ${report.ignoredColumns.map(markdownCell).join(', ')}.`)
    return `${parts.join('\n\n')}\n`
  },
})
