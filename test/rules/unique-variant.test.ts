import {describe, expect, it} from 'vitest'
import {lintFixture, ofRule, ruleKeys, runFixture, sop} from './harness.js'

const RULE = 'unique-variant'

const DE = sop({markets: '[DE]', compliance: '[GDPR]'})

const keys = (files: Record<string, string>) => ruleKeys(RULE, files)

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('reports two DE documents of one id on the later file only, at the market item', async () => {
    expect(await keys({'sops/global/refund-escalation.md': sop(), 'sops/DE/a.md': DE, 'sops/DE/b.md': DE})).toEqual([
      'sops/DE/b.md unique-variant:duplicate@8:11',
    ])
  })

  it('points at the duplicated item of a multi-market list', async () => {
    const other = sop({markets: '[AT, DE]', compliance: '[GDPR]'})
    expect(await keys({'sops/DE/a.md': DE, 'sops/DE/b.md': other})).toEqual([
      'sops/DE/b.md unique-variant:duplicate@8:15',
    ])
  })

  it('reports every market two documents share', async () => {
    const both = sop({markets: '[AT, DE]', compliance: '[GDPR]'})
    expect(await keys({'sops/x/a.md': both, 'sops/x/b.md': both})).toEqual([
      'sops/x/b.md unique-variant:duplicate@8:11',
      'sops/x/b.md unique-variant:duplicate@8:15',
    ])
  })

  it('reports a second GLOBAL baseline', async () => {
    expect(await keys({'sops/global/a.md': sop(), 'sops/global/b.md': sop()})).toEqual([
      'sops/global/b.md unique-variant:duplicate@8:11',
    ])
  })

  it('lets a region variant and a market variant of that region coexist', async () => {
    expect(await keys({'sops/DE/a.md': DE, 'sops/EU/a.md': sop({markets: '[EU]', compliance: '[GDPR]'})})).toEqual([])
  })

  it('lets different families share a market', async () => {
    expect(
      await keys({
        'sops/DE/a.md': DE,
        'sops/DE/b.md': sop({id: 'order-not-received', markets: '[DE]', compliance: '[GDPR]'}),
      }),
    ).toEqual([])
  })

  it('is an error', async () => {
    const [finding] = ofRule(await lintFixture({'sops/DE/a.md': DE, 'sops/DE/b.md': DE}), RULE)
    expect(finding!.severity).toBe('error')
  })
})
