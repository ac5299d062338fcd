import {describe, expect, it} from 'vitest'
import {brief, lintOne, lintRule, runFixture, sop} from './harness.js'

const RULE = 'no-yaml-typing'

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('reports `version: 1.10` at its value, with a fix that quotes what was written', async () => {
    const text = sop({version: '1.10'})
    const [finding, ...rest] = await lintRule(RULE, text)
    expect(rest).toEqual([])
    expect(finding).toMatchObject({messageId: 'retyped', line: 5, column: 10, severity: 'error', fixable: true})
    expect(finding!.fix!.text).toBe('"1.10"')
    expect(text.slice(finding!.fix!.start, finding!.fix!.end)).toBe('1.10')
    expect(finding!.fixed).toBe(text.replace('version: 1.10', 'version: "1.10"'))
  })

  it('leaves `markets: [NO]` as Norway: no finding here, and known-market accepts it', async () => {
    const findings = await lintOne(sop({markets: '[NO]', compliance: '[GDPR]'}), {file: 'sops/NO/doc.md'})
    expect(findings).toEqual([])
  })

  it('leaves other YAML 1.1 booleans and unquoted dates alone', async () => {
    const text = sop({
      title: 'yes',
      status: 'approved',
      markets: '[NO]',
      compliance: '[GDPR]',
      channels: '[chatbot, email]',
      effective: '2026-01-15',
    })
    expect(await lintRule(RULE, text)).toEqual([])
  })

  it('accepts quoted values', async () => {
    expect(await lintRule(RULE, sop({version: '"1.10.0"', title: '"404"', id: '"refund-escalation"'}))).toEqual([])
  })

  it('reports numbers and booleans in text fields', async () => {
    expect(brief(await lintRule(RULE, sop({title: '404'})))).toEqual(['retyped@3:8'])
    expect(brief(await lintRule(RULE, sop({status: 'true'})))).toEqual(['retyped@6:9'])
    expect(brief(await lintRule(RULE, sop({}, {extra: ['based_on: 1.0']})))).toEqual(['retyped@13:11'])
  })

  it('reports a retyped list item at the item, in flow and block lists', async () => {
    expect(brief(await lintRule(RULE, sop({channels: '[chatbot, 1]'})))).toEqual(['retyped@9:21'])
    expect(brief(await lintRule(RULE, sop({markets: null}, {extra: ['markets:', '  - GLOBAL', '  - 2026']})))).toEqual([
      'retyped@14:5',
    ])
  })

  it('reports a retyped deviation field', async () => {
    const text = sop(
      {},
      {
        extra: [
          'deviations:',
          '  - section: Scope',
          '    reason: Local law',
          '    approver: legal@example.com',
          '    expires: 20270131',
        ],
      },
    )
    const findings = await lintRule(RULE, text)
    expect(brief(findings)).toEqual(['retyped@17:14'])
    expect(findings[0]!.fix!.text).toBe('"20270131"')
  })

  it('ignores empty values (null is not a retyping)', async () => {
    expect(await lintRule(RULE, sop({}, {extra: ['based_on:']}))).toEqual([])
  })
})
