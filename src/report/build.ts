// `sopkit report` without the CLI: each metrics row joined with the document its market reads
// (the one variant resolver, status first: approved documents) and that document's targets; then breaches
// and trends. Pure: a library and a parsed CSV in, a report out.
import {type Library, type MarketReading, type Resolution, readingFor} from '../core/library.js'
import {didYouMean, marketCodeOf, suggest, unknownMarketMessage} from '../core/taxonomy.js'
import type {CsvRecord, CsvTable} from '../csv/read.js'
import {readValue} from './metrics.js'
import type {Breach, ChannelGap, MetricsReport, Point, Problem, Series, Slice, Trend, Unmatched} from './model.js'
import {periodOrder, readPeriod} from './periods.js'
import {type MetricsTable, readMetricsTable} from './read.js'
import {TargetReader, metricInfoFor} from './targets.js'
import {groupBy} from '../core/group.js'

export interface ReportOptions {
  /** `--map` values. */
  map: readonly string[]
}

/** Periods in calendar order whatever their spelling: Jan 2026 < 2026-02 < 2026-Q2 < 2026-W40. */
export function comparePeriods(a: string, b: string): number {
  return periodOrder()(a, b)
}

export function buildReport(library: Library, table: CsvTable, options: ReportOptions): MetricsReport {
  const infoFor = metricInfoFor(library)
  const metrics = readMetricsTable(table, options.map, infoFor)
  const targets = new TargetReader(infoFor, library.config.taxonomy.channels)
  const problems: Problem[] = []
  const unmatched: Unmatched[] = []
  const series = new Map<string, Series>()
  const seen = new Map<string, number>()
  let measurements = 0
  for (const record of metrics.records) {
    const keyed = keysOf(metrics, record, problems, seen, library)
    if (!keyed) continue
    const read = resolveRow(library, keyed, record.row)
    if ('reason' in read) {
      unmatched.push(read)
      continue
    }
    for (const column of metrics.columns) {
      const cell = record.cells[column.index] ?? ''
      if (cell === '') continue
      const target = targets.target(read.document, column.metric, keyed.channel)
      const parsed = readValue(cell, column, {unit: column.unit, decimalComma: table.delimiter === ';'})
      if ('problem' in parsed) {
        // A value on the wrong scale names the target it would have been compared with.
        const against = parsed.offScale && target ? ` (${read.document.file} targets ${target.written})` : ''
        problems.push({row: record.row, column: column.header, message: `${parsed.problem}${against}`})
        continue
      }
      if (parsed.currency && target?.currency && parsed.currency !== target.currency) {
        problems.push({
          row: record.row,
          column: column.header,
          message: `"${cell}" is in ${parsed.currency} but ${read.document.file} targets ${target.written}: amounts are never converted, export them in ${target.currency}`,
        })
        continue
      }
      measurements++
      const key = [keyed.id, keyed.market, keyed.channel ?? '', keyed.intent ?? '', column.metric].join('\u0000')
      let s = series.get(key)
      if (!s) {
        s = {
          id: keyed.id,
          market: keyed.market,
          ...sliceOf(keyed),
          metric: column.metric,
          kind: column.kind,
          direction: column.direction,
          file: read.document.file,
          via: read.via,
          ...pendingOf(read),
          target,
          points: [],
        }
        series.set(key, s)
      }
      s.points.push({period: keyed.period, value: parsed.value, written: cell, row: record.row})
    }
  }
  const byPeriod = periodOrder()
  const all = [...series.values()].map(s => finishSeries(s, byPeriod)).sort(bySeries)
  const breaches = all.flatMap(breachesOf)
  const allProblems = [...targets.problems, ...problems]
  return {
    metrics: table.file,
    periods: [...new Set(all.flatMap(s => s.points.map(p => p.period)))].sort(byPeriod),
    rows: metrics.records.length,
    metricColumns: metrics.columns.map(c => c.metric),
    ignoredColumns: metrics.ignored,
    undirected: metrics.columns.filter(c => c.direction === 'unknown').map(c => c.metric),
    series: all,
    channelGaps: channelGaps(all, byPeriod),
    breaches,
    unmatched,
    problems: allProblems,
    summary: {
      measurements,
      compared: all.reduce((n, s) => n + s.points.filter(p => p.met !== undefined).length, 0),
      breaches: breaches.length,
      unmatched: unmatched.length,
      problems: allProblems.length,
    },
  }
}

