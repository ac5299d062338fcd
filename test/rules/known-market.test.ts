import {describe, expect, it} from 'vitest'
import {brief, lintOne, lintRule, runFixture, sop} from './harness.js'

const RULE = 'known-market'

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('reports `SGG` at the item, suggesting SG, with no fix (it is not a case slip)', async () => {
    const findings = await lintRule(RULE, sop({markets: '[SGG]'}))
    expect(brief(findings)).toEqual(['unknown@8:11'])
    expect(findings[0]!.message).toContain('"SG"')
    expect(findings[0]!.fixable).toBe(false)
  })

  it('offers to fix lower-case `sg` to "SG"', async () => {
    const text = sop({markets: '[sg]', compliance: '[SG-PDPA]'})
    const findings = await lintRule(RULE, text)
    expect(brief(findings)).toEqual(['unknown@8:11'])
    expect(findings[0]!).toMatchObject({fixable: true, severity: 'error'})
    expect(findings[0]!.fix!.text).toBe('"SG"')
    expect(findings[0]!.fixed).toBe(text.replace('markets: [sg]', 'markets: ["SG"]'))
  })

  it('offers to fix `Global` to "GLOBAL" and `eu` to "EU"', async () => {
    expect((await lintRule(RULE, sop({markets: '[Global]'})))[0]!.fix!.text).toBe('"GLOBAL"')
    expect((await lintRule(RULE, sop({markets: '[eu]', compliance: '[GDPR]'})))[0]!.fix!.text).toBe('"EU"')
  })

  it('accepts ISO codes, the regions EU, EEA, SEA and GLOBAL; NO is Norway', async () => {
    for (const markets of [
      '[GLOBAL]',
      '[EU]',
      '[EEA]',
      '[SEA]',
      '[APAC, LATAM, NORAM, MENA]',
      '[NO]',
      '[DE, FR, IT]',
      '[NA]',
    ]) {
      expect(await lintRule(RULE, sop({markets})), markets).toEqual([])
    }
  })

  it('reports each unknown item of a list at its own position', async () => {
    expect(brief(await lintRule(RULE, sop({markets: '[SG, XX, UK]'})))).toEqual(['unknown@8:15', 'unknown@8:19'])
    expect(brief(await lintRule(RULE, sop({markets: null}, {extra: ['markets:', '  - DE', '  - Germany']})))).toEqual([
      'unknown@14:5',
    ])
  })

  it('reports a scalar market at the value', async () => {
    expect(brief(await lintRule(RULE, sop({markets: 'Singapore'})))).toEqual(['unknown@8:10'])
  })

  it('accepts markets and regions the config adds', async () => {
    const config = {
      taxonomy: {markets: {XK: {name: 'Kosovo'}}, regions: {DACH: {name: 'DACH', markets: ['DE', 'AT', 'CH']}}},
    }
    expect(await lintRule(RULE, sop({markets: '[XK, DACH]'}), {config})).toEqual([])
  })

  it('points at the item it reports, and fixes only that item, when an empty item comes first', async () => {
    const text = sop({markets: '["", sg]', compliance: '[SG-PDPA]'})
    const findings = await lintRule(RULE, text)
    expect(brief(findings)).toEqual(['unknown@8:15'])
    expect(findings[0]!.fixed).toBe(text.replace('markets: ["", sg]', 'markets: ["", "SG"]'))
  })

  it('adds no other finding to a sound regional document', async () => {
    expect(await lintOne(sop({markets: '[EU]', compliance: '[GDPR, DSA, AI-ACT]'}))).toEqual([])
  })
})
