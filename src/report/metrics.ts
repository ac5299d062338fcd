// The metrics sopkit knows, how each is written and which way is better: satisfaction, resolution
// and automation must reach their target (≥); contacts, cost, abandonment, escalation and times
// must stay within it (≤). The config's `metrics` says it for any other metric; a metric nobody
// gave a direction is reported as such and never judged. Values are parsed, never evaluated.
import type {MetricSetting} from '../core/config.js'

export type MetricKind = 'score' | 'rate' | 'duration' | 'currency' | 'number'
/** `unknown`: neither sopkit nor the config says which way is better, so nothing is judged. */
export type Direction = 'at-least' | 'at-most' | 'unknown'

/** A score's scale, so a value on another scale (92% against a 1–5 CSAT) is refused, not compared. */
export interface Scale {
  min: number
  max: number
  /** What a value of this metric is, for messages: "a CSAT score on the 1–5 scale". */
  means: string
  /** Where a value on the other scale belongs. */
  other?: string
}

export interface MetricInfo {
  kind: MetricKind
  direction: Direction
  scale?: Scale
}

const higher = (kind: MetricKind, scale?: Scale): MetricInfo => ({kind, direction: 'at-least', ...(scale && {scale})})
const lower = (kind: MetricKind): MetricInfo => ({kind, direction: 'at-most'})

/** Known metrics by canonical name (definitions in the README's `report` section). */
const KNOWN: ReadonlyMap<string, MetricInfo> = new Map([
  [
    'csat',
    higher('score', {
      min: 1,
      max: 5,
      means: 'a CSAT score on the 1–5 scale',
      other: 'a top-2-box share (92%) is the metric csat_top2',
    }),
  ],
  [
    'csat_top2',
    higher('rate', {
      min: 0,
      max: 1,
      means: 'a CSAT top-2-box share (0.92 or 92%)',
      other: 'a 1–5 score is the metric csat',
    }),
  ],
  ['nps', higher('score')],
  ['resolution_rate', higher('rate')],
  ['first_contact_resolution', higher('rate')],
  ['sla_attainment', higher('rate')],
  ['deflection_rate', higher('rate')],
  // Three different numbers a strategy tracks apart: how much traffic automation is offered to,
  // how much of that never reaches a person, and how much is actually resolved by it.
  ['automation_coverage', higher('rate')],
  ['containment_rate', higher('rate')],
  ['automated_resolution_rate', higher('rate')],
  // The bundled library's older, undifferentiated name: kept readable, better replaced by one of the three.
  ['automation_rate', higher('rate')],
  ['contact_rate', lower('number')],
  ['cost_per_contact', lower('currency')],
  ['abandonment_rate', lower('rate')],
  ['escalation_rate', lower('rate')],
  ['reopen_rate', lower('rate')],
  ['repeat_contact_rate', lower('rate')],
  ['transfer_rate', lower('rate')],
  ['first_response', lower('duration')],
  ['resolution_time', lower('duration')],
  ['average_handling_time', lower('duration')],
] as Array<[string, MetricInfo]>)

/** Other spellings a metrics export uses for the same metric. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['csat_score', 'csat'],
  ['satisfaction', 'csat'],
  ['csat_top_2', 'csat_top2'],
  ['csat_top_2_box', 'csat_top2'],
  ['csat_top2_box', 'csat_top2'],
  ['csat_t2b', 'csat_top2'],
  ['top2_box', 'csat_top2'],
  ['top_2_box', 'csat_top2'],
  ['fcr', 'first_contact_resolution'],
  ['containment', 'containment_rate'],
  ['bot_containment', 'containment_rate'],
  ['automation', 'automation_rate'],
  ['automation_coverage_rate', 'automation_coverage'],
  ['automated_resolution', 'automated_resolution_rate'],
  ['ar_rate', 'automated_resolution_rate'],
  ['contacts_per_order', 'contact_rate'],
  ['cpc', 'cost_per_contact'],
  ['abandonment', 'abandonment_rate'],
  ['abandon_rate', 'abandonment_rate'],
  ['escalation', 'escalation_rate'],
  ['escalations_rate', 'escalation_rate'],
  ['sla', 'sla_attainment'],
  ['frt', 'first_response'],
  ['first_response_time', 'first_response'],
  ['aht', 'average_handling_time'],
  ['average_handle_time', 'average_handling_time'],
  ['handling_time', 'average_handling_time'],
  ['handle_time', 'average_handling_time'],
])

/** What the config's `metrics.<name>.unit` means for reading and showing values. */
const METRIC_UNITS: Readonly<Record<NonNullable<MetricSetting['unit']>, MetricKind>> = {
  percent: 'rate',
  score: 'score',
  currency: 'currency',
  seconds: 'duration',
  count: 'number',
  ratio: 'number',
}