interface RowKeys extends Slice {
  id: string
  market: string
  period: string
}

function sliceOf(keys: Slice): Slice {
  return {
    ...(keys.channel !== undefined && {channel: keys.channel}),
    ...(keys.intent !== undefined && {intent: keys.intent}),
  }
}

/** The row's id, market, period (and channel and intent), or a problem (ragged row, empty key, unknown channel, repeated key). */
function keysOf(
  metrics: MetricsTable,
  record: CsvRecord,
  problems: Problem[],
  seen: Map<string, number>,
  library: Library,
): RowKeys | undefined {
  if (record.problem) return void problems.push({row: record.row, message: record.problem})
  const cell = (index: number | undefined) => (index === undefined ? '' : (record.cells[index] ?? '').trim())
  const id = cell(metrics.keys.id)
  // Codes are upper case, whatever case the export used ("sg", "Global").
  const market = cell(metrics.keys.market).toUpperCase()
  const period = cell(metrics.keys.period)
  // "AI agent", "Live_Chat" and "live-chat" are the taxonomy's live-chat.
  const channel =
    cell(metrics.keys.channel)
      .toLowerCase()
      .replace(/[\s_]+/g, '-') || undefined
  const intent = cell(metrics.keys.intent) || undefined
  const empty = [
    ['id', id],
    ['market', market],
    ['period', period],
  ]
    .filter(([, v]) => v === '')
    .map(([k]) => k)
  if (empty.length > 0)
    return void problems.push({
      row: record.row,
      message: `no ${empty.join(', ')}: the row cannot be joined with a document`,
    })
  const {channels} = library.config.taxonomy
  if (channel !== undefined && !Object.hasOwn(channels, channel))
    return void problems.push({
      row: record.row,
      column: 'channel',
      message: `unknown channel "${channel}"${didYouMean(suggest(channel, Object.keys(channels)))}: the row is not used (channels: ${Object.keys(channels).join(', ')})`,
    })
  const reading = readPeriod(period)
  if (reading && 'problem' in reading)
    return void problems.push({row: record.row, message: `period ${reading.problem}: the row is not used`})
  // One period spelled two ways (2026-01, Jan 2026) is one period.
  const key = [id, market, channel ?? '', intent ?? '', reading?.canonical ?? period].join('\u0000')
  const first = seen.get(key)
  if (first !== undefined)
    return void problems.push({
      row: record.row,
      message: `repeats row ${first} (${[id, market, channel, intent, period].filter(Boolean).join(', ')}); its values are not used`,
    })
  seen.set(key, record.row)
  return {id, market, period, ...sliceOf({channel, intent})}
}

function pendingOf(read: Resolution & Pick<MarketReading, 'pending'>): Pick<Series, 'pending'> {
  const doc = read.pending?.document
  return doc ? {pending: {file: doc.file, status: doc.meta.status ?? 'no status'}} : {}
}

/** The document the row's market reads (with the variant not yet in force, if any), or why there is none. */
function resolveRow(
  library: Library,
  keys: RowKeys,
  row: number,
): (Resolution & Pick<MarketReading, 'pending'>) | Unmatched {
  const {taxonomy} = library.config
  const base = {row, ...keys}
  const family = library.families.get(keys.id)
  if (!family) {
    const hint = suggest(keys.id, library.families.keys())
    return {...base, reason: 'unknown-id', message: `no document has the id "${keys.id}"${didYouMean(hint)}`}
  }
  const market = marketCodeOf(taxonomy, keys.market)
  if (market !== undefined && market !== keys.market) return resolveRow(library, {...keys, market}, row)
  const unknownMarket = unknownMarketMessage(taxonomy, keys.market)
  if (unknownMarket) return {...base, reason: 'unknown-market', message: unknownMarket.message}
  const {read, pending} = readingFor(taxonomy, family, keys.market)
  if (read) return pending ? {...read, pending} : read
  const draft = pending
    ? `; ${pending.document.file} is ${pending.document.meta.status ?? 'not approved'}, not in force`
    : ''
  return {
    ...base,
    reason: 'no-document',
    message: `no approved document of "${keys.id}" applies to ${keys.market} (no variant for it or its regions, and no GLOBAL baseline${draft})`,
  }
}

