import {describe, expect, it} from 'vitest'
import {isCalendarDate} from '../../src/core/dates.js'

describe('isCalendarDate', () => {
  it('agrees with the calendar Date keeps, day by day over four centuries', () => {
    const byDate = (value: string) => {
      const [y, m, d] = value.split('-').map(Number) as [number, number, number]
      const date = new Date(Date.UTC(y, m - 1, d))
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    }
    for (let year = 1899; year <= 2301; year++) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
          if (isCalendarDate(value) !== byDate(value)) expect.fail(`${value}: ${isCalendarDate(value)}`)
        }
      }
    }
  })

  it('wants exactly YYYY-MM-DD', () => {
    for (const value of ['2026-1-05', '2026-01-5', '26-01-05', '2026-01-05T00:00', ' 2026-01-05', '2026/01/05', ''])
      expect(isCalendarDate(value)).toBe(false)
  })
})
