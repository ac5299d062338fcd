import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {SopkitError} from '../../src/core/errors.js'
import {writeFileAtomic} from '../../src/core/writer.js'
import {tempRepo} from '../helpers/cli.js'

describe('writeFileAtomic', () => {
  it('creates folders and writes the content', () => {
    const dir = tempRepo()
    const target = path.join(dir, 'a', 'b', 'c.md')
    writeFileAtomic(target, 'hello', {overwrite: false})
    expect(readFileSync(target, 'utf8')).toBe('hello')
  })

  it('never overwrites without overwrite, and leaves the old file and no temp file', () => {
    const dir = tempRepo({'c.md': 'original'})
    const target = path.join(dir, 'c.md')
    expect(() => {
      writeFileAtomic(target, 'new', {overwrite: false})
    }).toThrow(SopkitError)
    expect(readFileSync(target, 'utf8')).toBe('original')
    expect(readdirSync(dir)).toEqual(['c.md'])
  })

  it('replaces with overwrite, leaving no temp file', () => {
    const dir = tempRepo()
    const target = path.join(dir, 'c.md')
    writeFileSync(target, 'old')
    writeFileAtomic(target, 'new', {overwrite: true})
    expect(readFileSync(target, 'utf8')).toBe('new')
    expect(readdirSync(dir)).toEqual(['c.md'])
    expect(existsSync(target)).toBe(true)
  })
})

describe('stale temp files', () => {
  it('are removed when their process is gone, and kept when it lives', async () => {
    const {spawnSync} = await import('node:child_process')
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout
    const dir = tempRepo({
      [`.a.md.${dead}.0123abcd.tmp`]: 'half',
      [`.b.md.${process.ppid}.0123abcd.tmp`]: 'writing',
      'keep.tmp': 'x',
    })
    writeFileAtomic(path.join(dir, 'c.md'), 'c', {overwrite: false})
    expect(readdirSync(dir).sort()).toEqual([`.b.md.${process.ppid}.0123abcd.tmp`, 'c.md', 'keep.tmp'])
  })
})
