import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {SopkitError} from '../../src/core/errors.js'
import {inShard, parseShard} from '../../src/core/shard.js'

describe('shards', () => {
  it('put every name in exactly one of n shards', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string()), fc.integer({min: 1, max: 8}), (names, count) => {
        for (const name of names) {
          const owners = Array.from({length: count}, (_, i) => inShard(name, {index: i + 1, count})).filter(Boolean)
          expect(owners).toHaveLength(1)
        }
      }),
    )
  })

  it('spread a library roughly evenly', () => {
    const names = Array.from({length: 1000}, (_, i) => `sops/global/doc-${i}.md`)
    for (let index = 1; index <= 4; index++) {
      const share = names.filter(n => inShard(n, {index, count: 4})).length
      expect(share).toBeGreaterThan(200)
      expect(share).toBeLessThan(300)
    }
  })

  it.each(['0/3', '4/3', '1/0', 'a/b', '1', '-1/2'])('rejects %s', text => {
    expect(() => parseShard(text)).toThrow(SopkitError)
  })

  it('parses i/n', () => {
    expect(parseShard(' 2/4 ')).toEqual({index: 2, count: 4})
  })
})
