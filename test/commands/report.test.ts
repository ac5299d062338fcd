import {cpSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runSopkit, tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'
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
    expect(r.stdout).toMatch(/3 breaches, 0 unmatched rows, 0 problems/)
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
    const report = JSON.parse(r.stdout) as {breaches: Array<{market: string; channel?: string; metric: string}>}
    expect(report.breaches.map(b => [b.market, b.channel, b.metric])).toEqual([
      ['SG', undefined, 'csat'],
      ['SG', 'ai-agent', 'csat'],
      ['SG', 'ai-agent', 'csat'],
    ])
  })

  it('writes an HTML report with a chart per metric and market', async () => {
    const out = path.join(repo, 'report.html')
    const r = await run('--metrics', 'examples/metrics.csv', '--format', 'html', '-o', out)
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('')
    const html = readFileSync(out, 'utf8')
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? []
    for (const svg of svgs) expect(isWellFormedXml(svg)).toBe(true)
    // A line chart per series, and a market comparison per metric of a family measured in two markets or more.
    expect(svgs.filter(s => s.includes('aria-label='))).toHaveLength(42)
    expect(svgs.filter(s => s.includes('aria-labelledby='))).toHaveLength(12)
    expect(html).toMatch(/<h3>refund-escalation · SG<\/h3>/)
    expect(html).toMatch(/<h3>refund-escalation · SG · ai-agent<\/h3>/)
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

describe('sopkit report with channel and intent columns and configured metrics', () => {
  const files = {
    'sops/global/refund-escalation.md': doc({
      front: {targets: {csat: {default: 4.5, 'ai-agent': 4.2}, cost_per_contact: 4, refund_leakage: 0.02}},
    }),
    'metrics.csv': [
      'id,market,channel,intent,period,csat,cost per contact,refund_leakage',
      'refund-escalation,SG,ai-agent,refund-status,2026-01,4.3,1.10,0.01',
      'refund-escalation,SG,ai-agent,refund-status,2026-02,4.1,1.30,0.03',
      'refund-escalation,SG,live-chat,refund-status,2026-01,4.7,3.80,0.01',
      'refund-escalation,SG,live-chat,refund-status,2026-02,4.6,4.40,0.01',
      'refund-escalation,DE,live-chat,refund-status,2026-02,4.4,=HYPERLINK("x"),0.01',
    ].join('\n'),
  }
  const configured = {
    ...files,
    'sopkit.config.yaml':
      'metrics:\n  cost_per_contact: {better: lower, unit: currency}\n  refund_leakage: {better: lower, unit: percent}\n',
  }

  it('judges cost per contact as lower-is-better once configured, per market and channel', async () => {
    const r = await runSopkit(['report', '--metrics', 'metrics.csv'], {cwd: tempRepo(configured)})
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /^refund-escalation\s+SG\s+live-chat\s+refund-status\s+2026-02 \(latest\)\s+cost_per_contact\s+4\.40\s+≤ 4\.00\s/m,
    )
    expect(r.stdout).toMatch(
      /^refund-escalation\s+SG\s+ai-agent\s+refund-status\s+2026-02 \(latest\)\s+csat\s+4\.1\s+≥ 4\.2\s/m,
    )
    expect(r.stdout).toMatch(
      /^refund-escalation\s+SG\s+ai-agent\s+refund-status\s+refund_leakage\s+.*↑ up, worse\s+≤ 2%$/m,
    )
    expect(r.stdout).toMatch(/cost_per_contact\s+2026-01 → 2026-02\s+3\.80 → 4\.40\s+↑ up, worse\s+≤ 4\.00$/m)
    // The bot-versus-agent gap, side by side.
    expect(r.stdout).toMatch(
      /^refund-escalation\s+SG\s+refund-status\s+csat\s+2026-02\s+ai-agent 4\.1 \(missed\) · live-chat 4\.6\s+0\.5, ai-agent behind$/m,
    )
    // A formula in a cell is data that is not an amount, never evaluated.
    expect(r.stdout).toMatch(/row 6 cost per contact: "=HYPERLINK\("x"\)" is not an amount/)
    expect(r.stdout).not.toMatch(/Direction unknown/)
  })

  it('shows a metric nobody gave a direction without judging it, with the mend', async () => {
    const r = await runSopkit(['report', '--metrics', 'metrics.csv', '--json'], {cwd: tempRepo(files)})
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout) as {undirected: string[]; breaches: Array<{metric: string}>}
    expect(report.undirected).toEqual(['refund_leakage'])
    expect(report.breaches.map(b => b.metric)).not.toContain('refund_leakage')
    const table = await runSopkit(['report', '--metrics', 'metrics.csv'], {cwd: tempRepo(files)})
    expect(table.stdout).toMatch(
      /^refund-escalation\s+SG\s+ai-agent\s+refund-status\s+refund_leakage\s+.*↑ up\s+0\.02 \(direction unknown\)$/m,
    )
    expect(table.stdout).toMatch(
      /Direction unknown for refund_leakage: shown, not judged better or worse against a target — mend: say which way is better in the config's metrics/,
    )
  })

  it('draws a market comparison with an accessible title and desc, well-formed', async () => {
    const repo = tempRepo(configured)
    const r = await runSopkit(['report', '--metrics', 'metrics.csv', '--format', 'html', '-o', 'r.html'], {cwd: repo})
    expect(r.code).toBe(0)
    const html = readFileSync(path.join(repo, 'r.html'), 'utf8')
    const markets = (html.match(/<svg[\s\S]*?<\/svg>/g) ?? []).filter(s => s.includes('aria-labelledby='))
    expect(markets.length).toBeGreaterThan(0)
    for (const svg of markets) expect(isWellFormedXml(svg)).toBe(true)
    const csat = markets.find(s => s.includes('>csat for refund-escalation (refund-status) by market'))!
    expect(csat).toMatch(
      /<desc id="market-chart-\d+-desc">DE live-chat 4\.4 in 2026-02 \(target ≥ 4\.5, missed\); SG ai-agent 4\.1/,
    )
    expect(csat.match(/class="bar"/g)).toHaveLength(3)
    expect(html).toContain('<h2>Channels side by side</h2>')
  })

  it('is exit 2 naming the allowed values for a wrong direction or unit', async () => {
    const r = await runSopkit(['report', '--metrics', 'metrics.csv'], {
      cwd: tempRepo({...files, 'sopkit.config.yaml': 'metrics:\n  cost_per_contact: {better: down, unit: dollars}\n'}),
    })
    expect(r.code).toBe(2)
    noTrace(r)
    expect(r.stderr).toMatch(/metrics\.cost_per_contact\.better: "down" must be one of higher, lower/)
    expect(r.stderr).toMatch(/metrics\.cost_per_contact\.unit: .*percent, score, currency, seconds, count, ratio/)
  })
})
