// Structured limits: the `limits` front-matter map (`refund_auto_approve: {amount: 75, currency:
// USD}`), so that rules can compare what two documents allow instead of reading prose. The schema
// is closed and small on purpose: a money amount, a duration or a count. Anything else is a
// finding (rules/valid-limits), and a limit that does not read is left out of comparisons.

/** A money amount in one currency (ISO 4217 code). Never converted: two currencies never agree. */
export interface MoneyLimit {
  kind: 'money'
  amount: number
  currency: string
}

/** A duration, kept in the unit it was written in; compared in minutes (a day is 24 hours). */
export interface DurationLimit {
  kind: 'duration'
  unit: DurationUnit
  value: number
}

/** A number of things (attempts, contacts, items). */
export interface CountLimit {
  kind: 'count'
  value: number
}

export type Limit = MoneyLimit | DurationLimit | CountLimit

export const DURATION_UNITS = {days: 24 * 60, hours: 60, minutes: 1} as const
export type DurationUnit = keyof typeof DURATION_UNITS

/** The fields a limit may have, one shape at a time: what the mend of a bad limit lists. */
export const LIMIT_SHAPES = '{amount: N, currency: XXX}, {days: N}, {hours: N}, {minutes: N} or {count: N}'

/** snake_case, as metric names are: `refund_auto_approve`, `dsar_response`. */
export const LIMIT_KEY = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/

const CURRENCY = /^[A-Z]{3}$/

/** Why a limit does not read, and the key path (below `limits.<key>`) to point at. */
export interface LimitProblem {
  problem: string
  field?: string
}

/** A limit's value as YAML typed it, read against the closed schema. */
export function readLimit(value: unknown): {limit: Limit} | LimitProblem {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {problem: `is ${describe(value)}, not a mapping`}
  const entry = value as Record<string, unknown>
  const fields = Object.keys(entry)
  if ('amount' in entry || 'currency' in entry) {
    const extra = fields.find(f => f !== 'amount' && f !== 'currency')
    if (extra !== undefined) return {problem: `mixes "${extra}" with a money amount`, field: extra}
    const amount = quantity(entry.amount)
    if (typeof amount === 'string') return {problem: `amount ${amount}`, field: 'amount'}
    const currency = entry.currency
    if (typeof currency !== 'string' || !CURRENCY.test(currency))
      return {
        problem:
          currency === undefined
            ? 'has an amount but no currency'
            : `currency ${describe(currency)} is not an ISO 4217 code (three capital letters)`,
        field: currency === undefined ? undefined : 'currency',
      }
    return {limit: {kind: 'money', amount, currency}}
  }
  if (fields.length !== 1) return {problem: fields.length === 0 ? 'is empty' : `has ${fields.length} quantities`}
  const field = fields[0]!
  const amount = quantity(entry[field])
  if (typeof amount === 'string') return {problem: `${field} ${amount}`, field}
  if (field === 'count') {
    if (!Number.isInteger(amount)) return {problem: `count ${amount} is not a whole number`, field}
    return {limit: {kind: 'count', value: amount}}
  }
  if (field in DURATION_UNITS) return {limit: {kind: 'duration', unit: field as DurationUnit, value: amount}}
  return {problem: `has an unknown quantity "${field}"`, field}
}

/** A finite number at or above zero, or why not. */
function quantity(value: unknown): number | string {
  if (typeof value !== 'number') return `is ${describe(value)}, not a number`
  if (!Number.isFinite(value) || value < 0) return `is ${value}, not a number at or above zero`
  return value
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return JSON.stringify(value)
}

/** True when two limits state the same thing: same currency and amount, same duration, same count. */
export function sameLimit(a: Limit, b: Limit): boolean {
  if (a.kind === 'money') return b.kind === 'money' && a.currency === b.currency && a.amount === b.amount
  if (a.kind === 'duration')
    return b.kind === 'duration' && a.value * DURATION_UNITS[a.unit] === b.value * DURATION_UNITS[b.unit]
  return b.kind === 'count' && a.value === b.value
}

/** How a finding writes a limit: `USD 75`, `3 days`, `5`. */
export function formatLimit(limit: Limit): string {
  if (limit.kind === 'money') return `${limit.currency} ${limit.amount}`
  if (limit.kind === 'duration') return `${limit.value} ${limit.value === 1 ? limit.unit.slice(0, -1) : limit.unit}`
  return String(limit.value)
}

/** A document's limits that read, by key; a `limits` value that is not a mapping gives none. */
export function limitsOf(limits: unknown): Map<string, Limit> {
  const out = new Map<string, Limit>()
  if (typeof limits !== 'object' || limits === null || Array.isArray(limits)) return out
  for (const [key, value] of Object.entries(limits as Record<string, unknown>)) {
    if (!LIMIT_KEY.test(key)) continue
    const read = readLimit(value)
    if ('limit' in read) out.set(key, read.limit)
  }
  return out
}
