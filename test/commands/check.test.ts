import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, sopkit, tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

interface JsonFinding {
  file: string
  ruleId: string
  messageId: string
  line: number
  column: number
  severity: string
  mend: string
}

const checkJson = (cwd: string, args: string[] = []) => {
  const r = sopkit(['check', '--json', ...args], {cwd})
  return {...r, json: JSON.parse(r.stdout) as {findings: JsonFinding[]; summary: {errors: number; warnings: number}}}
}

const noTrace = (r: {stdout: string; stderr: string}) => expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)

describe('sopkit check on the bundled library', () => {
  it('passes with no errors and a readable report', () => {
    const r = sopkit(['check'], {cwd: ROOT})
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/0 errors|no problems/)
  })
})

describe('sopkit check on a broken library', () => {
  const repo = tempRepo({
    'sops/global/refund.md': doc({front: {version: '1.4.0'}}),
    'sops/DE/refund.md': doc({front: {markets: ['DE'], based_on: '1.2.0', compliance: []}}),
    'sops/FR/refund.md': doc({front: {markets: ['FRR'], based_on: '1.4.0'}}),
    'sops/NO/ok.md': doc({front: {id: 'norway-ok', markets: ['NO'], compliance: ['GDPR']}}),
    'sops/SG/channel.md': doc({front: {id: 'channel', markets: ['GLOBAL'], channels: ['chatbott']}}),
    'sops/global/owner.md': doc({front: {id: 'owner', owner: undefined}}),
    'sops/global/version.md': doc({rawFront: 'id: version\ntitle: V\ntype: sop\nversion: 1.10\nstatus: approved\nowner: a@b.co\nmarkets: [GLOBAL]\nchannels: [email]\neffective: 2026-01-01\nreview_by: 2099-01-01'}),
    'sops/global/no-escalation.md': doc({front: {id: 'no-escalation'}, body: '# T\n\n## Purpose\n\n## Scope\n\n## Procedure\n'}),
    'sops/global/overdue.md': doc({front: {id: 'overdue', review_by: '2020-01-01', effective: '2019-01-01'}}),
    'sops/global/order.md': doc({front: {id: 'order', effective: '2030-01-01', review_by: '2029-01-01'}}),
    'sops/DE/refund-copy.md': doc({front: {markets: ['DE'], compliance: ['GDPR'], based_on: '1.4.0'}}),
    'sops/SG/orphan.md': doc({front: {id: 'orphan', markets: ['SG'], compliance: ['SG-PDPA'], based_on: '1.0.0'}}),
    'sops/SG/drift.md': doc({front: {markets: ['SG'], compliance: ['SG-PDPA'], based_on: '1.4.0'}, body: '# Refund escalation (SG)\n\n## Purpose\n\nDifferent purpose.\n\n## Scope\n\nAll refunds.\n\n## Procedure\n\n1. Check the order.\n\n### Refund above limit\n\nEscalate to a team lead.\n\n## Escalation\n\nHand off to tier 2.\n'}),
    'sops/global/js.md': '---js\n{ id: (function () { require("fs").writeFileSync("PWNED", "x"); return "x" })() }\n---\n# x\n',
  })
  const {json, code, stderr} = checkJson(repo)
  const find = (file: string, ruleId: string) => json.findings.filter((f) => f.file === file && f.ruleId === ruleId)

  it('exits 1 with findings and no trace', () => {
    expect(code).toBe(1)
    noTrace({stdout: '', stderr})
  })

  it.each([
    ['sops/DE/refund.md', 'require-compliance', 13, 1],
    ['sops/FR/refund.md', 'known-market', 9, 5],
    ['sops/SG/channel.md', 'known-channel', 11, 5],
    ['sops/global/owner.md', 'require-fields', 2, 1],
    ['sops/global/version.md', 'no-yaml-typing', 5, 10],
    ['sops/global/no-escalation.md', 'require-sections', 17, 1],
    ['sops/global/overdue.md', 'review-overdue', 15, 12],
    ['sops/DE/refund.md', 'variant-outdated', 16, 11],
    ['sops/SG/drift.md', 'no-drift', 21, 1],
    ['sops/DE/refund.md', 'unique-variant', 9, 5],
    ['sops/SG/orphan.md', 'variant-has-baseline', 17, 1],
    ['sops/global/order.md', 'date-order', 14, 12],
    ['sops/global/js.md', 'valid-front-matter', 1, 1],
  ])('%s: %s at %i:%i, with a mend', (file, ruleId, line, column) => {
    const found = find(file, ruleId)
    expect(found.map((f) => [f.line, f.column])).toContainEqual([line, column])
    for (const f of found) expect(f.mend.length).toBeGreaterThan(10)
  })

  it('suggests the near-miss market', () => {
    expect(find('sops/FR/refund.md', 'known-market')[0]).toMatchObject({messageId: 'unknown'})
    expect(JSON.stringify(find('sops/FR/refund.md', 'known-market'))).toMatch(/did you mean \\"FR\\"/)
  })

  it('keeps NO as Norway: with GDPR it passes', () => {
    expect(json.findings.filter((f) => f.file === 'sops/NO/ok.md')).toEqual([])
  })

  it('never evaluates ---js front matter', () => {
    expect(existsSync(path.join(repo, 'PWNED'))).toBe(false)
  })

  it('prints file:line:col in the compact format', () => {
    const r = sopkit(['check', '--format', 'compact'], {cwd: repo})
    expect(r.stdout).toMatch(/^sops\/FR\/refund\.md:9:5: error \[known-market\]/m)
  })
})