/** The config's word over the built-in one: its direction, its unit (else the built-in's kind, else `fallback`). */
export function configuredMetric(
  setting: MetricSetting,
  known: MetricInfo | undefined,
  fallback: MetricKind,
): MetricInfo {
  const kind = setting.unit ? METRIC_UNITS[setting.unit] : (known?.kind ?? fallback)
  const scale = known?.scale && known.kind === kind ? {scale: known.scale} : {}
  return {kind, direction: setting.better === 'lower' ? 'at-most' : 'at-least', ...scale}
}

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
    // Only the table's own words: `5 constructor` is no duration.
    if (!Object.hasOwn(SECONDS, word!)) return undefined
    const factor = SECONDS[word!]!
    total += Number(amount) * factor
  }
  return total
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/

/** Signs that name one currency; `$` and `¥` name several and say nothing. */
const CURRENCY_SIGNS: Readonly<Record<string, string>> = {
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
  '₩': 'KRW',
  '₫': 'VND',
  '฿': 'THB',
  S$: 'SGD',
  R$: 'BRL',
  A$: 'AUD',
  C$: 'CAD',
  US$: 'USD',
  RM: 'MYR',
  Rp: 'IDR',
}

/** What a value means (with its currency when an amount names one), or why it cannot be read. */
export type Parsed =
  | {value: number; currency?: string}
  | {problem: string; /** A number, but on another scale than the metric's. */ offScale?: true}

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
    ? trimmed.replace(/^([^\d,]{0,3}[+-]?\d+),(\d+)(?=\s*[%a-z]*$)/i, '$1.$2')
    : trimmed.replace(/,(?=\d{3}\b)/g, '')
  if (kind === 'duration') {
    const seconds = parseDuration(text, unit)
    return seconds === undefined
      ? {problem: `"${raw}" is not a duration (write 2h, 30m, 1h 30m or 01:30)`}
      : {value: seconds}
  }
  if (kind === 'currency') {
    // A symbol or an ISO code around the amount is read, never converted: amounts compare only in one currency.
    const amount = /^([A-Z]{3}|[A-Z]{0,2}\$|[€£¥₹₩₫฿]|RM|Rp)?\s*([+-]?[\d.]+)\s*([A-Z]{3})?$/.exec(text)
    if (!amount || !NUMBER.test(amount[2]!) || (amount[1] && amount[3]))
      return {problem: `"${raw}" is not an amount (write 4.20, $4.20 or 4.20 USD)`}
    const currency =
      amount[3] ?? CURRENCY_SIGNS[amount[1] ?? ''] ?? (/^[A-Z]{3}$/.test(amount[1] ?? '') ? amount[1] : undefined)
    return currency ? {value: Number(amount[2]), currency} : {value: Number(amount[2])}
  }
  const percent = /^(.*?)\s*%$/.exec(text)
  if (percent && NUMBER.test(percent[1]!)) return checkRate({value: Number(percent[1]) / 100}, kind, raw, true)
  if (!NUMBER.test(text)) return {problem: `"${raw}" is not a number`}
  if (unit === '%') return checkRate({value: Number(text) / 100}, kind, raw, true)
  return checkRate({value: Number(text)}, kind, raw, false)
}

/**
 * Read a value of a metric: by its kind, then against its scale, so a value on another scale (a
 * 92% top-2-box share in a 1–5 CSAT column, a 4.5 score as a top-2-box share) is a problem naming
 * both scales, never a comparison.
 */
export function readValue(raw: unknown, info: MetricInfo, options: ParseOptions = {}): Parsed {
  const parsed = parseValue(raw, info.kind, options)
  const {scale} = info
  if (!scale) return parsed
  const written = typeof raw === 'string' ? raw.trim() : String(raw)
  const elsewhere = scale.other ? `; ${scale.other}` : ''
  if ('problem' in parsed)
    return info.kind === 'rate' && NUMBER.test(written)
      ? {problem: `"${written}" is not ${scale.means}${elsewhere}`, offScale: true}
      : parsed
  const percent = /%\s*$/.test(written) || options.unit === '%'
  if ((info.kind !== 'rate' && percent) || parsed.value < scale.min || parsed.value > scale.max)
    return {problem: `"${written}" is not ${scale.means}${elsewhere}`, offScale: true}
  return parsed
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
  if (kind === 'currency') return value.toFixed(2)
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
