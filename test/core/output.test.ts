// Issue 19, "outputs replace what is not theirs" and "ordinary failures called internal error":
// the one output policy (core/output), the writer, the errno mapping, the cache, the export marks.
import {spawn, execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {FindingCache} from '../../src/check/cache.js'
import {resolveConfig} from '../../src/core/config.js'
import {SopkitError, fileError} from '../../src/core/errors.js'
import {isLibraryDocument, planOutput, writeOutputFile} from '../../src/core/output.js'
import {writeFileAtomic} from '../../src/core/writer.js'
import {exportDate} from '../../src/export/options.js'
import {checkTarget, hasGeneratorMark} from '../../src/export/write.js'
import {tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

function repoWithDocument() {
  const root = tempRepo({'sops/global/a.md': doc(), 'notes.txt': 'old report\n', '.git/config': '[core]\n'})
  return {root, config: resolveConfig(root, undefined, {})}
}

describe('a report output (check/ls/coverage/report/diff/schema -o, --cache-location, --suppressions)', () => {
  it('never replaces a document of the library', () => {
    const {root, config} = repoWithDocument()
    const file = path.join(root, 'sops/global/a.md')
    const before = readFileSync(file, 'utf8')
    expect(() => {
      writeOutputFile(file, 'report', config)
    }).toThrow(/is a document of the library/)
    expect(readFileSync(file, 'utf8')).toBe(before)
    expect(isLibraryDocument(config, path.join(root, 'sops/x/new.md'))).toBe(true)
    expect(isLibraryDocument(config, path.join(root, 'notes.txt'))).toBe(false)
  })

  it('never writes inside .git (the repo would break)', () => {
    const {root, config} = repoWithDocument()
    expect(() => {
      writeOutputFile(path.join(root, '.git/config'), 'report', config)
    }).toThrow(/inside .git/)
    expect(() => {
      writeOutputFile(path.join(root, '.git/new-file'), 'report', config)
    }).toThrow(/inside .git/)
    expect(readFileSync(path.join(root, '.git/config'), 'utf8')).toBe('[core]\n')
  })

  it('replaces any other regular file atomically, keeping its mode', () => {
    const {root, config} = repoWithDocument()
    const file = path.join(root, 'notes.txt')
    chmodSync(file, 0o640)
    writeOutputFile(file, 'new report\n', config)
    expect(readFileSync(file, 'utf8')).toBe('new report\n')
    expect(statSync(file).mode & 0o777).toBe(0o640)
    expect(readdirSync(root).filter(n => n.endsWith('.tmp'))).toEqual([])
  })

  it('writes through a symlink to a regular file: the link stays a link', () => {
    const {root, config} = repoWithDocument()
    symlinkSync('notes.txt', path.join(root, 'latest.txt'))
    writeOutputFile(path.join(root, 'latest.txt'), 'via link\n', config)
    expect(lstatSync(path.join(root, 'latest.txt')).isSymbolicLink()).toBe(true)
    expect(readFileSync(path.join(root, 'notes.txt'), 'utf8')).toBe('via link\n')
  })

  it('writes a device through, never replacing it (a link to /dev/null, as /dev/stdout is one)', () => {
    const {root, config} = repoWithDocument()
    symlinkSync('/dev/null', path.join(root, 'sink'))
    expect(planOutput(path.join(root, 'sink'), config, '-o')).toEqual({kind: 'write-through', file: '/dev/null'})
    writeOutputFile(path.join(root, 'sink'), 'report', config)
    writeOutputFile('/dev/null', 'report', config)
    expect(lstatSync(path.join(root, 'sink')).isSymbolicLink()).toBe(true)
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true)
  })

  it('writes a FIFO through to its reader; the FIFO stays a FIFO', async () => {
    const {root, config} = repoWithDocument()
    const fifo = path.join(root, 'pipe')
    execFileSync('mkfifo', [fifo])
    const reader = spawn('cat', [fifo])
    let received = ''
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()))
    const done = new Promise(resolve => reader.on('close', resolve))
    writeOutputFile(fifo, 'through the pipe\n', config)
    await done
    expect(received).toBe('through the pipe\n')
    expect(lstatSync(fifo).isFIFO()).toBe(true)
  })

  it('a folder or a path through a file is a one-line user error with the path and a mend', () => {
    const {root, config} = repoWithDocument()
    expect(() => {
      writeOutputFile(path.join(root, 'sops'), 'x', config)
    }).toThrow(/is a folder/)
    let error: unknown
    try {
      writeOutputFile(path.join(root, 'notes.txt', 'below.txt'), 'x', config)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(SopkitError)
    expect((error as SopkitError).message).toContain(path.join(root, 'notes.txt', 'below.txt'))
    expect((error as SopkitError).mend).not.toMatch(/report it/)
  })
})

