// Playbook words in the market's language: the config's `taxonomy.markets.<M>.language` picks a
// label set (en and de built in, a repo's templates/export/labels/<language>.json adds one), in md,
// html and docx alike; an unknown language is an exit-2 config error listing the sets.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runSopkit, tempRepo} from '../helpers/cli.js'
import {SOP_BODY, doc} from '../helpers/docs.js'

const DE = {markets: ['DE'], version: '1.4.1', based_on: '1.4.0', compliance: ['GDPR', 'AI-ACT', 'DSA']}

function repo(config: string, extra: Record<string, string> = {}): string {
  return tempRepo({
    'sopkit.config.yaml': config,
    'sops/global/refund-escalation.md': doc(),
    'sops/DE/refund-escalation.md': doc({
      front: DE,
      body: SOP_BODY.replace('Escalate to a team lead.', 'Escalate to the DACH lead.'),
    }),
    ...extra,
  })
}

const exportTo = (root: string, market: string, format: string, file: string) =>
  runSopkit(['export', '-m', market, '-f', format, '-o', file, '--date', '2026-05-01'], {cwd: root})

describe('export: labels in the market language', () => {
  it('writes a German playbook for a market whose language is de, in md and html', async () => {
    const root = repo('taxonomy:\n  markets:\n    DE:\n      language: de\n')
    expect((await exportTo(root, 'DE', 'md', 'de.md')).code).toBe(0)
    const md = readFileSync(path.join(root, 'de.md'), 'utf8')
    expect(md).toContain('# Playbook Germany (DE)')
    expect(md).toContain('| Datum | 2026-05-01 |')
    expect(md).toContain('## Vor der Veröffentlichung')
    expect(md).toContain('## Inhalt\n')
    expect(md).toContain('| Feld | Wert |')
    expect(md).toMatch(/\| Quelle \| sops\/DE\/refund-escalation\.md — Variante DE \|/)
    expect(md).not.toContain('## Contents')
    expect((await exportTo(root, 'DE', 'html', 'de.html')).code).toBe(0)
    const html = readFileSync(path.join(root, 'de.html'), 'utf8')
    expect(html).toContain('<html lang="de">')
    expect(html).toContain('<h2>Inhalt</h2>')
    expect(html).toContain('<p class="kicker">Kundenservice-Playbook</p>')
    expect((await exportTo(root, 'DE', 'docx', 'de.docx')).code).toBe(0)
    // A market without a language stays English.
    expect((await exportTo(root, 'GLOBAL', 'md', 'global.md')).code).toBe(0)
    expect(readFileSync(path.join(root, 'global.md'), 'utf8')).toContain('## Contents\n')
  })

  it("takes a repo's own label set; keys it lacks read in English", async () => {
    const root = repo('taxonomy:\n  markets:\n    DE:\n      language: fr\n', {
      'templates/export/labels/fr.json': JSON.stringify({contents: 'Sommaire', date: 'Date du jour'}),
    })
    expect((await exportTo(root, 'DE', 'md', 'de.md')).code).toBe(0)
    const md = readFileSync(path.join(root, 'de.md'), 'utf8')
    expect(md).toContain('## Sommaire\n')
    expect(md).toContain('| Date du jour | 2026-05-01 |')
    expect(md).toContain('## Before you publish')
  })

  it('an unknown language is one exit-2 config error listing the sets, before anything is written', async () => {
    const root = repo('taxonomy:\n  markets:\n    DE:\n      language: de\n    FR:\n      language: klingon\n')
    const r = await runSopkit(['export', '-m', 'all', '-f', 'md', '-o', 'out'], {cwd: root})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /^error: .*sopkit\.config\.yaml: taxonomy\.markets\.FR\.language: no label set "klingon", expected one of de, en — mend: /,
    )
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stdout).toBe('')
  })

  it('a language named like what a plain object inherits is unknown too', async () => {
    const root = repo('taxonomy:\n  markets:\n    DE:\n      language: constructor\n')
    const r = await runSopkit(['export', '-m', 'DE', '-f', 'md', '-o', 'out'], {cwd: root})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /taxonomy\.markets\.DE\.language: no label set "constructor", expected one of de, en — mend: /,
    )
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
})
