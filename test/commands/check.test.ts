import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {ROOT, runSopkit, sopkit, tempRepo} from '../helpers/cli.js'
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

type CheckJson = {findings: JsonFinding[]; summary: {errors: number; warnings: number}}

/** `check --json`, in-process unless `spawn` asks for a real child process. */
const checkJson = async (cwd: string, args: string[] = [], spawn = false) => {
  const r = spawn ? sopkit(['check', '--json', ...args], {cwd}) : await runSopkit(['check', '--json', ...args], {cwd})
  return {...r, json: JSON.parse(r.stdout) as CheckJson}
}

const noTrace = (r: {stdout: string; stderr: string}) => {
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
}

describe('sopkit check on the bundled library', () => {
  it('passes with no errors and a readable report', async () => {
    const r = await runSopkit(['check'], {cwd: ROOT})
    // Nothing on stderr but, at most, the one note on why some merge bases cannot be found (a based_on no commit has,
    // or a shallow clone in CI): SPEC "Variants over time".
    expect(r.stderr.replace(/^note: .*fetch-depth: 0.*\n$/, '')).toBe('')
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
    'sops/global/version.md': doc({
      rawFront:
        'id: version\ntitle: V\ntype: sop\nversion: 1.10\nstatus: approved\nowner: a@b.co\nmarkets: [GLOBAL]\nchannels: [email]\neffective: 2026-01-01\nreview_by: 2099-01-01',
    }),
    'sops/global/no-escalation.md': doc({
      front: {id: 'no-escalation'},
      body: '# T\n\n## Purpose\n\n## Scope\n\n## Procedure\n',
    }),
    'sops/global/overdue.md': doc({front: {id: 'overdue', review_by: '2020-01-01', effective: '2019-01-01'}}),
    'sops/global/order.md': doc({front: {id: 'order', effective: '2030-01-01', review_by: '2029-01-01'}}),
    'sops/DE/refund-copy.md': doc({front: {markets: ['DE'], compliance: ['GDPR'], based_on: '1.4.0'}}),
    'sops/SG/orphan.md': doc({front: {id: 'orphan', markets: ['SG'], compliance: ['SG-PDPA'], based_on: '1.0.0'}}),
    'sops/SG/drift.md': doc({
      front: {markets: ['SG'], compliance: ['SG-PDPA'], based_on: '1.4.0'},
      body: '# Refund escalation (SG)\n\n## Purpose\n\nDifferent purpose.\n\n## Scope\n\nAll refunds.\n\n## Procedure\n\n1. Check the order.\n\n### Refund above limit\n\nEscalate to a team lead.\n\n## Escalation\n\nHand off to tier 2.\n',
    }),
    'sops/global/js.md':
      '---js\n{ id: (function () { require("fs").writeFileSync("PWNED", "x"); return "x" })() }\n---\n# x\n',
  })
  let json: CheckJson = {findings: [], summary: {errors: 0, warnings: 0}}
  let code = -1
  let stderr = ''
  beforeAll(async () => ({json, code, stderr} = await checkJson(repo)))
  const find = (file: string, ruleId: string) => json.findings.filter(f => f.file === file && f.ruleId === ruleId)

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
    expect(found.map(f => [f.line, f.column])).toContainEqual([line, column])
    for (const f of found) expect(f.mend.length).toBeGreaterThan(10)
  })

  it('suggests the near-miss market', () => {
    expect(find('sops/FR/refund.md', 'known-market')[0]).toMatchObject({messageId: 'unknown'})
    expect(JSON.stringify(find('sops/FR/refund.md', 'known-market'))).toMatch(/did you mean \\"FR\\"/)
  })

  it('keeps NO as Norway: with GDPR it passes', () => {
    expect(json.findings.filter(f => f.file === 'sops/NO/ok.md')).toEqual([])
  })

  it('never evaluates ---js front matter', () => {
    expect(existsSync(path.join(repo, 'PWNED'))).toBe(false)
  })

  it('prints file:line:col in the compact format', async () => {
    const r = await runSopkit(['check', '--format', 'compact'], {cwd: repo})
    expect(r.stdout).toMatch(/^sops\/FR\/refund\.md:9:5: error \[known-market\]/m)
  })
})

