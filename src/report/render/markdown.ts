// For pull requests, wikis and ops reviews: GitHub-flavoured Markdown.
import {markdownCell, markdownTable} from '../../core/escape.js'
import {formatValue} from '../metrics.js'
import {defineReportRenderer} from './renderer.js'
import {breachTarget, problemText, summaryLine, targetText, trendText, trendValues} from './words.js'

export default defineReportRenderer({
  name: 'md',
  extensions: ['md', 'markdown'],
  description: 'Markdown tables',
  render: report => {
    const parts = ['# Metrics report', markdownCell(summaryLine(report))]
    parts.push(
      `## Breaches (${report.breaches.length})`,
      report.breaches.length === 0
        ? 'None: every measurement met its target.'
        : markdownTable(
            ['id', 'market', 'period', 'metric', 'actual', 'target', 'document'],
            report.breaches.map(b => [
              b.id,
              b.market,
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
          ['id', 'market', 'metric', 'periods', 'values', 'trend', 'target'],
          trending.map(s => [
            s.id,
            s.market,
            s.metric,
            `${s.trend!.previousPeriod} → ${s.trend!.latestPeriod}`,
            trendValues(s),
            trendText(s.trend!),
            targetText(s.target, s.kind),
          ]),
        ),
      )
    }
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
