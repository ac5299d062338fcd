// `check` on structured limits: the bot rule and the SOP a market reads must state the same limit.
import {describe, expect, it} from 'vitest'
import {runSopkit, tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

interface JsonFinding {
  file: string
  ruleId: string
  line: number
  column: number
  severity: string
  message: string
}

const refundLimit = (amount: number) => ({refund_auto_approve: {amount, currency: 'USD'}})

const repo = (botAmount: number) =>
  tempRepo({
    'sops/global/refund-escalation.md': doc({front: {limits: refundLimit(50)}}),
    'sops/US/refund-escalation.md': doc({front: {markets: ['US'], based_on: '1.4.0', limits: refundLimit(75)}}),
    'sops/US/refund-intent-routing.md': doc({
      front: {
        id: 'refund-intent-routing',
        title: 'Refund intent routing',
        markets: ['US'],
        limits: refundLimit(botAmount),
      },
    }),
  })

const limitFindings = async (cwd: string) => {
  const r = await runSopkit(['check', '--json'], {cwd})
  const {findings} = JSON.parse(r.stdout) as {findings: JsonFinding[]}
  return {code: r.code, findings: findings.filter(f => f.ruleId === 'limit-consistency')}
}

describe('sopkit check: limit-consistency', () => {
  it('fails when the US bot rule refunds USD 50 without review while the US SOP says USD 75', async () => {
    const {code, findings} = await limitFindings(repo(50))
    expect(code).toBe(1)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      file: 'sops/US/refund-intent-routing.md',
      severity: 'error',
      message: 'Limit refund_auto_approve is USD 50 here but USD 75 in sops/US/refund-escalation.md, also read in US',
    })
  })

  it('is quiet once the two agree', async () => {
    expect(await limitFindings(repo(75))).toEqual({code: 0, findings: []})
  })
})
