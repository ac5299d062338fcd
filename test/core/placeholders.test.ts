import {describe, expect, it} from 'vitest'
import {fillPlaceholders} from '../../src/core/placeholders.js'

describe('fillPlaceholders', () => {
  it('fills every slot, a repeated one each time, and stringifies numbers', () => {
    expect(fillPlaceholders('{a} and {b}, {a} again: {n}', {a: 'x', b: 'y', n: 3})).toBe('x and y, x again: 3')
  })

  it('leaves a slot with no value, a null one and an inherited name as written', () => {
    expect(fillPlaceholders('{missing} {nil} {constructor} {toString}', {nil: null})).toBe(
      '{missing} {nil} {constructor} {toString}',
    )
    expect(fillPlaceholders('{a}', undefined)).toBe('{a}')
  })

  it('keeps text without slots, and braces that are no slot, as they are', () => {
    expect(fillPlaceholders('no slot here', {a: 1})).toBe('no slot here')
    expect(fillPlaceholders('{} {a-b} {{a}}', {a: 'x'})).toBe('{} {a-b} {x}')
    expect(fillPlaceholders('', {})).toBe('')
  })
})