describe('exit codes', () => {
  const clean = () => tempRepo({'sops/global/a.md': doc()})
  const withWarning = () => tempRepo({
    'sops/global/a.md': doc({front: {version: '2.0.0'}}),
    'sops/GB/a.md': doc({front: {markets: ['GB'], compliance: ['UK-GDPR'], based_on: '1.0.0'}}),
  })

  it('is 0 on a clean library, with and without --json', () => {
    expect(sopkit(['check'], {cwd: clean()}).code).toBe(0)
    expect(checkJson(clean()).code).toBe(0)
  })

  it('is 0 on warnings, and 1 when they exceed --max-warnings', () => {
    expect(sopkit(['check'], {cwd: withWarning()}).code).toBe(0)
    const r = sopkit(['check', '--max-warnings', '0'], {cwd: withWarning()})
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/too many warnings/)
  })

  it('is 1 on errors under --json too, with valid JSON', () => {
    const r = checkJson(tempRepo({'sops/global/a.md': doc({front: {markets: ['ZZ']}})}))
    expect(r.code).toBe(1)
    expect(r.json.summary.errors).toBe(1)
  })

  it('lets --rule turn an error off', () => {
    const repo = tempRepo({'sops/global/a.md': doc({front: {review_by: '2020-01-01', effective: '2019-01-01'}})})
    expect(sopkit(['check'], {cwd: repo}).code).toBe(1)
    expect(sopkit(['check', '--rule', 'review-overdue=off'], {cwd: repo}).code).toBe(0)
  })

  it.each([
    ['a broken config', {'sopkit.config.yaml': 'rules: {review-overdue: loud}\n'}, [], /sopkit\.config\.yaml: rules\.review-overdue/],
    ['an unknown rule in the config', {'sopkit.config.yaml': 'rules: {review-overdu: warn}\n'}, [], /did you mean "review-overdue"/],
    ['a missing path', {}, ['nope/'], /nope\/: no such file or folder/],
    ['a --changed-since that is not a revision', {}, ['--changed-since', 'no-such-ref'], /--changed-since "no-such-ref" is not a git revision|not inside a git repository/],
    ['a --changed-since that looks like an option', {}, ['--changed-since=--output=/tmp/x'], /is not a git revision|not inside a git repository/],
    ['an unknown flag', {}, ['--frobnicate'], /frobnicate/],
    ['a bad --rule', {}, ['--rule', 'review-overdue=loud'], /severity must be off, warn or error/],
  ])('is 2 with a one-line error and a mend for %s', (_, files, args, pattern) => {
    const repo = tempRepo({'sops/global/a.md': doc(), ...files})
    execFileSync('git', ['init', '-q'], {cwd: repo})
    for (const json of [false, true]) {
      const r = sopkit(['check', ...args, ...(json ? ['--json'] : [])], {cwd: repo})
      expect(r.code).toBe(2)
      noTrace(r)
      if (json) {
        expect(JSON.parse(r.stdout).error.message).toMatch(pattern)
      } else {
        const lines = r.stderr.trim().split('\n')
        expect(lines).toHaveLength(1)
        expect(lines[0]).toMatch(pattern)
        expect(lines[0]).toMatch(/ — mend: \S/)
      }
    }
  })
})

