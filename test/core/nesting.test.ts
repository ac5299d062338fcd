import {describe, expect, it} from 'vitest'
import {MAX_NESTING, tooDeepLine} from '../../src/core/nesting.js'

describe('tooDeepLine', () => {
  it('finds a line one level past the limit, whether the levels are markers, spaces or tabs', () => {
    const quotes = '> '.repeat(MAX_NESTING + 1)
    expect(tooDeepLine(`# T\n\n${quotes}deep\n`)).toBe(3)
    // 16 tabs are 64 columns, 32 levels of indent, and the dash one more: the fewest characters that reach past 32.
    expect(tooDeepLine(`a\n${'\t'.repeat(16)}- deep\n`)).toBe(2)
    expect(tooDeepLine(`${' '.repeat(66)}- deep`)).toBe(1)
  })

  it('passes a body nested exactly to the limit, and one with no nesting', () => {
    expect(tooDeepLine(`${'> '.repeat(MAX_NESTING)}at the limit\n`)).toBeUndefined()
    expect(tooDeepLine(`${'\t'.repeat(15)}- at the limit`)).toBeUndefined()
    expect(tooDeepLine('# T\n\nText.\n')).toBeUndefined()
  })

  it('honours a smaller limit', () => {
    expect(tooDeepLine('- a\n  - b\n    - c\n', 2)).toBe(3)
    expect(tooDeepLine('- a\n  - b\n', 2)).toBeUndefined()
  })
})
