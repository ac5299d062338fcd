import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {spawnSync} from 'node:child_process'
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

  it('writes each file byte for byte: text in any script, bytes, and a file larger than the buffers it is held in', async () => {
    const dir = tempRepo()
    const large = 'Ž'.repeat(700_000) + '\n'
    const contents: Array<string | Uint8Array> = [
      'Refund ’above’ limit — São Paulo 退款\n',
      Uint8Array.from([0, 255, 10]),
      large,
      '',
    ]
    const batch = new WriteBatch()
    contents.forEach((content, i) => {
      batch.add(path.join(dir, `f${i}.md`), content, {overwrite: false})
    })
    expect(await batch.commit()).toEqual([undefined, undefined, undefined, undefined])
    contents.forEach((content, i) => {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content)
      expect(readFileSync(path.join(dir, `f${i}.md`)).equals(bytes), `f${i}.md`).toBe(true)
    })
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

  /** Run `body` in a child process with `batch` (a WriteBatch of the built writer) and `dir`; it prints `dir`'s names, then exits 143 as a signal would. */
  function exitingChild(dir: string, body: string, nodeFlags: string[] = []) {
    const script = `
      const {WriteBatch} = await import(${JSON.stringify(path.join(ROOT, 'dist/core/writer.js'))})
      const dir = ${JSON.stringify(dir)}
      const batch = new WriteBatch()
      ${body}
      process.stdout.write(require('node:fs').readdirSync(dir).join(','))
      process.exit(143)`
    const file = path.join(tempRepo(), 'child.cjs')
    writeFileSync(file, `(async () => {${script}})()`)
    return spawnSync(process.execPath, [...nodeFlags, file], {encoding: 'utf8'})
  }

  it('writes a large batch where it is when no thread may be started (Node permission model without --allow-worker)', () => {
    const dir = tempRepo()
    const run = exitingChild(
      dir,
      `for (let i = 0; i < 100; i++) batch.add(dir + '/f' + i + '.md', 'file ' + i, {overwrite: false})
      console.error(JSON.stringify(await batch.commit()))`,
      [
        '--experimental-permission',
        '--allow-fs-read=*',
        '--allow-fs-write=*',
        '--allow-child-process',
        '--no-warnings',
      ],
    )
    expect(run.stderr).toBe(`${JSON.stringify(Array.from({length: 100}, () => null))}\n`)
    expect(readdirSync(dir)).toHaveLength(100)
    expect(readFileSync(path.join(dir, 'f99.md'), 'utf8')).toBe('file 99')
  })

  it('writes nothing before commit, and leaves no temp file when the process exits while a flush runs', () => {
    const dir = tempRepo()
    const before = exitingChild(dir, `batch.add(dir + '/x.md', 'x', {overwrite: false})`)
    expect(before.status).toBe(143)
    expect(before.stdout).toBe('')
    const flushing = exitingChild(dir, `batch.add(dir + '/x.md', 'x', {overwrite: false}); batch.commit()`)
    expect(flushing.status).toBe(143)
    expect(flushing.stdout).toMatch(/^\.x\.md\.\d+\.[0-9a-f]{8}\.tmp$/)
    expect(readdirSync(dir)).toEqual([])
  })

  it('on the writer thread (a large batch): one outcome per file, and an exit mid-batch leaves whole files and no temp', () => {
    const dir = tempRepo({'taken.md': 'theirs'})
    const written = exitingChild(
      dir,
      `for (let i = 0; i < 300; i++) batch.add(dir + '/f' + i + '.md', 'file ' + i + ' São Paulo ’退款’\\n', {overwrite: false})
      batch.add(dir + '/taken.md', 'mine', {overwrite: false})
      batch.add(dir + '/' + 'n'.repeat(300) + '.md', 'too long a name', {overwrite: false})
      const outcomes = await batch.commit()
      console.error(JSON.stringify(outcomes.map(o => o && o.code)))`,
    )
    const outcomes = JSON.parse(written.stderr) as Array<string | null>
    expect(outcomes).toHaveLength(302)
    expect(outcomes.slice(0, 300).every(o => o === null)).toBe(true)
    expect(outcomes.slice(300)).toEqual(['FILE_EXISTS', 'FILE_ENAMETOOLONG'])
    expect(readFileSync(path.join(dir, 'f299.md'), 'utf8')).toBe('file 299 São Paulo ’退款’\n')

    const interrupted = tempRepo()
    const run = exitingChild(
      interrupted,
      `for (let i = 0; i < 3000; i++) batch.add(dir + '/f' + i + '.md', 'x'.repeat(1000) + i + '\\n', {overwrite: false})
      batch.commit()
      const fs = require('node:fs')
      while (!fs.readdirSync(dir).some(name => name.endsWith('.tmp'))) await new Promise(resolve => setTimeout(resolve, 1))`,
    )
    expect(run.status).toBe(143)
    expect(run.stdout).toMatch(/\.tmp/)
    const names = readdirSync(interrupted)
    expect(names.filter(name => name.endsWith('.tmp'))).toEqual([])
    for (const name of names) expect(readFileSync(path.join(interrupted, name), 'utf8')).toMatch(/^x{1000}\d+\n$/)
  })
})
