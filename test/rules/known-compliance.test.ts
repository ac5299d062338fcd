import {describe, expect, it} from 'vitest'
import {brief, lintRule, runFixture, sop} from './harness.js'

const RULE = 'known-compliance'

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('accepts the built-in regimes', async () => {
    const compliance =
      '[GDPR, UK-GDPR, SG-PDPA, LGPD, CCPA, PIPL, APPI, PIPA, DPDP, POPIA, PIPEDA, AU-PRIVACY, PSD2, DSA]'
    expect(await lintRule(RULE, sop({compliance}))).toEqual([])
  })

  it('offers to fix a tag in the wrong case', async () => {
    const text = sop({compliance: '[gdpr]'})
    const findings = await lintRule(RULE, text)
    expect(brief(findings)).toEqual(['unknown@10:14'])
    expect(findings[0]!.fix!.text).toBe('"GDPR"')
    expect(findings[0]!.fixed).toBe(text.replace('compliance: [gdpr]', 'compliance: ["GDPR"]'))
  })

  it('reports an unknown tag with no fix', async () => {
    const findings = await lintRule(RULE, sop({compliance: '[GDPR, SOC2]'}))
    expect(brief(findings)).toEqual(['unknown@10:20'])
    expect(findings[0]!.fixable).toBe(false)
  })

  it('suggests the near tag for a typo, without fixing it', async () => {
    const findings = await lintRule(RULE, sop({compliance: '[GDRP]'}))
    expect(brief(findings)).toEqual(['unknown@10:14'])
    expect(findings[0]!.message).toContain('"GDPR"')
    expect(findings[0]!.fixable).toBe(false)
  })

  it('accepts a tag the config adds', async () => {
    const config = {taxonomy: {compliance: {'EU-AI-ACT': {name: 'EU AI Act'}}}}
    expect(await lintRule(RULE, sop({compliance: '[EU-AI-ACT]'}), {config})).toEqual([])
  })
})