describe('--fix', () => {
  const body = '# T\r\n\r\n## Purpose\r\n\r\n## Scope\r\n\r\n## Procedure\r\n\r\n## Escalation\r\n\r\nversion: 1.10 stays here\r\n'
  const front = 'id: a\r\ntitle: T\r\ntype: sop\r\nversion: 1.10\r\nstatus: Approved\r\nowner: a@b.co\r\nmarkets: [GLOBAL]\r\nchannels: [email]\r\neffective: 2026-01-01\r\nreview_by: 2099-01-01\r\n'
  const original = `\uFEFF---\r\n${front}---\r\n${body}`

  it('quotes retyped values, keeps the body bytes, CRLF and BOM, and is idempotent', () => {
    const repo = tempRepo({'sops/global/a.md': original})
    const file = path.join(repo, 'sops/global/a.md')
    const r = sopkit(['check', '--fix'], {cwd: repo})
    const fixed = readFileSync(file, 'utf8')
    expect(fixed).toContain('version: "1.10"\r\n')
    expect(fixed).toContain('status: "approved"\r\n')
    expect(fixed.startsWith('\uFEFF---\r\n')).toBe(true)
    expect(fixed.endsWith(`---\r\n${body}`)).toBe(true)
    expect(r.stderr).toMatch(/fixed 2 problems in sops\/global\/a\.md/)
    const again = sopkit(['check', '--fix'], {cwd: repo})
    expect(readFileSync(file, 'utf8')).toBe(fixed)
    expect(again.stderr).not.toMatch(/fixed/)
  })
})

describe('--output, formats and CI integration', () => {
  it('writes the report to a file, overwriting it', () => {
    const repo = tempRepo({'sops/global/a.md': doc({front: {markets: ['ZZ']}}), 'report.sarif': 'old'})
    const r = sopkit(['check', '--format', 'sarif', '-o', 'report.sarif'], {cwd: repo})
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(JSON.parse(readFileSync(path.join(repo, 'report.sarif'), 'utf8')).version).toBe('2.1.0')
  })

  it('appends a job summary for the github format when GITHUB_STEP_SUMMARY is set', () => {
    const repo = tempRepo({'sops/global/a.md': doc({front: {markets: ['ZZ']}}), 'summary.md': '# earlier step\n'})
    const r = sopkit(['check', '--format', 'github'], {cwd: repo, env: {GITHUB_STEP_SUMMARY: path.join(repo, 'summary.md')}})
    expect(r.stdout).toMatch(/^::error file=sops\/global\/a\.md,line=9,col=5,title=known-market::/m)
    const summary = readFileSync(path.join(repo, 'summary.md'), 'utf8')
    expect(summary.startsWith('# earlier step\n')).toBe(true)
    expect(summary).toMatch(/known-market/)
  })
})

