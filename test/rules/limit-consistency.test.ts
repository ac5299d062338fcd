import {describe, expect, it} from 'vitest'
import {lintFixture, ofRule, ruleKeys, runFixture, sop} from './harness.js'

const RULE = 'limit-consistency'

/** A document of family `id` for `markets` stating refund_auto_approve (line 14, name at column 3). */
const stating = (id: string, markets: string, limit: string, status = 'approved') =>
  sop({id, markets, status}, {extra: ['limits:', `  refund_auto_approve: ${limit}`]})

const keys = (files: Record<string, string>) => ruleKeys(RULE, files)

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('reports the bot rule and the SOP a market reads disagreeing, once, on the later file, naming both values', async () => {
    const findings = ofRule(
      await lintFixture({
        'sops/global/refund-escalation.md': stating('refund-escalation', '[GLOBAL]', '{amount: 75, currency: USD}'),
        'sops/global/refund-bot.md': stating('refund-bot', '[GLOBAL]', '{amount: 50, currency: USD}'),
      }),
      RULE,
    )
    expect(findings.map(f => `${f.file}@${f.line}:${f.column}`)).toEqual(['sops/global/refund-escalation.md@14:3'])
    expect(findings[0]!.message).toBe(
      'Limit refund_auto_approve is USD 75 here but USD 50 in sops/global/refund-bot.md, also read in every market without its own variant',
    )
    expect(findings[0]!.severity).toBe('error')
  })

  it('lets a market variant replace its baseline: the US reads the US SOP, not the GLOBAL one', async () => {
    const files = {
      'sops/global/refund-escalation.md': stating('refund-escalation', '[GLOBAL]', '{amount: 50, currency: USD}'),
      'sops/US/refund-escalation.md': stating('refund-escalation', '[US]', '{amount: 75, currency: USD}'),
      'sops/US/refund-bot.md': stating('refund-bot', '[US]', '{amount: 75, currency: USD}'),
    }
    expect(await keys(files)).toEqual([])
    const [finding] = ofRule(
      await lintFixture({
        ...files,
        'sops/US/refund-bot.md': stating('refund-bot', '[US]', '{amount: 50, currency: USD}'),
      }),
      RULE,
    )
    expect(finding!.file).toBe('sops/US/refund-escalation.md')
    expect(finding!.message).toContain('USD 75 here but USD 50 in sops/US/refund-bot.md, also read in US')
  })

  it('never compares two variants of one family, nor documents no market reads together', async () => {
    expect(
      await keys({
        'sops/global/refund-escalation.md': stating('refund-escalation', '[GLOBAL]', '{amount: 75, currency: USD}'),
        'sops/SG/refund-escalation.md': stating('refund-escalation', '[SG]', '{amount: 100, currency: SGD}'),
        'sops/SG/refund-bot.md': stating('refund-bot', '[SG]', '{amount: 100, currency: SGD}'),
        'sops/MY/refund-bot.md': stating('refund-bot', '[MY]', '{amount: 300, currency: MYR}'),
      }),
    ).toEqual(['sops/global/refund-escalation.md limit-consistency:disagree@14:3'])
  })

  it('treats another currency as a disagreement (no exchange rates), and the same duration in other units as agreement', async () => {
    expect(
      await keys({
        'sops/global/a.md': stating('a', '[GLOBAL]', '{amount: 75, currency: USD}'),
        'sops/global/b.md': stating('b', '[GLOBAL]', '{amount: 75, currency: EUR}'),
      }),
    ).toEqual(['sops/global/b.md limit-consistency:disagree@14:3'])
    expect(
      await keys({
        'sops/global/a.md': stating('a', '[GLOBAL]', '{days: 3}'),
        'sops/global/b.md': stating('b', '[GLOBAL]', '{hours: 72}'),
      }),
    ).toEqual([])
    expect(
      await keys({
        'sops/global/a.md': stating('a', '[GLOBAL]', '{days: 3}'),
        'sops/global/b.md': stating('b', '[GLOBAL]', '{count: 3}'),
      }),
    ).toEqual(['sops/global/b.md limit-consistency:disagree@14:3'])
  })

  it('reads a region variant for the markets of its region, and lists the markets in the finding', async () => {
    const [finding] = ofRule(
      await lintFixture({
        'sops/EU/refund-escalation.md': stating('refund-escalation', '[EU]', '{amount: 70, currency: EUR}'),
        'sops/global/refund-escalation.md': stating('refund-escalation', '[GLOBAL]', '{amount: 75, currency: USD}'),
        'sops/global/refund-bot.md': stating('refund-bot', '[GLOBAL]', '{amount: 75, currency: USD}'),
      }),
      RULE,
    )
    expect(finding!.file).toBe('sops/global/refund-bot.md')
    expect(finding!.message).toMatch(
      /USD 75 here but EUR 70 in sops\/EU\/refund-escalation\.md, also read in AT, BE, BG and \d+ more/,
    )
  })

  it('skips limits that do not read (valid-limits reports them) and documents no longer read', async () => {
    expect(
      await keys({
        'sops/global/a.md': stating('a', '[GLOBAL]', '{amount: 75, currency: usd}'),
        'sops/global/b.md': stating('b', '[GLOBAL]', '{amount: 50, currency: USD}'),
        'sops/global/c.md': stating('c', '[GLOBAL]', '{amount: 10, currency: USD}', 'retired'),
      }),
    ).toEqual([])
  })

  it('judges a draft that contradicts before it is approved', async () => {
    expect(
      await keys({
        'sops/global/a.md': stating('a', '[GLOBAL]', '{amount: 75, currency: USD}'),
        'sops/global/b.md': stating('b', '[GLOBAL]', '{amount: 50, currency: USD}', 'draft'),
      }),
    ).toEqual(['sops/global/b.md limit-consistency:disagree@14:3'])
  })
})
