import {describe, expect, it} from 'vitest'
import {detachString} from '../../src/core/detach.js'
import {detachData, sharedString} from '../../src/core/pooled.js'

describe('detached copies', () => {
  it('copy a string whatever its length', () => {
    const text = 'x'.repeat(40) + 'refund above limit' + 'y'.repeat(40)
    expect(detachString(text.slice(40, 58))).toBe('refund above limit')
    expect(detachString('SG')).toBe('SG')
  })

  it('share one copy of each string asked for, long ones too', () => {
    const long = 'Procedure > Refund above limit > Chargebacks and disputes raised by the card issuer'
    const a = sharedString(`${long} `.slice(0, -1))
    expect(sharedString(long.slice(0))).toBe(a)
    expect(a).toBe(long)
  })

  it('copy front matter with the same values, keys in order and prototypes', () => {
    const written = Object.assign(Object.create(null) as Record<string, unknown>, {
      id: 'refund-above-limit',
      version: '1.10',
      markets: ['SG', 'DE'],
      effective: null,
      review: true,
      weight: 2.5,
      targets: {csat: 4.5, nested: {list: [1, 'two', {three: 3}]}},
      deviations: [{section: 'Refund', reason: 'local law'}],
    })
    const copy = detachData(written)
    expect(copy).not.toBe(written)
    expect(Object.getPrototypeOf(copy)).toBeNull()
    expect(Object.keys(copy)).toEqual(Object.keys(written))
    expect({...copy}).toEqual({...written})
    expect(copy.markets).not.toBe(written.markets)
    expect(Object.getPrototypeOf(copy.targets)).toBe(Object.prototype)
  })

  it('keep an own __proto__ key a key, never a prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "id": "a"}') as Record<string, unknown>
    const copy = detachData(parsed)
    expect(Object.keys(copy)).toEqual(['__proto__', 'id'])
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect((copy as {polluted?: boolean}).polluted).toBeUndefined()
    expect(({} as {polluted?: boolean}).polluted).toBeUndefined()
  })

  it('make arrays exactly as long as they are, with the same items', () => {
    const grown: string[] = []
    for (const item of ['chatbot', 'email']) grown.push(item)
    expect(detachData(grown)).toEqual(['chatbot', 'email'])
    expect(detachData([])).toEqual([])
  })
})