describe('exit codes', () => {
  const clean = () => tempRepo({'sops/global/a.md': doc()})
  const withWarning = () =>
    tempRepo({
      'sops/global/a.md': doc({front: {version: '2.0.0'}}),
      'sops/GB/a.md': doc({front: {markets: ['GB'], compliance: ['UK-GDPR'], based_on: '1.0.0'}}),
    })

  // A real process: the exit code a shell sees.
  it('is 0 on a clean library, with and without --json', async () => {
    expect(sopkit(['check'], {cwd: clean()}).code).toBe(0)
    expect((await checkJson(clean(), [], true)).code).toBe(0)
  })

  it('is 0 on warnings, and 1 when they exceed --max-warnings', async () => {
    expect((await runSopkit(['check'], {cwd: withWarning()})).code).toBe(0)
    const r = await runSopkit(['check', '--max-warnings', '0'], {cwd: withWarning()})
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/too many warnings/)
  })

  it('is 1 on errors under --json too, with valid JSON (a real process)', async () => {
    const r = await checkJson(tempRepo({'sops/global/a.md': doc({front: {markets: ['ZZ']}})}), [], true)
    expect(r.code).toBe(1)
    expect(r.json.summary.errors).toBe(1)
  })

  it('says under --json why it exits 1 on warnings', async () => {
    const r = await runSopkit(['check', '--json', '--max-warnings', '0'], {cwd: withWarning()})
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).failure).toBe('1 warning, more than --max-warnings 0')
  })

  it('is 0 with a warning when a named file is not a document (a README passed by a hook)', async () => {
    const repo = tempRepo({'sops/global/a.md': doc(), 'sops/README.md': '# About these SOPs\n'})
    const r = await runSopkit(['check', 'sops/README.md', 'sops/global/a.md'], {cwd: repo})
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/1 document checked, no problems/)
    expect(r.stderr.trim()).toBe("warning: sops/README.md skipped: not among the config's documents, or ignored")
  })

  it('lets --rule turn an error off', async () => {
    const repo = tempRepo({'sops/global/a.md': doc({front: {review_by: '2020-01-01', effective: '2019-01-01'}})})
    expect((await runSopkit(['check'], {cwd: repo})).code).toBe(1)
    expect((await runSopkit(['check', '--rule', 'review-overdue=off'], {cwd: repo})).code).toBe(0)
  })

  it.each([
    [
      'a broken config',
      {'sopkit.config.yaml': 'rules: {review-overdue: loud}\n'},
      [],
      /sopkit\.config\.yaml: rules\.review-overdue/,
    ],
    [
      'an unknown rule in the config',
      {'sopkit.config.yaml': 'rules: {review-overdu: warn}\n'},
      [],
      /did you mean "review-overdue"/,
    ],
    ['a missing path', {}, ['nope/'], /nope\/: no such file or folder/],
    [
      'a --changed-since that is not a revision',
      {},
      ['--changed-since', 'no-such-ref'],
      /--changed-since "no-such-ref" is not a git revision|not inside a git repository/,
    ],
    [
      'a --changed-since that looks like an option',
      {},
      ['--changed-since=--output=/tmp/x'],
      /is not a git revision|not inside a git repository/,
    ],
    ['an unknown flag', {}, ['--frobnicate'], /frobnicate/],
    ['a glob that matches nothing', {}, ['sops/**/nope-*.md'], /no documents matched "sops\/\*\*\/nope-\*\.md"/],
    [
      'an --output under a file',
      {},
      ['-o', 'sops/global/a.md/report.txt'],
      /sops\/global\/a\.md\/report\.txt: a part of the path is a file, not a folder \(ENOTDIR\)/,
    ],
    ['a bad --rule', {}, ['--rule', 'review-overdue=loud'], /severity must be off, warn or error/],
  ])('is 2 with a one-line error and a mend for %s', async (_, files, args, pattern) => {
    const repo = tempRepo({'sops/global/a.md': doc(), ...files})
    execFileSync('git', ['init', '-q'], {cwd: repo})
    for (const json of [false, true]) {
      const r = await runSopkit(['check', ...args, ...(json ? ['--json'] : [])], {cwd: repo})
      expect(r.code).toBe(2)
      noTrace(r)
      if (json) {
        expect(JSON.parse(r.stdout).error.message).toMatch(pattern)
      } else {
        const lines = r.stderr.trim().split('\n')
        expect(lines, r.stderr).toHaveLength(1)
        expect(lines[0]).toMatch(pattern)
        expect(lines[0]).toMatch(/ — mend: \S/)
      }
    }
  })
})

