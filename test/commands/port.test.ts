// sopkit port as a user runs it, in real temp git repositories: exit codes, idempotence, output purity.
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runSopkit} from '../helpers/cli.js'
import {SOP_BODY, doc} from '../helpers/docs.js'
import {commit, git, gitRepo} from '../helpers/git.js'

const B = 'sops/global/refund-escalation.md'
const EDITED = SOP_BODY.replace('Escalate to a team lead.', 'Escalate to a team lead and log the approver.')

function variant(market: string, compliance: string[], body = SOP_BODY, basedOn = '1.4.0'): string {
  return doc({front: {markets: [market], compliance, version: '1.4.1', based_on: basedOn}, body})
}

/** Baseline 1.4.0 with an SG variant that left "Refund above limit" alone and a DE one that changed it; then 1.5.0 edits it. */
function repo(): string {
  const root = gitRepo({
    [B]: doc(),
    'sops/SG/refund-escalation.md': variant('SG', ['SG-PDPA']),
    'sops/DE/refund-escalation.md': variant(
      'DE',
      ['GDPR', 'AI-ACT', 'DSA'],
      SOP_BODY.replace('Escalate to a team lead.', 'Escalate to the DACH lead.'),
    ),
  })
  commit(root, {[B]: doc({front: {version: '1.5.0'}, body: EDITED})})
  return root
}

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8')

describe('sopkit port', () => {
  it('ports into the variant that left the section alone, keeps the conflict (exit 1), and a second run changes nothing', async () => {
    const root = repo()
    const first = await runSopkit(['port', 'refund-escalation', '--all'], {cwd: root})
    expect(first.code).toBe(1)
    expect(first.stdout).toMatch(
      /sops\/SG\/refund-escalation\.md {2}ported 1 section, version 1\.4\.1 → 1\.4\.2, based_on 1\.4\.0 → 1\.5\.0/,
    )
    expect(first.stdout).toMatch(/! Procedure > Refund above limit {2}conflict: changed upstream, changed in DE/)
    expect(read(root, 'sops/SG/refund-escalation.md')).toContain('Escalate to a team lead and log the approver.')
    expect(read(root, 'sops/DE/refund-escalation.md')).toContain('Escalate to the DACH lead.')
    git(root, 'add', '-A')
    const second = await runSopkit(['port', 'refund-escalation', '--all'], {cwd: root})
    expect(second.code).toBe(1)
    expect(git(root, 'status', '--porcelain')).toMatch(/^M {2}/m)
    expect(git(root, 'diff', '--name-only')).toBe('')
  })

  it('--dry-run writes nothing; --json prints only JSON', async () => {
    const root = repo()
    const dry = await runSopkit(['port', 'refund-escalation', '--market', 'SG', '--dry-run'], {cwd: root})
    expect(dry.code).toBe(0)
    expect(dry.stdout).toMatch(/would port 1 section/)
    expect(dry.stdout).toMatch(/\{\+[^}]*log the approver[^}]*\+\}/)
    expect(git(root, 'status', '--porcelain')).toBe('')
    const json = await runSopkit(['port', 'refund-escalation', '--market', 'DE', '--market', 'SG', '--json'], {
      cwd: root,
    })
    expect(json.code).toBe(1)
    const result = JSON.parse(json.stdout) as {
      plans: Array<{file: string; conflicts: unknown[]; rebased: boolean}>
      written: string[]
    }
    expect(result.plans.map(p => [p.file, p.conflicts.length, p.rebased])).toEqual([
      ['sops/DE/refund-escalation.md', 1, false],
      ['sops/SG/refund-escalation.md', 0, true],
    ])
    expect(result.written).toEqual(['sops/SG/refund-escalation.md'])
  })

  it('exits 2 with one line on bad input, and writes nothing', async () => {
    const root = repo()
    commit(root, {'sops/MY/refund-escalation.md': variant('MY', ['MY-PDPA'], SOP_BODY, '1.3.7')})
    const cases: Array<[string[], RegExp]> = [
      [
        ['port', 'refund-escalaton', '--all'],
        /no document has id "refund-escalaton".*did you mean "refund-escalation"/,
      ],
      [
        ['port', 'refund-escalation', '--market', 'BR'],
        /refund-escalation has no BR variant.*mend: pick a market that has one \(SG, DE, MY\)|refund-escalation has no BR variant/,
      ],
      [
        ['port', 'refund-escalation', '--market', 'MY'],
        /based on sops\/global\/refund-escalation\.md version 1\.3\.7, which no commit/,
      ],
      [['port', 'refund-escalation'], /which markets of refund-escalation\?/],
    ]
    for (const [args, message] of cases) {
      const r = await runSopkit(args, {cwd: root})
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(message)
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
    expect(git(root, 'status', '--porcelain')).toBe('')
  })
})

describe('sopkit diff --upstream', () => {
  it('shows what the baseline changed since based_on, each section port-able or a conflict', async () => {
    const root = repo()
    const sg = await runSopkit(['diff', 'refund-escalation', '--market', 'SG', '--upstream'], {cwd: root})
    expect(sg.code).toBe(0)
    expect(sg.stdout).toMatch(/^sops\/global\/refund-escalation\.md@1\.4\.0 → sops\/global\/refund-escalation\.md$/m)
    expect(sg.stdout).toMatch(/~ Procedure > Refund above limit {2}changed {2}port-able/)
    const de = await runSopkit(['diff', 'refund-escalation', '--market', 'DE', '--upstream', '--format', 'json'], {
      cwd: root,
    })
    const json = JSON.parse(de.stdout) as {diff: {sections: Array<{path: string; port?: string}>}}
    expect(json.diff.sections.filter(s => s.port).map(s => `${s.path}:${s.port}`)).toEqual([
      'Procedure > Refund above limit:conflict',
    ])
    const none = await runSopkit(['diff', 'refund-escalation', '--market', 'BR', '--upstream'], {cwd: root})
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/^error: refund-escalation has no BR variant/)
  })
})

describe('sopkit check on a shallow clone', () => {
  it("prints one note, judges drift against today's baseline as before, and does not fail", async () => {
    const clone = path.join(repo(), 'clone')
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${path.dirname(clone)}`, clone])
    const r = await runSopkit(['check'], {cwd: clone})
    expect(r.code).toBe(0)
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^note: this is a shallow clone: .*fetch-depth: 0/),
    ])
    expect(r.stdout).toMatch(
      /sops\/SG\/refund-escalation\.md[\s\S]*Unapproved drift: section "Procedure > Refund above limit"/,
    )
  })
})
