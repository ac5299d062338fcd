import {describe, expect, it} from 'vitest'
import {lintRule, runFixture, sop} from './harness.js'

const RULE = 'valid-limits'

const withLimits = (...lines: string[]) => sop({}, {extra: lines})
const messages = async (...lines: string[]) => (await lintRule(RULE, withLimits(...lines))).map(f => f.message)

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('accepts money, durations and counts, each in its one shape', async () => {
    expect(
      await messages(
        'limits:',
        '  refund_auto_approve: {amount: 75.5, currency: USD}',
        '  dsar_response: {days: 15}',
        '  callback: {minutes: 0}',
        '  attempts: {count: 3}',
      ),
    ).toEqual([])
  })

  it('says what is wrong with each limit that does not read', async () => {
    expect(await messages('limits:', '  a: {amount: 75}')).toEqual(['Limit a has an amount but no currency'])
    expect(await messages('limits:', '  a: {amount: "75", currency: USD}')).toEqual([
      'Limit a amount is "75", not a number',
    ])
    expect(await messages('limits:', '  a: {amount: -1, currency: USD}')).toEqual([
      'Limit a amount is -1, not a number at or above zero',
    ])
    expect(await messages('limits:', '  a: {amount: 5, currency: US$}')).toEqual([
      'Limit a currency "US$" is not an ISO 4217 code (three capital letters)',
    ])
    expect(await messages('limits:', '  a: {days: 1, hours: 2}')).toEqual(['Limit a has 2 quantities'])
    expect(await messages('limits:', '  a: {}')).toEqual(['Limit a is empty'])
    expect(await messages('limits:', '  a: [1, 2]')).toEqual(['Limit a is a list, not a mapping'])
    expect(await messages('limits:', '  a: {count: 1.5}')).toEqual(['Limit a count 1.5 is not a whole number'])
  })

  it('reports a limits value that is not a mapping, with a mend showing the shape', async () => {
    const [finding] = await lintRule(RULE, withLimits('limits: 75'))
    expect(finding!.message).toBe('`limits` is not a mapping of limit names to quantities')
    expect(finding!.mend).toContain('refund_auto_approve: {amount: 75, currency: USD}')
    expect(`${finding!.line}:${finding!.column}`).toBe('13:9')
    expect(finding!.severity).toBe('error')
  })
})
