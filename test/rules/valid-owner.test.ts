import {describe, expect, it} from 'vitest'
import {brief, lintRule, runFixture, sop} from './harness.js'

const RULE = 'valid-owner'

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('accepts an email address', async () => {
    for (const owner of ['cs-strategy@example.com', 'jane.doe+sop@cs.example.co.uk']) {
      expect(await lintRule(RULE, sop({owner})), owner).toEqual([])
    }
  })

  it('accepts an @team handle (quoted, as YAML requires)', async () => {
    for (const owner of ['"@cs-ops"', '"@acme/cs-ops"', '"@CS_Ops.sea"'])
      expect(await lintRule(RULE, sop({owner})), owner).toEqual([])
  })

  it('reports a plain name at its value', async () => {
    const findings = await lintRule(RULE, sop({owner: 'Jane Doe'}))
    expect(brief(findings)).toEqual(['invalid@7:8'])
    expect(findings[0]!.severity).toBe('error')
  })

  it("validates a deviation's approver like the owner, at its value", async () => {
    const deviation = (approver: string) =>
      sop(
        {markets: '[DE]', compliance: '[GDPR]'},
        {
          extra: [
            'based_on: 1.4.0',
            'deviations:',
            '  - section: Procedure',
            '    reason: local law',
            `    approver: ${approver}`,
          ],
        },
      )
    expect(brief(await lintRule(RULE, deviation('Jane from legal'), {file: 'sops/DE/doc.md'}))).toEqual([
      'approver@17:15',
    ])
    expect(await lintRule(RULE, deviation('"@eu-legal"'), {file: 'sops/DE/doc.md'})).toEqual([])
    expect(await lintRule(RULE, deviation('eu-legal@example.com'), {file: 'sops/DE/doc.md'})).toEqual([])
  })

  it('reports handles and addresses that reach no one', async () => {
    for (const owner of ['cs-ops', 'cs-ops@', '"@cs ops"', '"@"', 'jane@localhost', '"jane doe@example.com"']) {
      expect(brief(await lintRule(RULE, sop({owner}))), owner).toEqual(['invalid@7:8'])
    }
  })
})
