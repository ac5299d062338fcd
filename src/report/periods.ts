// Reporting periods as metrics exports write them: 2026-02, Feb 2026, Jan-26, 2026-Q1, Q1 2026,
// 2026-H1, 2026-W05, 2026-02-15, 15 Feb 2026, 02/2026, 2026. Each becomes the calendar span it
// names, so periods sort by date whatever their spelling; an impossible one (2026-02-30, Q5,
// week 53 of a 52-week year) is a problem, never a period.

/** The first and last day of a period, as days since 1970-01-01 (UTC), and one spelling for it. */
export interface PeriodSpan {
  start: number
  end: number
  /** The ISO-like spelling, the same for every way of writing the period (2026-02, 2026-Q1, 2026-W05). */
  canonical: string
}

export type PeriodReading = PeriodSpan | {problem: string}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH_WORDS: ReadonlyMap<string, number> = new Map([
  ...MONTHS.map((m, i) => [m, i + 1] as [string, number]),
  ...[
    'january',
    'february',
    'march',
    'april',
    'june',
    'july',
    'august',
    'september',
    'sept',
    'october',
    'november',
    'december',
  ].map(m => [m, MONTHS.indexOf(m.slice(0, 3)) + 1] as [string, number]),
])

type Token = {kind: 'number'; text: string; value: number} | {kind: 'word'; text: string}

const DAY = 86_400_000

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

function span(start: number, end: number, canonical: string): PeriodSpan {
  return {start, end, canonical}
}

function year(y: number): PeriodSpan {
  return span(dayNumber(y, 1, 1), dayNumber(y, 12, 31), String(y))
}

function month(y: number, m: number, written: string): PeriodReading {
  if (m < 1 || m > 12) return {problem: `"${written}" is not a month (${m} is not 1 to 12)`}
  return span(dayNumber(y, m, 1), dayNumber(y, m, daysInMonth(y, m)), `${y}-${pad(m)}`)
}

function date(y: number, m: number, d: number, written: string): PeriodReading {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return {problem: `"${written}" is not a date on the calendar`}
  const day = dayNumber(y, m, d)
  return span(day, day, `${y}-${pad(m)}-${pad(d)}`)
}

function quarter(y: number, q: number, written: string): PeriodReading {
  if (q < 1 || q > 4) return {problem: `"${written}" is not a quarter (Q1 to Q4)`}
  const first = (q - 1) * 3 + 1
  return span(dayNumber(y, first, 1), dayNumber(y, first + 2, daysInMonth(y, first + 2)), `${y}-Q${q}`)
}

function half(y: number, h: number, written: string): PeriodReading {
  if (h < 1 || h > 2) return {problem: `"${written}" is not a half year (H1 or H2)`}
  return h === 1
    ? span(dayNumber(y, 1, 1), dayNumber(y, 6, 30), `${y}-H1`)
    : span(dayNumber(y, 7, 1), dayNumber(y, 12, 31), `${y}-H2`)
}

/** The Monday that starts ISO week 1: the week holding the year's first Thursday. */
function isoWeekOneMonday(y: number): number {
  const jan4 = dayNumber(y, 1, 4)
  const weekday = (new Date(jan4 * DAY).getUTCDay() + 6) % 7
  return jan4 - weekday
}

function week(y: number, w: number, written: string): PeriodReading {
  const weeks = (isoWeekOneMonday(y + 1) - isoWeekOneMonday(y)) / 7
  if (w < 1 || w > weeks) return {problem: `"${written}" is not a week of ${y} (it has weeks 1 to ${weeks})`}
  const start = isoWeekOneMonday(y) + (w - 1) * 7
  return span(start, start + 6, `${y}-W${pad(w)}`)
}

