import {describe, expect, it} from 'vitest'
import {brief, lintRule, runFixture, sop} from './harness.js'

const RULE = 'require-compliance'

/** The findings of this rule on a document of a human channel (bots add AI and DSA duties, tested apart). */
async function missing(
  fields: Record<string, string | null>,
  extra: string[] = [],
  config?: unknown,
): Promise<string[]> {
  const findings = await lintRule(RULE, sop({channels: '[agent-assisted]', ...fields}, {extra}), {config})
  return findings.map(f => `${f.messageId}@${f.line}:${f.column}`)
}

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('requires GDPR of a DE document, reported at the compliance key', async () => {
    expect(await missing({markets: '[DE]'})).toEqual(['missing@10:1'])
    expect(await missing({markets: '[DE]', compliance: '[GDPR]'})).toEqual([])
  })

  it('requires GDPR of Norway (EEA, not EU)', async () => {
    expect(await missing({markets: '[NO]', compliance: '[GDPR]'})).toEqual([])
    expect(await missing({markets: '[NO]'})).toEqual(['missing@10:1'])
  })

  it('requires UK-GDPR, not GDPR, of GB', async () => {
    expect(await missing({markets: '[GB]', compliance: '[GDPR]'})).toEqual(['missing@10:1'])
    expect(await missing({markets: '[GB]', compliance: '[UK-GDPR]'})).toEqual([])
  })

  it('requires PSD2 of a payment-service document in DE, and not of a refund one', async () => {
    expect(await missing({markets: '[DE]', compliance: '[GDPR]'}, ['topics: [payment-services]'])).toEqual([
      'missing@10:1',
    ])
    expect(await missing({markets: '[DE]', compliance: '[GDPR, PSD2]'}, ['topics: [payment-services]'])).toEqual([])
    expect(await missing({markets: '[DE]', compliance: '[GDPR, EU-CRD]'}, ['topics: [refunds]'])).toEqual([])
  })

  it('requires DSA of a moderation document in FR', async () => {
    expect(await missing({markets: '[FR]', compliance: '[GDPR]'}, ['topics: [moderation]'])).toEqual(['missing@10:1'])
    expect(await missing({markets: '[FR]', compliance: '[GDPR, DSA]'}, ['topics: [moderation]'])).toEqual([])
  })

  it('does not require DSA of moderation in Norway (EEA but not EU)', async () => {
    expect(await missing({markets: '[NO]', compliance: '[GDPR]'}, ['topics: [moderation]'])).toEqual([])
  })

  it('requires GDPR of a document for the region EU, pointing at markets when there is no compliance key', async () => {
    expect(await missing({markets: '[EU]', compliance: null})).toEqual(['missing@8:1'])
    expect(await missing({markets: '[EU]', compliance: '[GDPR]'})).toEqual([])
  })

  it('requires nothing of a GLOBAL document', async () => {
    expect(await missing({markets: '[GLOBAL]'}, ['topics: [payments, moderation]'])).toEqual([])
  })

  it('reports one finding per missing tag', async () => {
    expect(await missing({markets: '[SG, BR]'})).toEqual(['missing@10:1', 'missing@10:1'])
  })

  it('applies requirements the config adds, by channel', async () => {
    const config = {
      taxonomy: {compliance: {'EU-AI-ACT': {name: 'EU AI Act'}}},
      requirements: [{when: {channel: 'ai-agent'}, require: {compliance: ['EU-AI-ACT']}}],
    }
    expect(await missing({channels: '[ai-agent]'}, [], config)).toEqual(['missing@10:1'])
    expect(await missing({channels: '[chatbot]'}, [], config)).toEqual([])
    expect(await missing({channels: '[ai-agent]', compliance: '[EU-AI-ACT]'}, [], config)).toEqual([])
  })

  it('is an error', async () => {
    const findings = await lintRule(RULE, sop({markets: '[DE]', channels: '[email]'}))
    expect(brief(findings)).toEqual(['missing@10:1'])
    expect(findings[0]!.severity).toBe('error')
  })
})

describe(`${RULE}: AI disclosure has a start date`, () => {
  const bot = (today: string) =>
    lintRule(RULE, sop({markets: '[DE]', channels: '[ai-agent]', compliance: '[GDPR, DSA]'}), {today})

  it('does not require the AI Act of a DE bot document before 2 August 2026 (Reg. 2024/1689 Art. 113)', async () => {
    expect(brief(await bot('2026-08-01'))).toEqual([])
  })

  it('requires it from that day, citing Art. 50', async () => {
    const findings = await bot('2026-08-02')
    expect(brief(findings)).toEqual(['missing@10:1'])
    expect(findings[0]!.message).toContain('AI-ACT')
    expect(findings[0]!.message).toContain('Art. 50')
  })
})
