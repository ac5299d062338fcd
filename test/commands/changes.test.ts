// sopkit changes as a lead runs it, in real temp git repositories: what a market's playbook gained,
// lost and changed between two revisions, inherited baseline edits included.
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runSopkit} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'
import {commit, gitRepo, writeFiles} from '../helpers/git.js'
import {changesRepo as repo} from '../changes/fixtures.js'

interface Json {
  changes: Array<{
    market: {code: string}
    counts: Record<string, number>
    documents: Array<{
      id: string
      kind: string
      note?: string
      fields: Array<{field: string; before?: unknown; after?: unknown}>
      sections: Array<{path: string; kind: string; inherited: boolean}>
    }>
  }>
}

describe('sopkit changes', () => {
  it("lists what DE's playbook gained, lost and changed, with the inherited baseline edit as a word diff", async () => {
    const root = repo()
    const r = await runSopkit(['changes', '--market', 'DE', '--since', 'HEAD~1', '--date', '2026-05-01'], {cwd: root})
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('What changed for Germany (DE)')
    expect(r.stdout).toMatch(/since HEAD~1 \([0-9a-f]{7}\), until the working tree; briefing of 2026-05-01/)
    expect(r.stdout).toContain('1 added, 1 approved, 1 changed, 1 retired, 1 removed')
    expect(r.stdout).toMatch(/\+ added {2}Safety report escalation/)
    expect(r.stdout).toMatch(/✓ approved {2}Account recovery \(Germany\)/)
    expect(r.stdout).toContain('DE now reads sops/DE/account-recovery.md instead of sops/global/account-recovery.md')
    expect(r.stdout).toMatch(/Procedure > Refund above limit {2}changed, from the GLOBAL baseline/)
    expect(r.stdout).toMatch(/team lead \{\+and log the approver\+\}\./)
    expect(r.stdout).toMatch(/retired {2}Order not received/)
    expect(r.stdout).toMatch(/- removed {2}Legacy callback/)
  })

  it('--json: status and effective changes, inherited sections, and a market reading the baseline', async () => {
    const root = repo()
    const r = await runSopkit(['changes', '--market', 'SG', '--since', 'HEAD~1', '--until', 'HEAD', '--json'], {
      cwd: root,
    })
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout) as Json
    const sg = json.changes[0]!
    expect(sg.market.code).toBe('SG')
    expect(sg.counts).toEqual({added: 1, approved: 0, changed: 1, retired: 1, removed: 1})
    const refund = sg.documents.find(d => d.id === 'refund-escalation')!
    expect(refund.fields.map(f => f.field)).toEqual(['version', 'effective'])
    expect(refund.fields[1]).toEqual({field: 'effective', before: '2026-01-15', after: '2026-03-01'})
    expect(refund.sections).toEqual([
      expect.objectContaining({path: 'Procedure > Refund above limit', kind: 'changed', inherited: true}),
    ])
    // SG never had a variant of account-recovery, and the DE draft's approval is not SG's change.
    expect(sg.documents.some(d => d.id === 'account-recovery')).toBe(false)
    const order = sg.documents.find(d => d.id === 'order-not-received')!
    expect(order.note).toContain('retired')
  })

  it('compares with the working tree by default, and --until with the named revision', async () => {
    const root = repo()
    writeFiles(root, {
      'sops/DE/refund-escalation.md': doc({
        front: {markets: ['DE'], inherit: 'sections', version: '1.4.2', based_on: '1.4.0', compliance: ['GDPR']},
        body: '# Refund escalation\n\n## Scope\n\nRefunds in Germany and Austria.\n',
      }),
    })
    const work = await runSopkit(['changes', '-m', 'DE', '--since', 'HEAD', '--json'], {cwd: root})
    const de = (JSON.parse(work.stdout) as Json).changes[0]!
    expect(de.documents).toEqual([
      expect.objectContaining({
        id: 'refund-escalation',
        kind: 'changed',
        sections: [expect.objectContaining({path: 'Scope', inherited: false})],
      }),
    ])
    const head = await runSopkit(['changes', '-m', 'DE', '--since', 'HEAD', '--until', 'HEAD'], {cwd: root})
    expect(head.stdout).toContain('no changes')
  })

  it('reads an overlay whose baseline did not exist yet at --since as it stood, without failing', async () => {
    const overlay = doc({
      front: {markets: ['DE'], inherit: 'sections', version: '1.4.1', based_on: '1.4.0', compliance: ['GDPR']},
      body: '# Refund escalation\n\n## Scope\n\nRefunds in Germany.\n',
    })
    const root = gitRepo({'sops/DE/refund-escalation.md': overlay})
    commit(root, {'sops/global/refund-escalation.md': doc()})
    const r = await runSopkit(['changes', '-m', 'DE', '--since', 'HEAD~1', '--json'], {cwd: root})
    expect(r.code).toBe(0)
    const de = (JSON.parse(r.stdout) as Json).changes[0]!
    expect(de.documents).toEqual([
      expect.objectContaining({
        id: 'refund-escalation',
        kind: 'changed',
        sections: expect.arrayContaining([
          expect.objectContaining({path: 'Procedure', kind: 'added', inherited: true}),
        ]),
      }),
    ])
  })

  it('-o names the format by its extension; a -f that contradicts it is exit 2', async () => {
    const root = repo()
    const args = ['changes', '-m', 'DE', '--since', 'HEAD~1', '--date', '2026-05-01']
    expect((await runSopkit([...args, '-o', 'de.html'], {cwd: root})).code).toBe(0)
    expect(readFileSync(path.join(root, 'de.html'), 'utf8')).toMatch(/^<!doctype html>/i)
    const clash = await runSopkit([...args, '-f', 'md', '-o', 'de2.html'], {cwd: root})
    expect(clash.code).toBe(2)
    expect(clash.stderr).toMatch(/--format md does not match -o de2\.html/)
  })

  it('a bad revision or market is one exit-2 line', async () => {
    const root = repo()
    const ref = await runSopkit(['changes', '--market', 'DE', '--since', 'nope'], {cwd: root})
    expect(ref.code).toBe(2)
    expect(ref.stderr).toMatch(/^error: --since "nope" is not a git revision in this repository — mend: .+\n$/)
    const until = await runSopkit(['changes', '--market', 'DE', '--since', 'HEAD', '--until', 'HEAD~9'], {cwd: root})
    expect(until.code).toBe(2)
    expect(until.stderr).toMatch(/^error: --until "HEAD~9"/)
    const market = await runSopkit(['changes', '--market', 'XX', '--since', 'HEAD'], {cwd: root})
    expect(market.code).toBe(2)
    expect(market.stderr.trim().split('\n')).toHaveLength(1)
    const all = await runSopkit(['changes', '--market', 'all', '--since', 'HEAD'], {cwd: root})
    expect(all.code).toBe(2)
    expect(all.stderr).toMatch(/needs a folder — mend: pass a folder to -o/)
  })

  it('--market all writes one file per market; the same revisions and --date give the same bytes', async () => {
    const root = repo()
    const args = [
      'changes',
      '--market',
      'all',
      '--since',
      'HEAD~1',
      '--until',
      'HEAD',
      '-f',
      'md',
      '--date',
      '2026-05-01',
    ]
    const first = await runSopkit([...args, '-o', 'a'], {cwd: root})
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/wrote a\/DE\.md \(DE: 1 added, 1 approved, 1 changed, 1 retired, 1 removed\)/)
    await runSopkit([...args, '-o', 'b'], {cwd: root})
    const files = readdirSync(path.join(root, 'a')).sort()
    expect(files).toEqual(['DE.md', 'GLOBAL.md'])
    for (const f of files)
      expect(readFileSync(path.join(root, 'b', f), 'utf8')).toBe(readFileSync(path.join(root, 'a', f), 'utf8'))
    const de = readFileSync(path.join(root, 'a/DE.md'), 'utf8')
    expect(de).toContain('# What changed for Germany (DE)')
    expect(de).toContain('## Approved (now in force)')
    expect(de).toContain('- **Procedure &gt; Refund above limit** (changed, from the GLOBAL baseline)')
    expect(de).toMatch(/> .*\*\*and log the approver\*\*/)
    expect(de).not.toMatch(/[ \t]+$/m)
  })

  it('html: one page in the shared shell (CSP, no script), sections rendered from Markdown, changed words marked', async () => {
    const root = repo()
    const r = await runSopkit(['changes', '-m', 'DE', '--since', 'HEAD~1', '-f', 'html', '-o', 'de.html'], {cwd: root})
    expect(r.code).toBe(0)
    const html = readFileSync(path.join(root, 'de.html'), 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('Content-Security-Policy')
    expect(html).toContain('<meta name="generator" content="sopkit changes">')
    expect(html).not.toContain('<script')
    // The section's Markdown is rendered as the diff page renders it (one path: diff/render/html markedHtml).
    expect(html).toContain('<div class="words"><p>Escalate to a team lead <ins>and log the approver</ins>.</p></div>')
  })
})
