// Line starts are indexed only as far as asked; every answer is the one a full index gives.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {LineIndex} from '../../src/core/positions.js'

/** The position of an offset, counted the slow, obvious way. */
function counted(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, offset).split('\n')
  return {line: before.length, column: before.at(-1)!.length + 1}
}

describe('LineIndex', () => {
  it('places offsets asked in any order as counting the lines does', () => {
    const text = fc.array(fc.constantFrom('a', 'b', '\n', '\r\n', 'é'), {maxLength: 60}).map(parts => parts.join(''))
    fc.assert(
      fc.property(
        text.chain(t => fc.tuple(fc.constant(t), fc.array(fc.integer({min: 0, max: t.length}), {maxLength: 8}))),
        ([t, offsets]) => {
          const index = new LineIndex(t)
          for (const offset of offsets) expect(index.at(offset)).toEqual(counted(t, offset))
        },
      ),
      {numRuns: 500},
    )
  })

  it('gives the start of a line not reached yet, and clamps past the last line', () => {
    const index = new LineIndex('one\ntwo\nthree')
    expect(index.at(1)).toEqual({line: 1, column: 2})
    expect(index.lineStart(3)).toBe(8)
    expect(index.lineStart(9)).toBe(8)
    expect(index.lineStart(0)).toBe(0)
    expect(index.at(13)).toEqual({line: 3, column: 6})
  })
})