describe('--fix', () => {
  const body =
    '# T\r\n\r\n## Purpose\r\n\r\n## Scope\r\n\r\n## Procedure\r\n\r\n## Escalation\r\n\r\nversion: 1.10 stays here\r\n'
  const front =
    'id: a\r\ntitle: T\r\ntype: sop\r\nversion: 1.10\r\nstatus: Approved\r\nowner: a@b.co\r\nmarkets: [GLOBAL]\r\nchannels: [email]\r\neffective: 2026-01-01\r\nreview_by: 2099-01-01\r\n'
  const original = `\uFEFF---\r\n${front}---\r\n${body}`

  it('quotes retyped values, keeps the body bytes, CRLF and BOM, and is idempotent', async () => {
    const repo = tempRepo({'sops/global/a.md': original})
    const file = path.join(repo, 'sops/global/a.md')
    const r = await runSopkit(['check', '--fix'], {cwd: repo})
    const fixed = readFileSync(file, 'utf8')
    expect(fixed).toContain('version: "1.10"\r\n')
    expect(fixed).toContain('status: "approved"\r\n')
    expect(fixed.startsWith('\uFEFF---\r\n')).toBe(true)
    expect(fixed.endsWith(`---\r\n${body}`)).toBe(true)
    expect(r.stderr).toMatch(/fixed 2 problems in sops\/global\/a\.md/)
    const again = await runSopkit(['check', '--fix'], {cwd: repo})
    expect(readFileSync(file, 'utf8')).toBe(fixed)
    expect(again.stderr).not.toMatch(/fixed/)
  })
})

describe('--output, formats and CI integration', () => {
  it('writes the report to a file, overwriting it', async () => {
    const repo = tempRepo({'sops/global/a.md': doc({front: {markets: ['ZZ']}}), 'report.sarif': 'old'})
    const r = await runSopkit(['check', '--format', 'sarif', '-o', 'report.sarif'], {cwd: repo})
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(JSON.parse(readFileSync(path.join(repo, 'report.sarif'), 'utf8')).version).toBe('2.1.0')
  })

  it('appends a job summary for the github format when GITHUB_STEP_SUMMARY is set', async () => {
    const repo = tempRepo({'sops/global/a.md': doc({front: {markets: ['ZZ']}}), 'summary.md': '# earlier step\n'})
    const r = await runSopkit(['check', '--format', 'github'], {
      cwd: repo,
      env: {GITHUB_STEP_SUMMARY: path.join(repo, 'summary.md')},
    })
    expect(r.stdout).toMatch(/^::error file=sops\/global\/a\.md,line=9,col=5,title=known-market::/m)
    const summary = readFileSync(path.join(repo, 'summary.md'), 'utf8')
    expect(summary.startsWith('# earlier step\n')).toBe(true)
    expect(summary).toMatch(/known-market/)
  })
})

describe('--changed-since', () => {
  it('checks only documents changed since the revision', async () => {
    const repo = tempRepo({
      'sops/global/a.md': doc({front: {markets: ['ZZ']}}),
      'sops/global/b.md': doc({front: {id: 'b'}}),
    })
    const git = (...args: string[]) => execFileSync('git', args, {cwd: repo})
    git('init', '-q')
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'add', '.')
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'init')
    writeFileSync(path.join(repo, 'sops/global/b.md'), doc({front: {id: 'b', channels: ['fax']}}))
    const {json} = await checkJson(repo, ['--changed-since', 'HEAD'])
    expect(json.findings.map(f => `${f.file} ${f.ruleId}`)).toEqual(['sops/global/b.md known-channel'])
  })
})

