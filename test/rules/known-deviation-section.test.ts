import {describe, expect, it} from 'vitest'
import {brief, lintFixture, ofRule, runFixture, sop} from './harness.js'

const RULE = 'known-deviation-section'

const variant = (section: string, extra: string[] = []) =>
  sop(
    {markets: '[DE]', compliance: '[GDPR]'},
    {
      extra: [
        'based_on: 1.4.0',
        'deviations:',
        `  - section: ${section}`,
        '    reason: local law',
        '    approver: eu-legal@example.com',
        ...extra,
      ],
    },
  )

const findings = async (files: Record<string, string>) =>
  ofRule(await lintFixture({'sops/global/refund-escalation.md': sop(), ...files}), RULE)

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('reports a typo at the section value, with a did-you-mean', async () => {
    const found = await findings({'sops/DE/refund-escalation.md': variant('Procedure > Refund abov limit')})
    expect(brief(found)).toEqual(['unknown@15:14'])
    expect(found[0]!.message).toContain('(did you mean "Procedure > Refund above limit"?)')
  })

  it('suggests the full path of a sub-section named without its parents', async () => {
    const found = await findings({'sops/DE/refund-escalation.md': variant('Refund above limit')})
    expect(found[0]!.message).toContain('(did you mean "Procedure > Refund above limit"?)')
  })

  it('accepts a heading path in any case and spacing, and a parent section', async () => {
    expect(await findings({'sops/DE/refund-escalation.md': variant('procedure  >  refund above LIMIT')})).toEqual([])
    expect(await findings({'sops/DE/refund-escalation.md': variant('Procedure')})).toEqual([])
  })

  it("reads an overlay's sections from its effective document", async () => {
    const overlay = sop(
      {markets: '[DE]', compliance: '[GDPR]'},
      {
        extra: [
          'based_on: 1.4.0',
          'inherit: sections',
          'deviations:',
          '  - section: Escalation',
          '    reason: local law',
          '    approver: eu-legal@example.com',
        ],
        body: '# Refund escalation\n\n## Purpose\n\nOurs.\n',
      },
    )
    expect(await findings({'sops/DE/refund-escalation.md': overlay})).toEqual([])
  })
})
