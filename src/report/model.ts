// What `sopkit report` builds and every renderer reads: measurements joined with the targets of
// the document each market reads, the breaches, the trend of every series, and every row that
// could not be used (never silently dropped).
import type {Direction, MetricKind} from './metrics.js'

export interface TargetValue {
  value: number
  /** As the document wrote it. */
  written: string
  direction: Direction
  /** The currency an amount names (4.00 USD, S$4.00). */
  currency?: string
}

export interface Point {
  period: string
  value: number
  /** As the CSV wrote it. */
  written: string
  row: number
  /** Whether the target was met; absent when the document sets no target for the metric. */
  met?: boolean
}

export type TrendDirection = 'up' | 'down' | 'flat'

export interface Trend {
  previousPeriod: string
  latestPeriod: string
  previous: number
  latest: number
  change: number
  direction: TrendDirection
  /** Up for a metric that must reach its target, down for one that must stay within it; absent when flat or when the direction is unknown. */
  better?: boolean
}

/** The channel and intent a row measures, when the metrics CSV has those columns and the cell is not empty. */
export interface Slice {
  channel?: string
  intent?: string
}

/** One metric of one family in one market (and channel and intent), period by period. */
export interface Series extends Slice {
  id: string
  market: string
  metric: string
  kind: MetricKind
  /** Whether the metric must reach its target (≥), stay within it (≤), or nobody said (never judged). */
  direction: Direction
  /** The document the market reads (through the variant resolver) and how. */
  file: string
  via: 'market' | 'region' | 'baseline'
  /** A more specific variant not in force yet (a draft): its targets are not used until it is approved. */
  pending?: {file: string; status: string}
  target?: TargetValue
  points: Point[]
  trend?: Trend
}

export interface Breach extends Slice {
  id: string
  market: string
  period: string
  metric: string
  kind: MetricKind
  actual: number
  actualWritten: string
  target: number
  targetWritten: string
  direction: Direction
  file: string
  row: number
  /** The series' latest period. */
  latest: boolean
}

export type UnmatchedReason = 'unknown-id' | 'unknown-market' | 'no-document'

export interface Unmatched {
  row: number
  id: string
  market: string
  period: string
  reason: UnmatchedReason
  message: string
}

/** A row, a cell or a document target that could not be read. */
export interface Problem {
  row?: number
  file?: string
  column?: string
  message: string
}

/** One metric of a family in a market (and intent) side by side across channels, in the latest period they share. */
export interface ChannelGap {
  id: string
  market: string
  intent?: string
  metric: string
  kind: MetricKind
  direction: Direction
  period: string
  values: Array<{channel: string; value: number; met?: boolean}>
  /** Highest value less lowest. */
  gap: number
  /** The channel furthest from better, when the direction is known. */
  behind?: string
}

export interface MetricsReport {
  /** The metrics CSV as named. */
  metrics: string
  periods: string[]
  /** Data rows read (blank rows aside). */
  rows: number
  /** The metrics read: a known metric, one a document targets, or one --map named. */
  metricColumns: string[]
  /** Columns that are neither keys nor metrics. */
  ignoredColumns: string[]
  /** Metrics read whose direction nobody gave (not built in, not in the config's `metrics`): shown, never judged. */
  undirected: string[]
  series: Series[]
  channelGaps: ChannelGap[]
  breaches: Breach[]
  unmatched: Unmatched[]
  problems: Problem[]
  summary: {measurements: number; compared: number; breaches: number; unmatched: number; problems: number}
}
