// Phrases every report format shares, so a breach or a trend reads the same everywhere.
import {type Direction, formatValue, type MetricKind} from '../metrics.js'
import type {Breach, ChannelGap, MetricsReport, Series, TargetValue, Trend} from '../model.js'

/** "≥ 4.5" to reach, "≤ 2h" to stay within, "12 (direction unknown)" when nobody said which way is better. */
export function targetPhrase(direction: Direction, value: number, kind: MetricKind): string {
  const shown = formatValue(value, kind)
  return direction === 'unknown' ? `${shown} (direction unknown)` : `${direction === 'at-least' ? '≥' : '≤'} ${shown}`
}

export function targetText(target: TargetValue | undefined, kind: MetricKind): string {
  return target ? targetPhrase(target.direction, target.value, kind) : ''
}

export function breachTarget(b: Breach): string {
  return targetPhrase(b.direction, b.target, b.kind)
}

/** Whether any series has a channel or an intent: their columns are shown only then. */
export function slicesOf(report: MetricsReport): {channel: boolean; intent: boolean} {
  return {
    channel: report.series.some(s => s.channel !== undefined),
    intent: report.series.some(s => s.intent !== undefined),
  }
}

/** The note on metrics with no direction, with its mend; undefined when every metric has one. */
export function undirectedNote(report: MetricsReport): string | undefined {
  const names = report.undirected
  if (names.length === 0) return undefined
  return (
    `Direction unknown for ${names.join(', ')}: shown, not judged better or worse against a target — ` +
    `mend: say which way is better in the config's metrics, e.g. metrics: {${names[0]}: {better: lower, unit: count}}`
  )
}

/** A gap as a person reads it: percentage points for rates. */
export function gapText(g: ChannelGap): string {
  const size = g.kind === 'rate' ? `${Math.round(g.gap * 1000) / 10} pts` : formatValue(g.gap, g.kind)
  return g.behind ? `${size}, ${g.behind} behind` : size
}

/** "chatbot 4.1 · live-chat 4.6". */
export function channelValues(g: ChannelGap): string {
  return g.values
    .map(v => `${v.channel} ${formatValue(v.value, g.kind)}${v.met === false ? ' (missed)' : ''}`)
    .join(' · ')
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
