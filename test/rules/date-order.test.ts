import {describe, expect, it} from 'vitest'
import {brief, lintRule, runFixture, sop} from './harness.js'

const RULE = 'date-order'

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('reports effective after review_by, at effective', async () => {
    const findings = await lintRule(RULE, sop({effective: '2099-06-01', review_by: '2099-01-01'}))
    expect(brief(findings)).toEqual(['order@11:12'])
    expect(findings[0]!.severity).toBe('error')
  })

  it('accepts effective on or before review_by', async () => {
    expect(await lintRule(RULE, sop({effective: '2099-01-01', review_by: '2099-01-01'}))).toEqual([])
    expect(await lintRule(RULE, sop({effective: '2098-12-31', review_by: '2099-01-01'}))).toEqual([])
  })

  it('compares years, not strings of other shapes', async () => {
    expect(await lintRule(RULE, sop({effective: '2099-09-30', review_by: '2100-01-01'}))).toEqual([])
  })

  it('says nothing when a date is missing or invalid (valid-dates reports those)', async () => {
    expect(await lintRule(RULE, sop({type: 'strategy', effective: null}))).toEqual([])
    expect(await lintRule(RULE, sop({effective: '2099-02-30', review_by: '2099-01-01'}))).toEqual([])
    expect(await lintRule(RULE, sop({effective: '01/06/2099', review_by: '2099-01-01'}))).toEqual([])
  })
})
