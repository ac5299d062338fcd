import {cpSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runSopkit, tempRepo} from '../helpers/cli.js'
import {isWellFormedXml} from '../helpers/xml.js'

function library(files: Record<string, string> = {}): string {
  const repo = tempRepo(files)
  cpSync(path.join(ROOT, 'sops'), path.join(repo, 'sops'), {recursive: true})
  cpSync(path.join(ROOT, 'examples'), path.join(repo, 'examples'), {recursive: true})
  return repo
}

const noTrace = (r: {stdout: string; stderr: string}) => {
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
}

describe('sopkit report on the bundled library and examples/metrics.csv', () => {
  const repo = library({
    'unmatched.csv':
      'id,market,period,csat\nrefund-escalation,SG,2026-03,4.6\nrefund-escalatoin,SG,2026-03,4.6\nde-only,SG,2026-03,4\nrefund-escalation,QQ,2026-03,4\n',
  })
  const run = (...args: string[]) => runSopkit(['report', ...args], {cwd: repo})

  it('names the market and the metric that missed its target', async () => {
    const r = await run('--metrics', 'examples/metrics.csv')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/1 breach, 0 unmatched rows, 0 problems/)
    expect(r.stdout).toMatch(
      /^refund-escalation\s+SG\s+2026-03 \(latest\)\s+csat\s+4\.3\s+≥ 4\.5\s+sops\/SG\/refund-escalation\.md$/m,
    )
    expect(r.stdout).toMatch(
      /^refund-escalation\s+SG\s+csat\s+2026-02 → 2026-03\s+4\.5 → 4\.3\s+↓ down, worse\s+≥ 4\.5$/m,
    )
  })

  it('--fail-on breach exits 1, also with --json', async () => {
    expect((await run('--metrics', 'examples/metrics.csv', '--fail-on', 'breach')).code).toBe(1)
    const r = await run('--metrics', 'examples/metrics.csv', '--fail-on', 'breach', '--json')
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout) as {breaches: Array<{market: string; metric: string}>}
    expect(report.breaches.map(b => [b.market, b.metric])).toEqual([['SG', 'csat']])
  })

  it('writes an HTML report with a chart per metric and market', async () => {
    const out = path.join(repo, 'report.html')
    const r = await run('--metrics', 'examples/metrics.csv', '--format', 'html', '-o', out)
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('')
    const html = readFileSync(out, 'utf8')
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? []
    expect(svgs).toHaveLength(30)
    for (const svg of svgs) expect(isWellFormedXml(svg)).toBe(true)
    expect(html).toMatch(/<h3>refund-escalation · SG<\/h3>/)
    expect(html).not.toMatch(/<script|\b(src|href)\s*=/i)
  })

  it('reports rows that match no document', async () => {
    const r = await run('--metrics', 'unmatched.csv', '--format', 'md')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/## Rows that match no document \(3\)/)
    expect(r.stdout).toMatch(
      /\| 3 \| refund-escalatoin \| SG \| 2026-03 \| no document has the id "refund-escalatoin" \(did you mean "refund-escalation"\?\) \|/,
    )
    expect(r.stdout).toMatch(/\| 5 \| refund-escalation \| QQ \| 2026-03 \| unknown market "QQ"/)
  })

  it('is exit 2 for a missing --metrics, a file without key columns, and malformed CSV', async () => {
    const bad = library({'nokeys.csv': 'csat\n4\n', 'broken.csv': 'id,market,period,csat\n"x,SG,2026-01,4\n'})
    for (const args of [[], ['--metrics', 'nokeys.csv'], ['--metrics', 'broken.csv'], ['--metrics', 'missing.csv']]) {
      const r = await runSopkit(['report', ...args], {cwd: bad})
      expect(r.code).toBe(2)
      noTrace(r)
    }
    expect((await runSopkit(['report', '--metrics', 'broken.csv'], {cwd: bad})).stderr).toMatch(
      /broken\.csv:2: a quoted cell/,
    )
  })
})
