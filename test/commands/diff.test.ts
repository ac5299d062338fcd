import {execFileSync} from 'node:child_process'
import {cpSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runSopkit, tempRepo} from '../helpers/cli.js'

/** A copy of the bundled library in a fresh git repository. */
function library(): string {
  const repo = tempRepo()
  cpSync(path.join(ROOT, 'sops'), path.join(repo, 'sops'), {recursive: true})
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], {cwd: repo})
  git('init', '-q')
  git('add', '.')
  git('commit', '-qm', 'library')
  return repo
}

const repo = library()
const run = (...args: string[]) => runSopkit(['diff', ...args], {cwd: repo})

describe('sopkit diff on the bundled library', () => {
  it('shows which sections differ, which are approved, and the changed words', async () => {
    const r = await run('refund-escalation', '--market', 'SG')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Sections: 1 of \d+ sections differ \(1 approved\)/)
    expect(r.stdout).toMatch(/~ Procedure > Refund above limit\s+changed\s+approved deviation/)
    expect(r.stdout).toMatch(/\{\+S\$650\+\}/)
  })

  it('marks unapproved drift', async () => {
    const r = await run('order-not-received', '--market', 'MY')
    expect(r.stdout).toMatch(/Procedure > Marked delivered but not received\s+changed\s+drift/)
  })

  it('shows every market of a family on one screen with --matrix', async () => {
    const r = await run('refund-escalation', '--matrix')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^section\s+BR\s+DE\s+SG\s+US\s*$/m)
    expect(r.stdout).toMatch(/^based_on\s+1\.4\.0\s+1\.4\.0\s+1\.4\.0\s+1\.2\.0/m)
    expect(r.stdout).toMatch(/US is based on 1\.2\.0; the baseline is at 1\.4\.0/)
  })

  it('says when a market has no variant, and finds nothing to show', async () => {
    const r = await run('refund-escalation', '--market', 'FR', '--exit-code')
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/FR has no variant of refund-escalation; it reads sops\/global\/refund-escalation\.md/)
  })

  it('compares with another market or GLOBAL', async () => {
    expect((await run('refund-escalation', '--market', 'SG', '--against', 'US')).stdout).toMatch(
      /sops\/US\/refund-escalation\.md → sops\/SG\/refund-escalation\.md/,
    )
    expect((await run('refund-escalation', '--market', 'SG', '--against', 'GLOBAL')).stdout).toMatch(
      /sops\/global\/refund-escalation\.md → sops\/SG/,
    )
  })

  it('--ref HEAD against a working-tree edit shows exactly the edit', async () => {
    const file = path.join(repo, 'sops/DE/refund-escalation.md')
    const original = readFileSync(file, 'utf8')
    const edited = original.replace(/^## Escalation\n\n(\S+)/m, '## Escalation\n\nUrgently $1')
    expect(edited).not.toBe(original)
    writeFileSync(file, edited)
    try {
      const r = await runSopkit(['diff', 'refund-escalation', '--market', 'DE', '--ref', 'HEAD', '--json'], {cwd: repo})
      expect(r.code).toBe(0)
      const {diff} = JSON.parse(r.stdout)
      expect(diff.fields).toEqual([])
      const changed = diff.sections.filter((s: {kind: string}) => s.kind !== 'same')
      expect(changed).toHaveLength(1)
      expect(changed[0].path).toBe('Escalation')
      expect(
        changed[0].words
          .filter((w: {type: string}) => w.type !== 'same')
          .map((w: {type: string; text: string}) => `${w.type}:${w.text.trim()}`),
      ).toEqual(['added:Urgently'])
    } finally {
      writeFileSync(file, original)
    }
  })

  it('--format json parses and --format markdown is a GitHub table', async () => {
    expect(JSON.parse((await run('refund-escalation', '--market', 'SG', '--format', 'json')).stdout).kind).toBe('diff')
    const md = (await run('refund-escalation', '--matrix', '--format', 'markdown')).stdout
    expect(md).toMatch(/^\| section \| BR \| DE \| SG \| US \|$/m)
    expect(md).toMatch(/^\|---\|:-:\|:-:\|:-:\|:-:\|$/m)
  })

  it('writes html to --output', async () => {
    const r = await run('refund-escalation', '--market', 'SG', '--format', 'html', '-o', 'sg.html')
    expect(r.code).toBe(0)
    expect(readFileSync(path.join(repo, 'sg.html'), 'utf8')).toMatch(/^<!doctype html>/)
  })

  it('--exit-code exits 1 on differences', async () => {
    expect((await run('refund-escalation', '--market', 'SG', '--exit-code')).code).toBe(1)
  })

  it('diffs two files', async () => {
    const r = await run('sops/global/refund-escalation.md', 'sops/BR/refund-escalation.md')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/approved deviation/)
  })

  it.each([
    [['no-such-id', '--market', 'SG'], /no document has id "no-such-id"/],
    [['refund-escalaton', '--market', 'SG'], /did you mean "refund-escalation"/],
    [['refund-escalation', '--market', 'XX'], /--market XX: unknown market/],
    [['refund-escalation'], /which market/],
    [['refund-escalation', '--market', 'DE', '--ref', '--output=/tmp/x'], /is not a git revision/],
    [['sops/global/nope.md', 'sops/SG/nope.md'], /no such file/],
  ])('exits 2 for %j', async (args, pattern) => {
    const r = await run(...args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(pattern)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('sopkit diff --date', () => {
  it('rejects a date that is not on the calendar, exit 2', async () => {
    const r = await runSopkit(['diff', 'refund-escalation', '--market', 'SG', '--date', 'notadate'], {cwd: repo})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--date notadate: not a calendar date — mend: write it as YYYY-MM-DD/)
  })
})
