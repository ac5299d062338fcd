import {describe, expect, it} from 'vitest'
import {brief, lintRule, runFixture, sop} from './harness.js'

const RULE = 'valid-id'

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('accepts kebab-case ids with digits', async () => {
    for (const id of ['refund-escalation', 'sop-2026', 'a', 'dsar-v2-eu'])
      expect(await lintRule(RULE, sop({id}))).toEqual([])
  })

  it('reports an id that is not kebab-case at its value', async () => {
    for (const id of [
      'Refund-Escalation',
      'refund_escalation',
      'refund escalation',
      '-refund',
      'refund-',
      'refund--escalation',
      'réfund',
    ]) {
      const findings = await lintRule(RULE, sop({id: JSON.stringify(id)}))
      expect(brief(findings), id).toEqual(['invalid@2:5'])
    }
  })

  it('says nothing when the id is missing (require-fields does)', async () => {
    expect(await lintRule(RULE, sop({id: null}))).toEqual([])
  })
})
