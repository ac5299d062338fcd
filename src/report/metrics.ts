// The metrics sopkit knows, how each is written and compared: scores and rates must reach their
// target (≥), durations must stay within it (≤). Values are parsed, never evaluated.

export type MetricKind = 'score' | 'rate' | 'duration' | 'number'
export type Direction = 'at-least' | 'at-most'

export interface MetricInfo {
  kind: MetricKind
  direction: Direction
}

/** Known metrics by canonical name. Anything else is a number that must reach its target (or a duration that must not exceed it). */
const KNOWN: ReadonlyMap<string, MetricInfo> = new Map([
  ['csat', {kind: 'score', direction: 'at-least'}],
  ['nps', {kind: 'score', direction: 'at-least'}],
  ['resolution_rate', {kind: 'rate', direction: 'at-least'}],
  ['first_contact_resolution', {kind: 'rate', direction: 'at-least'}],
  ['automation_rate', {kind: 'rate', direction: 'at-least'}],
  ['sla_attainment', {kind: 'rate', direction: 'at-least'}],
  ['deflection_rate', {kind: 'rate', direction: 'at-least'}],
  ['reopen_rate', {kind: 'rate', direction: 'at-most'}],
  ['repeat_contact_rate', {kind: 'rate', direction: 'at-most'}],
  ['transfer_rate', {kind: 'rate', direction: 'at-most'}],
  ['first_response', {kind: 'duration', direction: 'at-most'}],
  ['resolution_time', {kind: 'duration', direction: 'at-most'}],
  ['average_handling_time', {kind: 'duration', direction: 'at-most'}],
] as Array<[string, MetricInfo]>)

/** Other spellings a metrics export uses for the same metric. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['csat_score', 'csat'],
  ['satisfaction', 'csat'],
  ['fcr', 'first_contact_resolution'],
  ['containment', 'automation_rate'],
  ['containment_rate', 'automation_rate'],
  ['automation', 'automation_rate'],
  ['automation_coverage', 'automation_rate'],
  ['sla', 'sla_attainment'],
  ['frt', 'first_response'],
  ['first_response_time', 'first_response'],
  ['aht', 'average_handling_time'],
  ['average_handle_time', 'average_handling_time'],
  ['handling_time', 'average_handling_time'],
])

/** A unit written in a header, "First response (min)" or "Resolution rate (%)", for bare numbers in that column. */
export type HeaderUnit = 's' | 'm' | 'h' | 'd' | '%'

const UNIT_WORDS: ReadonlyMap<string, HeaderUnit> = new Map([
  ['s', 's'],
  ['sec', 's'],
  ['secs', 's'],
  ['seconds', 's'],
  ['m', 'm'],
  ['min', 'm'],
  ['mins', 'm'],
  ['minutes', 'm'],
  ['h', 'h'],
  ['hr', 'h'],
  ['hrs', 'h'],
  ['hours', 'h'],
  ['d', 'd'],
  ['days', 'd'],
  ['%', '%'],
  ['pct', '%'],
  ['percent', '%'],
] as Array<[string, HeaderUnit]>)

/** "First response", "first-response" and "FIRST_RESPONSE" are all first_response. */
export function metricName(written: string): string {
  const key = written
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
  return ALIASES.get(key) ?? key
}

/** A header's metric name and the unit in its parentheses, if any. */
export function metricHeader(header: string): {metric: string; unit?: HeaderUnit} {
  const m = /^(.*?)\s*\(\s*([^)]*?)\s*\)\s*$/.exec(header)
  const unit = m ? UNIT_WORDS.get(m[2]!.toLowerCase()) : undefined
  return unit ? {metric: metricName(m![1]!), unit} : {metric: metricName(header)}
}

export function knownMetric(metric: string): MetricInfo | undefined {
  return KNOWN.get(metric)
}

const SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
}

/** Seconds in "2h", "1h 30m", "90 min", "1.5h", "01:30" (h:mm) or "01:30:15"; undefined when it is none of them. */
export function parseDuration(text: string, unit?: HeaderUnit): number | undefined {
  const t = text.trim().toLowerCase()
  const clock = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(t)
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0)
  if (/^\d+(\.\d+)?$/.test(t)) return unit && unit !== '%' ? Number(t) * SECONDS[unit]! : undefined
  const parts = [...t.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)\s*/g)]
  if (parts.length === 0 || parts.map(p => p[0]).join('') !== t.replace(/^\s+/, '')) return undefined
  let total = 0
  for (const [, amount, word] of parts) {
    const factor = SECONDS[word!]
    if (factor === undefined) return undefined
    total += Number(amount) * factor
  }
  return total
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/

/** What a value means, or why it cannot be read. */
export type Parsed = {value: number} | {problem: string}

export interface ParseOptions {
  /** A unit from the column's header, for bare numbers. */
  unit?: HeaderUnit
  /** The file uses a decimal comma (a semicolon-separated export from a European locale): 4,5 is 4.5. */
  decimalComma?: boolean
}

/** Read a measured value or a target of a metric of this kind. */
export function parseValue(raw: unknown, kind: MetricKind, options: ParseOptions = {}): Parsed {
  const {unit} = options
  if (typeof raw === 'number')
    return Number.isFinite(raw)
      ? checkRate({value: raw}, kind, String(raw), false)
      : {problem: `${raw} is not a number`}
  if (typeof raw !== 'string') return {problem: `${JSON.stringify(raw)} is not a value`}
  const trimmed = raw.trim()
  // A comma is a decimal separator only in a decimal-comma file, and only where it cannot be a thousands separator.
  const text = options.decimalComma
    ? trimmed.replace(/^([+-]?\d+),(\d+)(?=\s*[%a-z]*$)/i, '$1.$2')
    : trimmed.replace(/,(?=\d{3}\b)/g, '')
  if (kind === 'duration') {
    const seconds = parseDuration(text, unit)
    return seconds === undefined
      ? {problem: `"${raw}" is not a duration (write 2h, 30m, 1h 30m or 01:30)`}
      : {value: seconds}
  }
  const percent = /^(.*?)\s*%$/.exec(text)
  if (percent && NUMBER.test(percent[1]!)) return checkRate({value: Number(percent[1]) / 100}, kind, raw, true)
  if (!NUMBER.test(text)) return {problem: `"${raw}" is not a number`}
  if (unit === '%') return checkRate({value: Number(text) / 100}, kind, raw, true)
  return checkRate({value: Number(text)}, kind, raw, false)
}

/** A rate is a share: 0.85 or 85%, never a bare 85 (which could mean either). */
function checkRate(parsed: {value: number}, kind: MetricKind, raw: string, percent: boolean): Parsed {
  if (kind !== 'rate') return parsed
  if (parsed.value < 0 || parsed.value > 1) {
    return {
      problem: percent
        ? `"${raw}" is not a share between 0% and 100%`
        : `"${raw}" is not a rate between 0 and 1 (write ${raw.trim()}% or ${Number(raw) / 100})`,
    }
  }
  return parsed
}

/** A value as a person reads it: 4.5, 85%, 1h 30m. */
export function formatValue(value: number, kind: MetricKind): string {
  if (kind === 'rate') return `${round(value * 100)}%`
  if (kind === 'duration') return formatDuration(value)
  return String(round(value))
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s'
  const units: Array<[string, number]> = [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ]
  const parts: string[] = []
  let rest = Math.round(seconds)
  for (const [name, size] of units) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${name}`)
      rest %= size
    }
  }
  return parts.slice(0, 2).join(' ')
}