function tokens(written: string): Token[] | undefined {
  const found = written.toLowerCase().match(/[a-z]+|\d+|[^\s\-/.,_'a-z\d]/g) ?? []
  const out: Token[] = []
  for (const text of found) {
    if (/^\d+$/.test(text)) out.push({kind: 'number', text, value: Number(text)})
    else if (/^[a-z]+$/.test(text)) out.push({kind: 'word', text})
    else return undefined
  }
  return out
}

const isYear = (t: Token | undefined): t is Token & {kind: 'number'} => t?.kind === 'number' && t.text.length === 4
const isSmall = (t: Token | undefined): t is Token & {kind: 'number'} => t?.kind === 'number' && t.text.length <= 2
const monthOf = (t: Token | undefined): number | undefined =>
  t?.kind === 'word' ? MONTH_WORDS.get(t.text.replace(/\.$/, '')) : undefined

type Shape = (t: Token[], written: string) => PeriodReading | undefined

/** A year with a letter-marked part: 2026-Q1, Q1 2026, 2026H2, W5-2026. */
function markedPart(t: Token[], written: string): PeriodReading | undefined {
  if (t.length !== 3) return undefined
  const [y, letter, n] = isYear(t[0]) ? [t[0], t[1], t[2]] : isYear(t[2]) ? [t[2], t[0], t[1]] : []
  if (!y || letter?.kind !== 'word' || !isSmall(n)) return undefined
  if (letter.text === 'q') return quarter(y.value, n.value, written)
  if (letter.text === 'h') return half(y.value, n.value, written)
  if (letter.text === 'w') return week(y.value, n.value, written)
  return undefined
}

/** A named month with a year and maybe a day: Feb 2026, 2026 Feb, Feb-26, 15 Feb 2026, Feb 15 2026, 2026-Feb-15. */
function namedMonth(t: Token[], written: string): PeriodReading | undefined {
  const at = t.findIndex(x => monthOf(x) !== undefined)
  const m = monthOf(t[at])
  if (m === undefined) return undefined
  const rest = t.filter((_, i) => i !== at)
  if (rest.length === 1 && isYear(rest[0])) return month(rest[0].value, m, written)
  // Excel's "Jan-26": a two-digit year after the month.
  if (rest.length === 1 && at === 0 && rest[0]?.kind === 'number' && rest[0].text.length === 2)
    return month(2000 + rest[0].value, m, written)
  if (rest.length !== 2) return undefined
  const [a, b] = rest
  if (isYear(a) && isSmall(b)) return date(a.value, m, b.value, written)
  if (isSmall(a) && isYear(b)) return date(b.value, m, a.value, written)
  return undefined
}

/** Numbers only: 2026, 2026-02, 02/2026, 2026-02-15, 15/02/2026 (day first unless that cannot be). */
function numeric(t: Token[], written: string): PeriodReading | undefined {
  if (t.some(x => x.kind !== 'number')) return undefined
  const [a, b, c] = t
  if (t.length === 1 && isYear(a)) return year(a.value)
  if (t.length === 2 && isYear(a) && isSmall(b)) return month(a.value, b.value, written)
  if (t.length === 2 && isSmall(a) && isYear(b)) return month(b.value, a.value, written)
  if (t.length === 3 && isYear(a) && isSmall(b) && isSmall(c)) return date(a.value, b.value, c.value, written)
  if (t.length === 3 && isSmall(a) && isSmall(b) && isYear(c)) {
    if (a.value > 12 || a.value === b.value) return date(c.value, b.value, a.value, written)
    if (b.value > 12) return date(c.value, a.value, b.value, written)
    return {problem: `"${written}" could be day/month or month/day (write it as ${c.value}-MM-DD)`}
  }
  return undefined
}

const SHAPES: readonly Shape[] = [numeric, markedPart, namedMonth]

/**
 * The span a period names, a problem when it names an impossible one, or undefined when it is
 * no calendar spelling sopkit knows (a fiscal label, say): such periods sort after dated ones,
 * by their text.
 */
export function readPeriod(written: string): PeriodReading | undefined {
  const t = tokens(written.trim())
  if (!t || t.length === 0) return undefined
  for (const shape of SHAPES) {
    const reading = shape(t, written.trim())
    if (reading) return reading
  }
  return undefined
}

/**
 * A comparator of periods in calendar order (a longer span after a shorter one that starts the
 * same day); unknown spellings last, by text. Each spelling is read once per comparator.
 */
export function periodOrder(): (a: string, b: string) => number {
  const spans = new Map<string, PeriodSpan | undefined>()
  const spanOf = (written: string): PeriodSpan | undefined => {
    if (!spans.has(written)) {
      const reading = readPeriod(written)
      spans.set(written, reading && 'start' in reading ? reading : undefined)
    }
    return spans.get(written)
  }
  return (a, b) => {
    const [x, y] = [spanOf(a), spanOf(b)]
    if (x && y) return x.start - y.start || x.end - y.end
    if (x || y) return x ? -1 : 1
    return a.localeCompare(b, 'en', {numeric: true, sensitivity: 'base'})
  }
}
