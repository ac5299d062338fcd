import {describe, expect, it} from 'vitest'
import {runCheck} from '../../src/check/engine.js'
import {loadConfig} from '../../src/core/config.js'
import {isCalendarDate, todayUtc} from '../../src/core/dates.js'
import {tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

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

describe('today', () => {
  it('is the day SOURCE_DATE_EPOCH names when it is set, for check too: one day, whatever the calendar says', async () => {
    expect(todayUtc({SOURCE_DATE_EPOCH: String(Date.UTC(2027, 5, 1, 23, 59) / 1000)})).toBe('2027-06-01')
    expect(todayUtc({})).toBe(new Date().toISOString().slice(0, 10))
    expect(() => todayUtc({SOURCE_DATE_EPOCH: 'soon'})).toThrow(/SOURCE_DATE_EPOCH=soon: not a number of seconds/)
    const repo = tempRepo({'sops/global/refund-escalation.md': doc({front: {review_by: '2027-01-01'}})})
    const overdue = async (day: string) => {
      process.env.SOURCE_DATE_EPOCH = String(Date.parse(`${day}T12:00:00Z`) / 1000)
      const result = await runCheck({config: loadConfig(repo), cwd: repo})
      return result.findings.filter(f => f.ruleId === 'review-overdue').length
    }
    const pinned = process.env.SOURCE_DATE_EPOCH
    try {
      expect(await overdue('2026-12-31')).toBe(0)
      expect(await overdue('2027-01-02')).toBe(1)
    } finally {
      process.env.SOURCE_DATE_EPOCH = pinned
    }
  })
})
