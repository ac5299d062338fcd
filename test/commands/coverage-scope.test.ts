// Coverage without noise: a family meant for some markets is no gap elsewhere (its scope is the
// markets its documents name, or every market with `coverage: {scope: all}`), and markets missing
// the same channels are said once.
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runSopkit, tempRepo} from '../helpers/cli.js'

const doc = (id: string, markets: string, channels: string, basedOn = '') =>
  `---\nid: ${id}\ntitle: ${id}\ntype: policy\nversion: "1.0.0"\nstatus: approved\nmarkets: [${markets}]\nchannels: [${channels}]\n${basedOn}---\n# ${id}\n\n## Purpose\n\nx\n`

function repo(config?: string): string {
  const dir = tempRepo({
    'sops/DE/works-council.md': doc('works-council', 'DE', 'email'),
    'sops/global/refund.md': doc('refund', 'GLOBAL', 'email'),
    'sops/SG/refund.md': doc('refund', 'SG', 'email', 'based_on: "1.0.0"\n'),
  })
  if (config) writeFileSync(path.join(dir, 'sopkit.config.yaml'), config)
  return dir
}

interface Cell {
  market: string
  state: string
  gap: boolean
  outOfScope?: boolean
}

describe('sopkit coverage scope', () => {
  it('does not call a DE-only policy a gap in other markets', async () => {
    const dir = repo()
    const r = await runSopkit(['coverage', '--json'], {cwd: dir})
    expect(r.stderr).toBe('')
    const coverage = JSON.parse(r.stdout) as {families: Array<{id: string; cells: Cell[]}>; gaps: Cell[]}
    const council = coverage.families.find(f => f.id === 'works-council')!
    expect(council.cells).toEqual([
      {market: 'DE', state: 'own', file: 'sops/DE/works-council.md', status: 'approved', gap: false},
      {market: 'SG', state: 'none', gap: false, outOfScope: true},
    ])
    expect(coverage.gaps).toEqual([{id: 'refund', market: 'DE', state: 'baseline'}])
    const table = await runSopkit(['coverage'], {cwd: dir})
    expect(table.stdout).toMatch(/^works-council\s+policy\s+●\s+·$/m)
    expect(table.stdout).not.toMatch(/works-council: no document/)
  })

  it('looks for gaps in every market with coverage.scope all', async () => {
    const r = await runSopkit(['coverage'], {cwd: repo('coverage:\n  scope: all\n')})
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/works-council: no document for SG/)
  })

  it('refuses an unknown scope', async () => {
    const r = await runSopkit(['coverage'], {cwd: repo('coverage:\n  scope: everywhere\n')})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/coverage\.scope/)
  })

  it('says once which channels no market covers, not once per market', async () => {
    const r = await runSopkit(['coverage'], {cwd: repo()})
    const lines = r.stdout.split('\n').filter(l => l.includes('no approved document for'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^ {2}any market: no approved document for self-service, chatbot/)
  })

  it('leaves channels no market covers out of the channels table, named once below it', async () => {
    for (const format of ['table', 'md', 'html']) {
      const r = await runSopkit(['coverage', '--format', format], {cwd: repo()})
      expect(r.code, format).toBe(0)
      expect(r.stdout, format).toContain('No market has an approved document for: self-service, chatbot')
      // email is covered: its row stays; phone is covered nowhere: no row of ✗ for it.
      expect(r.stdout, format).toMatch(/email/)
      expect(r.stdout, format).not.toMatch(/^phone\s+✗|\| phone \||<th>phone<\/th>/m)
    }
  })
})
