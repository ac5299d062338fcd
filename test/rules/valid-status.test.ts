import {describe, expect, it} from 'vitest'
import {brief, lintRule, runFixture, sop} from './harness.js'

const RULE = 'valid-status'

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('accepts every built-in status', async () => {
    for (const status of ['draft', 'in-review', 'approved', 'deprecated', 'retired']) {
      expect(await lintRule(RULE, sop({status})), status).toEqual([])
    }
  })

  it('offers to fix a status in the wrong case', async () => {
    const text = sop({status: 'Approved'})
    const findings = await lintRule(RULE, text)
    expect(brief(findings)).toEqual(['invalid@6:9'])
    expect(findings[0]!.fix!.text).toBe('"approved"')
    expect(findings[0]!.fixed).toBe(text.replace('status: Approved', 'status: "approved"'))
  })

  it('reports an unknown status with no fix, suggesting a near one', async () => {
    const published = await lintRule(RULE, sop({status: 'published'}))
    expect(brief(published)).toEqual(['invalid@6:9'])
    expect(published[0]!.fixable).toBe(false)
    const typo = await lintRule(RULE, sop({status: 'in-reveiw'}))
    expect(brief(typo)).toEqual(['invalid@6:9'])
    expect(typo[0]!.message).toContain('"in-review"')
    expect(typo[0]!.fixable).toBe(false)
  })

  it('uses the statuses the config lists', async () => {
    const config = {statuses: ['draft', 'live']}
    expect(await lintRule(RULE, sop({status: 'live'}), {config})).toEqual([])
    expect(brief(await lintRule(RULE, sop({status: 'approved'}), {config}))).toEqual(['invalid@6:9'])
  })
})
