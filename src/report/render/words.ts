// Phrases every report format shares, so a breach or a trend reads the same everywhere.
import {formatValue, type MetricKind} from '../metrics.js'
import type {Breach, MetricsReport, Series, TargetValue, Trend} from '../model.js'

/** "≥ 4.5", "≤ 2h". */
export function targetText(target: TargetValue | undefined, kind: MetricKind): string {
  if (!target) return ''
  return `${target.direction === 'at-least' ? '≥' : '≤'} ${formatValue(target.value, kind)}`
}

export function breachTarget(b: Breach): string {
  return `${b.direction === 'at-least' ? '≥' : '≤'} ${formatValue(b.target, b.kind)}`
}

export const TREND_ARROW = {up: '↑', down: '↓', flat: '→'} as const

/** "↓ down, worse" / "→ flat". */
export function trendText(trend: Trend): string {
  return `${TREND_ARROW[trend.direction]} ${trend.direction}${trend.better === undefined ? '' : trend.better ? ', better' : ', worse'}`
}

/** "4.6 → 4.3" with each value as a person reads it. */
export function trendValues(s: Series): string {
  return s.trend
    ? `${formatValue(s.trend.previous, s.kind)} → ${formatValue(s.trend.latest, s.kind)}`
    : formatValue(s.points.at(-1)!.value, s.kind)
}

/** The one-line summary at the top of every format. */
export function summaryLine(report: MetricsReport): string {
  const {summary} = report
  const periods =
    report.periods.length === 0
      ? 'no periods'
      : report.periods.length === 1
        ? `period ${report.periods[0]}`
        : `periods ${report.periods[0]} … ${report.periods.at(-1)}`
  return (
    `${report.metrics}: ${report.rows} rows, ${summary.measurements} measurements (${summary.compared} against a target), ${periods}; ` +
    `${summary.breaches} ${summary.breaches === 1 ? 'breach' : 'breaches'}, ${summary.unmatched} unmatched ${summary.unmatched === 1 ? 'row' : 'rows'}, ` +
    `${summary.problems} ${summary.problems === 1 ? 'problem' : 'problems'}`
  )
}

/** "row 9: …" or "sops/x.md targets.csat: …". */
export function problemText(p: MetricsReport['problems'][number]): string {
  const where = p.row !== undefined ? `row ${p.row}` : (p.file ?? '')
  return `${where}${p.column ? ` ${p.column}` : ''}: ${p.message}`
}