describe('errno a user can cause', () => {
  it.each([
    'EACCES',
    'EPERM',
    'EROFS',
    'ENOSPC',
    'EDQUOT',
    'EFBIG',
    'EISDIR',
    'ENOTDIR',
    'EEXIST',
    'ENAMETOOLONG',
    'ENOENT',
    'ELOOP',
    'EMFILE',
    'ENXIO',
  ])('%s is one line with the path and a mend', code => {
    const raw = Object.assign(new Error(`${code}: something, open '/x/y'`), {code, path: '/x/y', syscall: 'open'})
    const mapped = fileError(raw)
    expect(mapped).toBeInstanceOf(SopkitError)
    expect(mapped?.message).toContain('/x/y')
    expect(mapped?.message).not.toContain('\n')
    expect(mapped?.mend.length).toBeGreaterThan(10)
    expect(mapped?.exitCode).toBe(2)
  })

  it('leaves errors that are not the file system to the internal-error path', () => {
    expect(fileError(new TypeError('x is undefined'))).toBeUndefined()
  })

  it('a long valid id still gets a temp file under the 255-byte name limit', () => {
    const dir = tempRepo()
    const target = path.join(dir, `${'a'.repeat(240)}.md`)
    writeFileAtomic(target, 'long\n', {overwrite: false})
    writeFileAtomic(target, 'longer\n', {overwrite: true})
    expect(readFileSync(target, 'utf8')).toBe('longer\n')
    expect(readdirSync(dir)).toEqual([path.basename(target)])
  })

  it('an out-of-range SOURCE_DATE_EPOCH is a one-line user error', () => {
    expect(() => exportDate(undefined, {SOURCE_DATE_EPOCH: '99999999999999999'})).toThrow(SopkitError)
    expect(exportDate(undefined, {SOURCE_DATE_EPOCH: '0'})).toBe('1970-01-01')
  })
})

describe('a hand-edited cache', () => {
  it('ignores entries that are not what sopkit wrote, instead of crashing', () => {
    const root = tempRepo()
    const file = path.join(root, '.sopkitcache')
    const text = 'content'
    const hash = createHash('sha1').update(text).digest('hex')
    for (const findings of [null, 'x', [{}], [{ruleId: 1}], [null], {length: 1}]) {
      writeFileSync(file, JSON.stringify({key: 'k', files: {'a.md': {hash, findings}, constructor: 1}}))
      const cache = new FindingCache(file, 'k')
      expect(cache.get('a.md', text), JSON.stringify(findings)).toBeUndefined()
      expect(cache.get('constructor', text)).toBeUndefined()
    }
    writeFileSync(file, '{"key": "k", "files": 7}')
    expect(new FindingCache(file, 'k').get('a.md', text)).toBeUndefined()
  })
})