describe('--cache', () => {
  it('gives the same findings from the cache, and sees edits', async () => {
    const repo = tempRepo({'sops/global/a.md': doc({front: {markets: ['ZZ']}})})
    const first = await checkJson(repo, ['--cache'])
    expect(existsSync(path.join(repo, '.sopkitcache'))).toBe(true)
    expect((await checkJson(repo, ['--cache'])).json.findings).toEqual(first.json.findings)
    writeFileSync(path.join(repo, 'sops/global/a.md'), doc())
    expect((await checkJson(repo, ['--cache'])).json.findings).toEqual([])
  })
})

describe('suppressions', () => {
  it("records today's errors, then fails only on new ones", async () => {
    const repo = tempRepo({'sops/global/a.md': doc({front: {markets: ['ZZ']}})})
    const recorded = await runSopkit(['check', '--suppress-all'], {cwd: repo})
    expect(recorded.code).toBe(0)
    expect(JSON.parse(readFileSync(path.join(repo, 'sopkit-suppressions.json'), 'utf8'))).toEqual({
      'sops/global/a.md': {'known-market': {count: 1}},
    })
    expect((await runSopkit(['check'], {cwd: repo})).code).toBe(0)
    writeFileSync(path.join(repo, 'sops/global/b.md'), doc({front: {id: 'b', markets: ['QQ']}}))
    const r = await checkJson(repo)
    expect(r.code).toBe(1)
    expect(r.json.findings.map(f => f.file)).toEqual(['sops/global/b.md'])
  })

  it('on some files, records theirs and keeps what was recorded for the others', async () => {
    const repo = tempRepo({
      'sops/global/a.md': doc({front: {markets: ['ZZ']}}),
      'sops/global/b.md': doc({front: {id: 'b', markets: ['QQ']}}),
    })
    const file = path.join(repo, 'sopkit-suppressions.json')
    expect((await runSopkit(['check', '--suppress-all'], {cwd: repo})).code).toBe(0)
    writeFileSync(path.join(repo, 'sops/global/b.md'), doc({front: {id: 'b'}}))
    expect((await runSopkit(['check', '--suppress-all', 'sops/global/b.md'], {cwd: repo})).code).toBe(0)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({'sops/global/a.md': {'known-market': {count: 1}}})
    // Checking only b.md does not call a.md's entry unused: a.md was not looked at.
    expect((await runSopkit(['check', 'sops/global/b.md'], {cwd: repo})).stderr).not.toMatch(/no longer occur/)
    writeFileSync(path.join(repo, 'sops/global/a.md'), doc())
    expect((await runSopkit(['check'], {cwd: repo})).stderr).toMatch(/1 suppression\(s\) no longer occur/)
  })

  it('rejects a malformed suppressions file with exit 2', async () => {
    const repo = tempRepo({'sops/global/a.md': doc(), 'sopkit-suppressions.json': '{"a": 1}'})
    const r = await runSopkit(['check'], {cwd: repo})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/sopkit-suppressions\.json/)
  })
})

describe('sopkit --version', () => {
  // A real process: bin/run.js answers --version itself, before oclif loads.
  it("prints oclif's user-agent line: name/version platform-arch node-version", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
    const r = sopkit(['--version'], {cwd: ROOT})
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(`sopkit/${pkg.version} ${process.platform}-${process.arch} node-${process.version}\n`)
  })
})

describe('flag parse errors', () => {
  it('say why on one line: --max-warnings -1', async () => {
    const r = await runSopkit(['check', '--max-warnings', '-1'], {cwd: tempRepo()})
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/--max-warnings.*greater than or equal to 0.*— mend:/)
  })
})