/** Points in period order, each judged against the target, and the latest-vs-previous trend. */
function finishSeries(s: Series, byPeriod: (a: string, b: string) => number): Series {
  const points = [...s.points].sort((a, b) => byPeriod(a.period, b.period)).map(p => judge(p, s))
  return {...s, points, trend: trendOf(points, s)}
}

function judge(point: Point, s: Series): Point {
  if (!s.target || s.target.direction === 'unknown') return point
  const met = s.target.direction === 'at-least' ? point.value >= s.target.value : point.value <= s.target.value
  return {...point, met}
}

function trendOf(points: readonly Point[], s: Series): Trend | undefined {
  if (points.length < 2) return undefined
  const previous = points.at(-2)!
  const latest = points.at(-1)!
  // Rounded so that 0.1 + 0.2 style noise reads as flat.
  const change = Math.round((latest.value - previous.value) * 1e6) / 1e6
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat'
  const trend: Trend = {
    previousPeriod: previous.period,
    latestPeriod: latest.period,
    previous: previous.value,
    latest: latest.value,
    change,
    direction,
  }
  if (direction !== 'flat' && s.direction !== 'unknown')
    trend.better = (direction === 'up') === (s.direction === 'at-least')
  return trend
}

function breachesOf(s: Series): Breach[] {
  const last = s.points.at(-1)
  return s.points
    .filter(p => p.met === false)
    .map(p => ({
      id: s.id,
      market: s.market,
      ...sliceOf(s),
      period: p.period,
      metric: s.metric,
      kind: s.kind,
      actual: p.value,
      actualWritten: p.written,
      target: s.target!.value,
      targetWritten: s.target!.written,
      direction: s.target!.direction,
      file: s.file,
      row: p.row,
      latest: p === last,
    }))
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function bySeries(a: Series, b: Series): number {
  return (
    compare(a.id, b.id) ||
    compare(a.market, b.market) ||
    compare(a.intent ?? '', b.intent ?? '') ||
    compare(a.metric, b.metric) ||
    compare(a.channel ?? '', b.channel ?? '')
  )
}

/**
 * Each metric of a family in a market (and intent) measured on two channels or more, side by side
 * in the latest period at least two of them share: the bot-versus-agent gap a strategy tracks.
 */
function channelGaps(all: readonly Series[], byPeriod: (a: string, b: string) => number): ChannelGap[] {
  const groups = groupBy(all, s =>
    s.channel === undefined ? undefined : [s.id, s.market, s.intent ?? '', s.metric].join('\u0000'),
  )
  const gaps: ChannelGap[] = []
  for (const list of groups.values()) {
    if (list.length < 2) continue
    const periods = list.flatMap(s => s.points.map(p => p.period))
    const shared = [...new Set(periods)].filter(p => periods.filter(q => q === p).length >= 2).sort(byPeriod)
    const period = shared.at(-1)
    if (period === undefined) continue
    const values = list.flatMap(s => {
      const point = s.points.find(p => p.period === period)
      return point ? [{channel: s.channel!, value: point.value, ...(point.met !== undefined && {met: point.met})}] : []
    })
    const sorted = [...values].sort((a, b) => a.value - b.value)
    const first = list[0]!
    const gap: ChannelGap = {
      id: first.id,
      market: first.market,
      ...(first.intent !== undefined && {intent: first.intent}),
      metric: first.metric,
      kind: first.kind,
      direction: first.direction,
      period,
      values,
      gap: Math.round((sorted.at(-1)!.value - sorted[0]!.value) * 1e6) / 1e6,
    }
    if (gap.gap > 0 && first.direction !== 'unknown')
      gap.behind = (first.direction === 'at-least' ? sorted[0] : sorted.at(-1))!.channel
    gaps.push(gap)
  }
  return gaps
}
