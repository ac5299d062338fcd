// The -o extension picks the format when -f is not given, for every command that has both; a -f
// that contradicts the extension is a usage error naming both (issue 18: HTML written into DE.pdf).
import {cpSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runSopkit, tempRepo} from '../helpers/cli.js'

const repo = tempRepo()
cpSync(path.join(ROOT, 'sops'), path.join(repo, 'sops'), {recursive: true})
const run = (args: string[]) => runSopkit(args, {cwd: repo})
const read = (file: string) => readFileSync(path.join(repo, file))

describe('-o decides the format when -f is not given', () => {
  it('export -o DE.docx writes a docx (a zip), not HTML', async () => {
    const r = await run(['export', '--market', 'DE', '-o', 'out/DE.docx', '--date', '2026-05-01'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(read('out/DE.docx').subarray(0, 2).toString('latin1')).toBe('PK')
  })

  it('export -o DE.md writes Markdown and -o DE.jsonl writes JSON lines', async () => {
    expect((await run(['export', '--market', 'DE', '-o', 'DE.md', '--date', '2026-05-01'])).code).toBe(0)
    expect(read('DE.md').toString('utf8')).not.toMatch(/^<!doctype html>/i)
    expect(read('DE.md').toString('utf8')).toMatch(/^# /m)
    expect((await run(['export', '--market', 'DE', '-o', 'DE.jsonl', '--date', '2026-05-01'])).code).toBe(0)
    const lines = read('DE.jsonl').toString('utf8').trim().split('\n')
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow()
  })

  it('diff, ls, coverage and check follow the extension too', async () => {
    expect((await run(['diff', 'refund-escalation', '--market', 'DE', '-o', 'd.json'])).code).toBe(0)
    expect(JSON.parse(read('d.json').toString('utf8'))).toBeTypeOf('object')
    expect((await run(['ls', '-o', 'l.csv'])).code).toBe(0)
    expect(read('l.csv').toString('utf8')).toMatch(/^id,title,type,/)
    expect((await run(['coverage', '-o', 'c.html'])).code).toBe(0)
    expect(read('c.html').toString('utf8')).toMatch(/^<!doctype html>/i)
    await run(['check', '-o', 'c.sarif'])
    expect(JSON.parse(read('c.sarif').toString('utf8'))).toMatchObject({version: '2.1.0'})
  })

  it('an extension no format claims leaves the default', async () => {
    expect((await run(['ls', '-o', 'l.txt'])).code).toBe(0)
    expect(read('l.txt').toString('utf8')).not.toMatch(/^id,title/)
  })
})

describe('-f that contradicts -o is exit 2 naming both', () => {
  it.each([
    [['export', '--market', 'DE', '-f', 'md', '-o', 'x.html']],
    [['export', '--market', 'DE', '-f', 'html', '-o', 'DE.pdf']],
    [['ls', '-f', 'json', '-o', 'x.csv']],
    [['diff', 'refund-escalation', '--market', 'DE', '-f', 'html', '-o', 'x.md']],
    [['check', '-f', 'junit', '-o', 'x.sarif']],
  ])('%j', async args => {
    const r = await run(args)
    expect(r.code).toBe(2)
    const format = args[args.indexOf('-f') + 1]!
    const output = args[args.indexOf('-o') + 1]!
    expect(r.stderr).toMatch(/^error: .* — mend: .*\n$/)
    expect(r.stderr).toContain(`--format ${format}`)
    expect(r.stderr).toContain(output)
  })

  it('a matching -f, or an extension the format also writes, is fine', async () => {
    expect((await run(['ls', '-f', 'csv', '-o', 'ok.csv'])).code).toBe(0)
    expect((await run(['check', '-f', 'gitlab', '-o', 'gl.json'])).stderr).not.toMatch(/--format/)
  })

  it('export --market all -o DIR is a folder, not an extension', async () => {
    const r = await run(['export', '--market', 'all', '-f', 'md', '-o', 'books.html', '--date', '2026-05-01'])
    // Only the playbooks' own "before you publish" warnings, never an error about the name.
    expect(r.stderr).not.toMatch(/^error/m)
    expect(r.code).toBe(0)
    expect(read('books.html/DE.md').toString('utf8')).toMatch(/^# /m)
  })
})
