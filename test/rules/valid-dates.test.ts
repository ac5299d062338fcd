import {describe, expect, it} from 'vitest'
import {brief, lintRule, runFixture, sop} from './harness.js'

const RULE = 'valid-dates'

function deviation(expires: string): string[] {
  return [
    'deviations:',
    '  - section: Scope',
    '    reason: Local law',
    '    approver: legal@example.com',
    `    expires: ${expires}`,
  ]
}

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('accepts calendar dates, leap days included', async () => {
    expect(await lintRule(RULE, sop({effective: '2024-02-29', review_by: '2099-12-31'}))).toEqual([])
  })

  it('reports 2026-02-30 and 2026-02-29 (not a leap year) at the value', async () => {
    expect(brief(await lintRule(RULE, sop({effective: '2026-02-30'})))).toEqual(['invalid@11:12'])
    expect(brief(await lintRule(RULE, sop({effective: '2026-02-29'})))).toEqual(['invalid@11:12'])
  })

  it('reports dates not written YYYY-MM-DD', async () => {
    for (const review_by of [
      '31/12/2099',
      '2099-1-5',
      '2099-12-31T00:00:00Z',
      '"December 2099"',
      '2099-13-01',
      '2099-12-32',
    ]) {
      expect(brief(await lintRule(RULE, sop({review_by}))), review_by).toEqual(['invalid@12:12'])
    }
  })

  it('checks deviation expiry dates', async () => {
    expect(await lintRule(RULE, sop({}, {extra: deviation('2027-01-31')}))).toEqual([])
    expect(brief(await lintRule(RULE, sop({}, {extra: deviation('2027-02-30')})))).toEqual(['invalid@17:14'])
  })

  it('says nothing of absent dates', async () => {
    expect(await lintRule(RULE, sop({type: 'strategy', effective: null}))).toEqual([])
  })

  it('points at the expires of the right deviation when a list item before it is not a mapping', async () => {
    const extra = ['deviations:', '  - see the legal wiki', '  - section: Scope', '    expires: 2027-13-01']
    expect(brief(await lintRule(RULE, sop({}, {extra})))).toEqual(['invalid@16:14'])
  })
})
