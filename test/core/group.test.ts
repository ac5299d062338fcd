// One-pass grouping: the order every renderer relies on, and no copy per item.
import {describe, expect, it} from 'vitest'
import {groupBy} from '../../src/core/group.js'

describe('groupBy', () => {
  it('keeps the seed order, then first-seen order, items in order; an undefined key leaves the item out', () => {
    const groups = groupBy(['b1', 'a1', 'c1', 'b2', 'x', 'a2'], s => (s === 'x' ? undefined : s[0]), ['c', 'z'])
    expect([...groups]).toEqual([
      ['c', ['c1']],
      ['z', []],
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
    ])
  })

  it('puts a million items in one group without copying the group per item', () => {
    // A copy per item would move 5 * 10^11 elements: far past the test's timeout.
    const groups = groupBy(
      Array.from({length: 1_000_000}, (_, i) => i),
      () => 'one',
    )
    expect(groups.get('one')).toHaveLength(1_000_000)
  })
})
