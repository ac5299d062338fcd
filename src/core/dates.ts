// Calendar dates as documents write them: YYYY-MM-DD strings, compared as text, in UTC.
import {SopkitError} from './errors.js'

/** Today as YYYY-MM-DD in UTC. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10)
}

/** A YYYY-MM-DD date that exists on the calendar. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3])
}

/** A `--date` flag: its value when it is a calendar date, today (UTC) when it is absent. */
export function dateFlag(value: string | undefined, flag = '--date'): string {
  if (value === undefined) return todayUtc()
  if (!isCalendarDate(value)) throw new SopkitError('INVALID_DATE', `${flag} ${value}: not a calendar date`, `write it as YYYY-MM-DD, e.g. ${flag} 2026-05-01`)
  return value
}
