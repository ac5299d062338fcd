import {cpSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runSopkit, tempRepo} from '../helpers/cli.js'

function library(): string {
  const repo = tempRepo()
  cpSync(path.join(ROOT, 'sops'), path.join(repo, 'sops'), {recursive: true})
  return repo
}

describe('sopkit coverage on the bundled library', () => {
  const repo = library()
  const run = (...args: string[]) => runSopkit(['coverage', ...args], {cwd: repo})

  it('shows the market gaps the library carries', async () => {
    const r = await run()
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^FAMILY\s+TYPE\s+BR\s+DE\s+GB\s+ID\s+KR\s+MY\s+SG\s+US$/m)
    // BR's overlay variant is its own; DE reads the baseline while GB has a variant.
    expect(r.stdout).toMatch(/^return-request-escalation\s+sop\s+●\s+○!\s+●\s+/m)
    expect(r.stdout).toMatch(
      /return-request-escalation: DE, ID, KR, MY, SG, US read the GLOBAL baseline \(variants: BR, GB\)/,
    )
    expect(r.stdout).toMatch(/order-not-received: BR, DE, GB, KR, SG, US read the GLOBAL baseline \(variants: ID, MY\)/)
    expect(r.stdout).toMatch(/^CHANNEL\s+BR\s+DE/m)
  })

  it('shows the markets asked for, and refuses an unknown one', async () => {
    const r = await run('--market', 'FR,DE', '--json')
    expect(r.code).toBe(0)
    const coverage = JSON.parse(r.stdout) as {
      markets: string[]
      families: Array<{id: string; cells: Array<{state: string}>}>
    }
    expect(coverage.markets).toEqual(['FR', 'DE'])
    expect(coverage.families.find(f => f.id === 'refund-escalation')!.cells.map(c => c.state)).toEqual([
      'baseline',
      'own',
    ])
    const bad = await run('--market', 'XX')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/unknown market/)
  })

  it('writes a self-contained HTML page', async () => {
    const out = path.join(repo, 'coverage.html')
    expect((await run('--format', 'html', '-o', out)).code).toBe(0)
    const html = readFileSync(out, 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<h2>Families × markets</h2>')
    expect(html).not.toMatch(/<script|\b(src|href)\s*=/i)
  })

  it('writes CSV and Markdown', async () => {
    expect((await run('-f', 'csv')).stdout).toMatch(
      /^matrix,family,channel,market,state,region,status,outdated,gap,documents,file,pending\nfamilies,account-recovery,,BR,baseline,/,
    )
    expect((await run('-f', 'md')).stdout).toMatch(/^## Families × markets/)
  })
})
