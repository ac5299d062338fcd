import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {isInside, relativeFile} from '../../src/core/loader.js'

describe('relativeFile and isInside', () => {
  it('agree with path.relative, shortcut or not', () => {
    const root = '/repo/lib'
    const targets = [
      '/repo/lib/sops/a.md',
      '/repo/lib/a.md',
      '/repo/lib',
      '/repo/library/a.md',
      '/repo/lib/./a.md',
      '/repo/lib/x/../a.md',
      '/repo/lib//a.md',
      '/repo/lib/../other/a.md',
      '/repo/lib/.github/a.md',
      '/repo/lib/sops/',
      '/repo/lib/sops/..',
      '/repo',
      '/elsewhere/a.md',
    ]
    for (const target of targets) {
      const rel = path.relative(root, target)
      expect(relativeFile(root, target), target).toBe(rel)
      expect(isInside(root, target), target).toBe(rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)))
    }
  })
})
