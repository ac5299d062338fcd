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
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** Days in a month of the proleptic Gregorian calendar (what Date uses). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** A `--date` flag: its value when it is a calendar date, today (UTC) when it is absent. */
export function dateFlag(value: string | undefined, flag = '--date'): string {
  if (value === undefined) return todayUtc()
  if (!isCalendarDate(value))
    throw new SopkitError(
      'INVALID_DATE',
      `${flag} ${value}: not a calendar date`,
      `write it as YYYY-MM-DD, e.g. ${flag} 2026-05-01`,
    )
  return value
}
