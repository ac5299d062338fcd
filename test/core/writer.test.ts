import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {SopkitError} from '../../src/core/errors.js'
import {WriteBatch, writeFileAtomic} from '../../src/core/writer.js'
import {ROOT, tempRepo} from '../helpers/cli.js'

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

describe('WriteBatch', () => {
  it('puts nothing in place before commit, then every file whole, one outcome each, in order', async () => {
    const dir = tempRepo({'taken.md': 'theirs'})
    const batch = new WriteBatch({files: 3, bytes: 1 << 20})
    batch.add(path.join(dir, 'a', 'one.md'), 'one', {overwrite: false})
    batch.add(path.join(dir, 'taken.md'), 'mine', {overwrite: false})
    expect(batch.full).toBe(false)
    batch.add(path.join(dir, 'b', 'two.md'), 'two', {overwrite: false})
    expect(batch.full).toBe(true)
    expect(existsSync(path.join(dir, 'a', 'one.md'))).toBe(false)
    const outcomes = await batch.commit()
    expect(outcomes.map(o => (o instanceof SopkitError ? o.code : o))).toEqual([undefined, 'FILE_EXISTS', undefined])
    expect(readFileSync(path.join(dir, 'a', 'one.md'), 'utf8')).toBe('one')
    expect(readFileSync(path.join(dir, 'b', 'two.md'), 'utf8')).toBe('two')
    expect(readFileSync(path.join(dir, 'taken.md'), 'utf8')).toBe('theirs')
    expect((readdirSync(dir, {recursive: true}) as string[]).filter(f => f.endsWith('.tmp'))).toEqual([])
    expect(batch.full).toBe(false)
  })

  it('without a `sync` command (macOS, a bare container) still puts every file in place', async () => {
    vi.stubEnv('PATH', '')
    try {
      const dir = tempRepo()
      const batch = new WriteBatch()
      for (const name of ['a.md', 'b.md']) batch.add(path.join(dir, name), name, {overwrite: false})
      expect(await batch.commit()).toEqual([undefined, undefined])
      expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md'])
      expect(readFileSync(path.join(dir, 'b.md'), 'utf8')).toBe('b.md')
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('stages the next batch while one flushes, each file in place once its own batch is', async () => {
    const dir = tempRepo()
    const batch = new WriteBatch()
    batch.add(path.join(dir, 'first.md'), 'first', {overwrite: false})
    const flushing = batch.commit()
    batch.add(path.join(dir, 'second.md'), 'second', {overwrite: false})
    expect(await flushing).toEqual([undefined])
    expect(readdirSync(dir).filter(f => f.endsWith('.md'))).toEqual(['first.md'])
    expect(await batch.commit()).toEqual([undefined])
    expect(readdirSync(dir).sort()).toEqual(['first.md', 'second.md'])
  })

  it.each([
    ['before commit', ''],
    ['while its flush runs', 'batch.commit()'],
  ])('leaves no temp file when the process exits %s (a signal)', async (_when, commit) => {
    const {spawnSync} = await import('node:child_process')
    const dir = tempRepo()
    const script = `
      const {WriteBatch} = await import(${JSON.stringify(path.join(ROOT, 'dist/core/writer.js'))})
      const batch = new WriteBatch()
      batch.add(${JSON.stringify(path.join(dir, 'x.md'))}, 'x', {overwrite: false})
      ${commit}
      process.stdout.write(require('node:fs').readdirSync(${JSON.stringify(dir)}).join(','))
      process.exit(143)`
    const run = spawnSync(process.execPath, ['--input-type=commonjs', '-e', `(async () => {${script}})()`], {
      encoding: 'utf8',
    })
    expect(run.status).toBe(143)
    expect(run.stdout).toMatch(/^\.x\.md\.\d+\.[0-9a-f]{8}\.tmp$/)
    expect(readdirSync(dir)).toEqual([])
  })
})