describe('--changed-since', () => {
  it('checks only documents changed since the revision', () => {
    const repo = tempRepo({'sops/global/a.md': doc({front: {markets: ['ZZ']}}), 'sops/global/b.md': doc({front: {id: 'b'}})})
    const git = (...args: string[]) => execFileSync('git', args, {cwd: repo})
    git('init', '-q')
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'add', '.')
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'init')
    writeFileSync(path.join(repo, 'sops/global/b.md'), doc({front: {id: 'b', channels: ['fax']}}))
    const {json} = checkJson(repo, ['--changed-since', 'HEAD'])
    expect(json.findings.map((f) => `${f.file} ${f.ruleId}`)).toEqual(['sops/global/b.md known-channel'])
  })
})

describe('--cache', () => {
  it('gives the same findings from the cache, and sees edits', () => {
    const repo = tempRepo({'sops/global/a.md': doc({front: {markets: ['ZZ']}})})
    const first = checkJson(repo, ['--cache'])
    expect(existsSync(path.join(repo, '.sopkitcache'))).toBe(true)
    expect(checkJson(repo, ['--cache']).json.findings).toEqual(first.json.findings)
    writeFileSync(path.join(repo, 'sops/global/a.md'), doc())
    expect(checkJson(repo, ['--cache']).json.findings).toEqual([])
  })
})

describe('suppressions', () => {
  it('records today\'s errors, then fails only on new ones', () => {
    const repo = tempRepo({'sops/global/a.md': doc({front: {markets: ['ZZ']}})})
    const recorded = sopkit(['check', '--suppress-all'], {cwd: repo})
    expect(recorded.code).toBe(0)
    expect(JSON.parse(readFileSync(path.join(repo, 'sopkit-suppressions.json'), 'utf8'))).toEqual({'sops/global/a.md': {'known-market': {count: 1}}})
    expect(sopkit(['check'], {cwd: repo}).code).toBe(0)
    writeFileSync(path.join(repo, 'sops/global/b.md'), doc({front: {id: 'b', markets: ['QQ']}}))
    const r = checkJson(repo)
    expect(r.code).toBe(1)
    expect(r.json.findings.map((f) => f.file)).toEqual(['sops/global/b.md'])
  })

  it('on some files, records theirs and keeps what was recorded for the others', () => {
    const repo = tempRepo({'sops/global/a.md': doc({front: {markets: ['ZZ']}}), 'sops/global/b.md': doc({front: {id: 'b', markets: ['QQ']}})})
    const file = path.join(repo, 'sopkit-suppressions.json')
    expect(sopkit(['check', '--suppress-all'], {cwd: repo}).code).toBe(0)
    writeFileSync(path.join(repo, 'sops/global/b.md'), doc({front: {id: 'b'}}))
    expect(sopkit(['check', '--suppress-all', 'sops/global/b.md'], {cwd: repo}).code).toBe(0)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({'sops/global/a.md': {'known-market': {count: 1}}})
    // Checking only b.md does not call a.md's entry unused: a.md was not looked at.
    expect(sopkit(['check', 'sops/global/b.md'], {cwd: repo}).stderr).not.toMatch(/no longer occur/)
    writeFileSync(path.join(repo, 'sops/global/a.md'), doc())
    expect(sopkit(['check'], {cwd: repo}).stderr).toMatch(/1 suppression\(s\) no longer occur/)
  })

  it('rejects a malformed suppressions file with exit 2', () => {
    const repo = tempRepo({'sops/global/a.md': doc(), 'sopkit-suppressions.json': '{"a": 1}'})
    const r = sopkit(['check'], {cwd: repo})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/sopkit-suppressions\.json/)
  })
})

describe('sopkit --version', () => {
  it('prints oclif\'s user-agent line: name/version platform-arch node-version', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
    const r = sopkit(['--version'], {cwd: ROOT})
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(`sopkit/${pkg.version} ${process.platform}-${process.arch} node-${process.version}\n`)
  })
})

describe('flag parse errors', () => {
  it('say why on one line: --max-warnings -1', () => {
    const r = sopkit(['check', '--max-warnings', '-1'], {cwd: tempRepo()})
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/--max-warnings.*greater than or equal to 0.*— mend:/)
  })
})
