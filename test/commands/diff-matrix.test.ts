// The drift matrix as a regional lead reads it: rows in document order (a section a variant adds
// sits under its parent), drafts marked, a family without variants said in one line, and no
// trailing spaces in any format.
import {describe, expect, it} from 'vitest'
import {runSopkit, tempRepo} from '../helpers/cli.js'

const front = (market: string, status: string, basedOn = '') =>
  `---\nid: refund\ntitle: Refund\ntype: policy\nversion: "1.0.0"\nstatus: ${status}\nmarkets: [${market}]\n${basedOn}---\n# Refund\n\n`
const BODY = '## Purpose\n\nResolve.\n\n## Procedure\n\nCheck.\n\n### Verify\n\nLook.\n\n## Escalation\n\nTier 2.\n'

const repo = tempRepo({
  'sops/global/refund.md': front('GLOBAL', 'approved') + BODY,
  'sops/DE/refund.md':
    front('DE', 'draft', 'based_on: "1.0.0"\n') + BODY.replace('### Verify', '### German rule\n\nBGB.\n\n### Verify'),
  'sops/SG/refund.md': front('SG', 'approved', 'based_on: "1.0.0"\n') + BODY.replace('Tier 2.', 'Tier 3.'),
  'sops/global/lonely.md': front('GLOBAL', 'approved').replace('id: refund', 'id: lonely') + BODY,
})
const run = (...args: string[]) => runSopkit(['diff', ...args], {cwd: repo})

describe('sopkit diff --matrix', () => {
  it('lists a section a variant adds under its parent, in document order', async () => {
    const r = await run('refund', '--matrix', '--format', 'json')
    expect(r.stderr).toBe('')
    const {matrix} = JSON.parse(r.stdout) as {matrix: {rows: Array<{path: string}>}}
    expect(matrix.rows.map(row => row.path)).toEqual([
      'Purpose',
      'Procedure',
      'Procedure > German rule',
      'Procedure > Verify',
      'Escalation',
    ])
  })

  it('marks a draft variant in every human-readable format', async () => {
    expect((await run('refund', '--matrix')).stdout).toMatch(/^section\s+DE \(draft\)\s+SG$/m)
    expect((await run('refund', '--matrix', '--format', 'markdown')).stdout).toMatch(
      /^\| section \| DE \(draft\) \| SG \|$/m,
    )
    expect((await run('refund', '--matrix', '--format', 'html')).stdout).toContain(
      'DE <span class="draft">draft</span></th>',
    )
  })

  it('says in one line that a family has no variants instead of printing an empty table', async () => {
    for (const format of ['text', 'markdown', 'html']) {
      const r = await run('lonely', '--matrix', '--format', format)
      expect(r.code, format).toBe(0)
      expect(r.stdout, format).toContain('lonely has no market variants: every market reads the baseline')
      expect(r.stdout, format).not.toMatch(/section\s*\|?\s*$|<table/m)
    }
  })

  it('leaves no trailing spaces in any format', async () => {
    for (const format of ['text', 'markdown', 'html', 'json']) {
      for (const args of [
        ['refund', '--matrix'],
        ['refund', '--market', 'DE'],
      ]) {
        const r = await run(...args, '--format', format)
        expect(r.stdout, `${format} ${args.join(' ')}`).not.toMatch(/[ \t]$/m)
      }
    }
  })
})