describe('the export generator mark, only where each format puts it', () => {
  const MD_MARK = '<!-- generated by sopkit export: DE, 2026-01-01, sha256:abc -->'
  const HTML_MARK = '<meta name="generator" content="sopkit export">'

  it('a Markdown file quoting the mark in a code fence is not replaced without --force', () => {
    const root = tempRepo()
    const file = path.join(root, 'notes.md')
    for (const content of [
      `# Notes\n\n\`\`\`\n${MD_MARK}\n\`\`\`\n`,
      `# How exports look\n\n\`\`\`html\n<!doctype html>\n<html><head>${HTML_MARK}</head>\n\`\`\`\n`,
      `Some text\n{"generator": "sopkit export"}\n`,
      `<html><body>${HTML_MARK}</body></html>\n`,
      `<!doctype html><html><head><!-- ${HTML_MARK} --></head></html>\n`,
    ]) {
      writeFileSync(file, content)
      expect(hasGeneratorMark(Buffer.from(content)), content).toBe(false)
      expect(() => checkTarget(file, false, 'notes.md'), content).toThrow(/no generator mark/)
      expect(checkTarget(file, true, 'notes.md')).toBe(true)
    }
  })

  it('recognises the mark where the format puts it', () => {
    for (const content of [
      `${MD_MARK}\n# Playbook\n`,
      `\uFEFF${MD_MARK}\r\n`,
      `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">${HTML_MARK}</head><body></body></html>\n`,
      `{\n  "generator": "sopkit export",\n  "market": "DE"\n}\n`,
      `{"generator":"sopkit export","record":"playbook"}\n{"record":"chunk"}\n`,
    ]) {
      expect(hasGeneratorMark(Buffer.from(content)), content).toBe(true)
    }
  })

  it('an export never replaces a document of the library or a file in .git, even with --force', () => {
    const {root, config} = repoWithDocument()
    expect(() => checkTarget(path.join(root, 'sops/global/a.md'), true, 'a.md', config)).toThrow(
      /document of the library/,
    )
    expect(() => checkTarget(path.join(root, '.git/config'), true, 'config', config)).toThrow(/inside .git/)
    mkdirSync(path.join(root, 'dir'))
    expect(() => checkTarget(path.join(root, 'dir'), true, 'dir', config)).toThrow(/is a folder/)
    expect(checkTarget('/dev/null', false, '/dev/null', config)).toBe(true)
  })
})

describe('import after a failed row', () => {
  it("goes on: a file-system failure is that row's error, and the next row is written", async () => {
    const {RowWriter} = await import('../../src/import/apply.js')
    const root = tempRepo({blocker: 'a file where a folder should be\n'})
    const plan = (row: number, target: string) => ({
      row,
      line: row + 1,
      kind: 'create' as const,
      id: `id-${row}`,
      markets: ['GLOBAL'],
      planned: {target, content: '# x\n', front: {}, source: 'test'},
    })
    const long = path.join(root, 'sops', `${'a'.repeat(240)}.md`)
    const writer = new RowWriter({dryRun: false, cwd: root})
    for (const p of [
      plan(1, path.join(root, 'blocker', 'x.md')),
      plan(2, long),
      plan(3, path.join(root, 'sops', 'ok.md')),
    ])
      writer.add(p)
    const results = await writer.finish()
    expect(results.map(r => r.action)).toEqual(['error', 'created', 'created'])
    expect(results[0]!.reason).toContain(path.join(root, 'blocker'))
    expect(readFileSync(long, 'utf8')).toBe('# x\n')
  })

  it('hands over each batch once written, in row order, while the rows after it are staged', async () => {
    const {RowWriter} = await import('../../src/import/apply.js')
    const root = tempRepo()
    const plan = (row: number) => ({
      row,
      line: row + 1,
      kind: 'create' as const,
      id: `id-${row}`,
      markets: ['GLOBAL'],
      planned: {target: path.join(root, 'sops', `${row}.md`), content: `# ${row}\n`, front: {}, source: 'test'},
    })
    const writer = new RowWriter({dryRun: false, cwd: root})
    writer.add(plan(1))
    writer.add({row: 2, line: 3, kind: 'error', reason: 'bad row', mend: 'mend it'})
    // Nothing was started before: the first take starts the batch of rows 1-2 and hands over none.
    expect(await writer.take()).toEqual([])
    writer.add(plan(3))
    const first = await writer.take()
    expect(first.map(r => [r.row, r.action])).toEqual([
      [1, 'created'],
      [2, 'error'],
    ])
    expect(readFileSync(path.join(root, 'sops', '1.md'), 'utf8')).toBe('# 1\n')
    writer.add(plan(4))
    expect((await writer.finish()).map(r => [r.row, r.action])).toEqual([
      [3, 'created'],
      [4, 'created'],
    ])
    expect(readdirSync(path.join(root, 'sops')).sort()).toEqual(['1.md', '3.md', '4.md'])
  })
})
