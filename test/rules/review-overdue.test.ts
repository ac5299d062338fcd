import {describe, expect, it} from 'vitest'
import {TODAY, brief, lintRule, runFixture, sop} from './harness.js'

const RULE = 'review-overdue'

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('runs with today = 2026-11-22', () => {
    expect(TODAY).toBe('2026-11-22')
  })

  it('reports a review_by before today at its value', async () => {
    const findings = await lintRule(RULE, sop({review_by: '2026-11-21'}))
    expect(brief(findings)).toEqual(['overdue@12:12'])
    expect(findings[0]!.severity).toBe('error')
  })

  it('accepts a review due today or later', async () => {
    expect(await lintRule(RULE, sop({review_by: '2026-11-22'}))).toEqual([])
    expect(await lintRule(RULE, sop({review_by: '2026-11-23'}))).toEqual([])
  })

  it('applies to drafts and documents in review too', async () => {
    expect(brief(await lintRule(RULE, sop({status: 'draft', review_by: '2026-01-31'})))).toEqual(['overdue@12:12'])
    expect(brief(await lintRule(RULE, sop({status: 'in-review', review_by: '2026-01-31'})))).toEqual(['overdue@12:12'])
  })

  it('exempts retired and deprecated documents', async () => {
    expect(await lintRule(RULE, sop({status: 'retired', effective: '2024-01-01', review_by: '2025-01-01'}))).toEqual([])
    expect(await lintRule(RULE, sop({status: 'deprecated', effective: '2024-01-01', review_by: '2025-01-01'}))).toEqual(
      [],
    )
  })

  it("uses the run's today", async () => {
    expect(brief(await lintRule(RULE, sop(), {today: '2100-01-01'}))).toEqual(['overdue@12:12'])
  })

  it('says nothing of an invalid or absent review date', async () => {
    expect(await lintRule(RULE, sop({review_by: '2026-02-30'}))).toEqual([])
    expect(await lintRule(RULE, sop({review_by: null}))).toEqual([])
  })
})
