import {describe, expect, it} from 'vitest'
import {ruleKeys, runFixture, sop} from './harness.js'

const RULE = 'variant-has-baseline'

const VARIANT = sop({markets: '[DE]', compliance: '[GDPR]'}, {extra: ['based_on: 1.4.0']})

const keys = (files: Record<string, string>) => ruleKeys(RULE, files)

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('reports a variant without a baseline at the based_on key', async () => {
    expect(await keys({'sops/DE/refund-escalation.md': VARIANT})).toEqual([
      'sops/DE/refund-escalation.md variant-has-baseline:missing@13:1',
    ])
  })

  it('accepts a variant whose family has a GLOBAL baseline', async () => {
    expect(await keys({'sops/DE/refund-escalation.md': VARIANT, 'sops/global/refund-escalation.md': sop()})).toEqual([])
  })

  it('does not count a baseline of another family', async () => {
    expect(
      await keys({'sops/DE/refund-escalation.md': VARIANT, 'sops/global/other.md': sop({id: 'order-not-received'})}),
    ).toEqual(['sops/DE/refund-escalation.md variant-has-baseline:missing@13:1'])
  })

  it('does not count a region document as a baseline', async () => {
    expect(
      await keys({
        'sops/DE/refund-escalation.md': VARIANT,
        'sops/EU/refund-escalation.md': sop({markets: '[EU]', compliance: '[GDPR]'}),
      }),
    ).toEqual(['sops/DE/refund-escalation.md variant-has-baseline:missing@13:1'])
  })

  it('says nothing of a market document without based_on, or of a baseline with one', async () => {
    expect(await keys({'sops/DE/a.md': sop({markets: '[DE]', compliance: '[GDPR]'})})).toEqual([])
    expect(await keys({'sops/global/a.md': sop({}, {extra: ['based_on: 1.0.0']})})).toEqual([])
  })
})
