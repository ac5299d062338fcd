import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {jsonTextPieces} from '../../src/core/json-text.js'

const whole = (value: unknown) => [...jsonTextPieces(value)].join('')

describe('JSON text in pieces', () => {
  it('is JSON.stringify(value, null, 2), for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), value => {
        expect(whole(value)).toBe(JSON.stringify(value, null, 2))
      }),
      {numRuns: 2000},
    )
  })

  it('is JSON.stringify(value, null, 2) where values JSON leaves out or turns to null', () => {
    const value = {
      skipped: undefined,
      fn: () => 1,
      rows: [1, undefined, {a: undefined, b: [new Date(0)], 'line\nbreak': 'x\ny'}, () => 2],
      empty: [],
      none: {},
      when: new Date(0),
      nested: {list: [{deep: [1, [2]]}]},
    }
    expect(whole(value)).toBe(JSON.stringify(value, null, 2))
    expect(whole([{a: [1, 2]}, [], 'x'])).toBe(JSON.stringify([{a: [1, 2]}, [], 'x'], null, 2))
    expect(whole(Object.create(null))).toBe('{}')
  })

  it('gives a large array one piece an item, not one string', () => {
    const rows = Array.from({length: 1000}, (_, row) => ({row, action: 'created'}))
    const pieces = [...jsonTextPieces({csv: 'inventory.csv', rows})]
    expect(pieces.length).toBeGreaterThan(1000)
    expect(pieces.join('')).toBe(JSON.stringify({csv: 'inventory.csv', rows}, null, 2))
  })
})
