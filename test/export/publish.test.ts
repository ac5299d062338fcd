// Playbook honesty: what check finds in a playbook's documents (unapproved drift, missing regimes)
// is listed under "Before you publish" in every format and fails --strict; a document not yet in
// effect on the playbook's date is left out (the market reads what it read until then) and listed.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runSopkit, tempRepo} from '../helpers/cli.js'
import {SOP_BODY, doc} from '../helpers/docs.js'
import {commit, gitRepo} from '../helpers/git.js'

const DE = {markets: ['DE'], version: '1.4.1', based_on: '1.4.0', compliance: ['GDPR', 'AI-ACT', 'DSA']}

function repo(variant: Record<string, unknown>, body = SOP_BODY): string {
  return tempRepo({
    'sops/global/refund-escalation.md': doc(),
    'sops/DE/refund-escalation.md': doc({front: {...DE, ...variant}, body}),
  })
}

const DRIFTED = SOP_BODY.replace('Escalate to a team lead.', 'Escalate to the DACH lead.')
const exportDe = (root: string, ...args: string[]) =>
  runSopkit(['export', '--market', 'DE', '--date', '2026-05-01', ...args], {cwd: root})

describe('export: before you publish', () => {
  it('lists unapproved drift and a missing regime in md, and --strict exits 1', async () => {
    const root = repo({compliance: ['GDPR', 'AI-ACT']}, DRIFTED)
    const r = await exportDe(root, '-f', 'md', '-o', 'de.md')
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/warning before you publish: DE 2 problems/)
    const md = readFileSync(path.join(root, 'de.md'), 'utf8')
    const block = md.slice(md.indexOf('## Before you publish'), md.indexOf('## Contents'))
    expect(block).toMatch(
      /- \*\*Unapproved drift\*\*: \[Refund escalation\]\(#doc-refund-escalation\) \(sops\/DE\/refund-escalation\.md:\d+\): Unapproved drift: section "Procedure > Refund above limit"/,
    )
    expect(block).toMatch(/- \*\*Missing regime\*\*: .*Missing compliance tag "DSA"/)
    expect(block.match(/^- /gm)).toHaveLength(2)
    const strict = await exportDe(root, '-f', 'md', '-o', 'de.md', '--strict')
    expect(strict.code).toBe(1)
  })

  it('carries the same list in json, html and docx', async () => {
    const root = repo({}, DRIFTED)
    const json = JSON.parse((await exportDe(root, '-f', 'json', '-o', '-')).stdout) as {
      before_publish: Array<{kind: string; file: string}>
    }
    expect(json.before_publish.map(i => [i.kind, i.file])).toEqual([['drift', 'sops/DE/refund-escalation.md']])
    await exportDe(root, '-f', 'html', '-o', 'de.html')
    const html = readFileSync(path.join(root, 'de.html'), 'utf8')
    expect(html).toMatch(/<section class="publish" id="before-you-publish"[^>]*>\s*<h2>Before you publish<\/h2>/)
    expect(html.indexOf('id="before-you-publish"')).toBeLessThan(html.indexOf('id="toc"'))
    const docx = await exportDe(root, '-f', 'docx', '-o', 'de.docx')
    expect(docx.code).toBe(0)
  })

  it('lists an upstream conflict (the baseline and the variant both changed a section) from git history', async () => {
    const root = gitRepo({
      'sops/global/refund-escalation.md': doc(),
      'sops/DE/refund-escalation.md': doc({front: DE, body: DRIFTED}),
    })
    commit(root, {
      'sops/global/refund-escalation.md': doc({
        front: {version: '1.5.0'},
        body: SOP_BODY.replace('Escalate to a team lead.', 'Escalate to a team lead and log the approver.'),
      }),
    })
    const r = await exportDe(root, '-f', 'json', '-o', '-', '--strict')
    expect(r.code).toBe(1)
    const json = JSON.parse(r.stdout) as {before_publish: Array<{kind: string; message: string}>}
    expect(json.before_publish.map(i => i.kind).sort()).toEqual(['conflict', 'drift'])
    expect(json.before_publish.find(i => i.kind === 'conflict')!.message).toMatch(/1 upstream change .*1 conflict/)
  })

  it('a sound playbook has no block, and --strict passes', async () => {
    const root = repo({})
    const r = await exportDe(root, '-f', 'md', '-o', 'de.md', '--strict')
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(readFileSync(path.join(root, 'de.md'), 'utf8')).not.toContain('Before you publish')
  })

  it('leaves out a variant not yet in effect on --date, shows the baseline meanwhile, and lists it', async () => {
    const root = repo({effective: '2026-06-01'})
    const r = await exportDe(root, '-f', 'json', '-o', '-')
    const json = JSON.parse(r.stdout) as {
      not_yet_effective: unknown[]
      documents: Array<{file: string}>
    }
    expect(json.documents.map(d => d.file)).toEqual(['sops/global/refund-escalation.md'])
    expect(json.not_yet_effective).toEqual([
      {
        id: 'refund-escalation',
        title: 'Refund escalation',
        file: 'sops/DE/refund-escalation.md',
        effective: '2026-06-01',
        shown: 'sops/global/refund-escalation.md',
      },
    ])
    expect(r.stderr).toContain('1 document not in effect on 2026-05-01, left out')
    await exportDe(root, '-f', 'md', '-o', 'de.md')
    expect(readFileSync(path.join(root, 'de.md'), 'utf8')).toContain(
      '- sops/DE/refund-escalation.md (Refund escalation) takes effect on 2026-06-01; left out, this playbook shows sops/global/refund-escalation.md.',
    )
    const later = JSON.parse(
      (await runSopkit(['export', '-m', 'DE', '--date', '2026-06-01', '-f', 'json', '-o', '-'], {cwd: root})).stdout,
    ) as {documents: Array<{file: string}>; not_yet_effective: unknown[]}
    expect(later.documents.map(d => d.file)).toEqual(['sops/DE/refund-escalation.md'])
    expect(later.not_yet_effective).toEqual([])
  })
})
