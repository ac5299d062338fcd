// Calendar dates as documents write them: YYYY-MM-DD strings, compared as text, in UTC.
import {SopkitError} from './errors.js'

/**
 * Today as YYYY-MM-DD in UTC, or the day SOURCE_DATE_EPOCH names (reproducible builds' convention):
 * with it set, every command judges review dates, expiries and regimes, and prints covers, as of
 * that one day, so CI over a library does not change verdict as the calendar moves on.
 */
export function todayUtc(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch === undefined || epoch === '') return new Date().toISOString().slice(0, 10)
  if (!/^\d+$/.test(epoch))
    throw new SopkitError(
      'INVALID_DATE',
      `SOURCE_DATE_EPOCH=${epoch}: not a number of seconds`,
      'set it to seconds since 1970 (e.g. `git log -1 --format=%ct`), or unset it',
    )
  // Past year 9999 a date has no YYYY-MM-DD spelling (and Date throws): a user's typo, not an internal error.
  const date = new Date(Number(epoch) * 1000)
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) {
    throw new SopkitError(
      'INVALID_DATE',
      `SOURCE_DATE_EPOCH=${epoch}: out of range (after the year 9999)`,
      'set it to seconds since 1970 (e.g. `git log -1 --format=%ct`), or unset it',
    )
  }
  return date.toISOString().slice(0, 10)
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
