import {spawn} from 'node:child_process'
import {execFileSync} from 'node:child_process'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {runCheck} from '../../src/check/engine.js'
import {todayUtc} from '../../src/core/dates.js'
import {loadConfig} from '../../src/core/config.js'
import {loadDocument} from '../../src/core/loader.js'
import {BIN, runSopkit, tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'
import {KEY, sopkitPty} from '../scaffold/pty.js'

/** Every file under `dir` (but .git) with its content: "nothing changed" is this staying equal. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const e of readdirSync(d, {withFileTypes: true})) {
      const full = path.join(d, e.name)
      if (e.name === '.git') continue
      if (e.isDirectory()) walk(full)
      else out[path.relative(dir, full)] = readFileSync(full, 'utf8')
    }
  }
  walk(dir)
  return out
}

const noTrace = (r: {stdout: string; stderr: string}) => {
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
}
const errorsOf = async (repo: string) =>
  (await runCheck({config: loadConfig(repo), cwd: repo})).findings.filter(f => f.severity === 'error')
const SOP_FLAGS = [
  '--title',
  'Refund escalation',
  '--market',
  'GLOBAL',
  '--channel',
  'chatbot,agent-assisted',
  '--owner',
  'cs-ops@example.com',
]
const baseline = {'sops/global/refund-escalation.md': doc({front: {compliance: []}})}

describe('a new user: init, new (interactive, then flags), a variant, check', () => {
  const repo = tempRepo()
  execFileSync('git', ['init', '-q'], {cwd: repo})

  it('works end to end and every file passes check with no errors', async () => {
    expect((await runSopkit(['init'], {cwd: repo})).code).toBe(0)
    const typed = sopkitPty(['new', 'sop'], repo, [
      ['Market', 'GLOBAL'],
      // The list filtered down to GLOBAL alone: an Enter sent while the search is still running is ignored.
      ['GLOBAL\\r\\n❯ Global \\(all markets\\)\\r\\n\\r\\n', KEY.enter],
      ['Title', `Refund escalation${KEY.enter}`],
      ['Id \\(kebab-case', KEY.enter], // the id derived from the title
      ['Channels', KEY.enter], // the template's defaults, pre-ticked
      ['Topics', KEY.enter],
      ['Compliance tags', KEY.enter],
      ['Owner', `cs-ops@example.com${KEY.enter}`],
    ])
    expect(typed.failed).toBeNull()
    expect(typed.output).toMatch(/created sops\/global\/refund-escalation.md/)
    expect(typed.code).toBe(0)
    const sop = await loadDocument(loadConfig(repo), path.join(repo, 'sops/global/refund-escalation.md'))
    expect(sop.meta).toMatchObject({
      id: 'refund-escalation',
      title: 'Refund escalation',
      type: 'sop',
      markets: ['GLOBAL'],
      owner: 'cs-ops@example.com',
      version: '0.1.0',
    })
    expect(sop.meta.channels).toEqual(['chatbot', 'agent-assisted'])

    const strategy = await runSopkit(
      [
        'new',
        'strategy',
        '--title',
        'AI agent rollout',
        '--market',
        'DE',
        '--channel',
        'ai-agent',
        '--owner',
        '@cs-strategy',
      ],
      {cwd: repo},
    )
    expect(strategy.stderr).toBe('')
    expect(strategy.code).toBe(0)
    const policy = await runSopkit(
      ['new', 'policy', '--title', 'Seller response time', '--market', 'NO', '--owner', '@seller-ops'],
      {cwd: repo},
    )
    expect(policy.code).toBe(0)
    const variant = await runSopkit(['new', '--from', 'refund-escalation', '--market', 'SG'], {cwd: repo})
    expect(variant.code).toBe(0)
    expect(variant.stdout).toMatch(/created sops\/SG\/refund-escalation.md/)

    const config = loadConfig(repo)
    // GDPR, the DSA for a bot contact point (Art. 12), and the AI Act once Art. 50 applies (2026-08-02).
    const aiActApplies = todayUtc() >= '2026-08-02'
    expect((await loadDocument(config, path.join(repo, 'sops/DE/ai-agent-rollout.md'))).meta.compliance).toEqual([
      'GDPR',
      'DSA',
      ...(aiActApplies ? ['AI-ACT'] : []),
    ])
    const no = await loadDocument(config, path.join(repo, 'sops/NO/seller-response-time.md'))
    expect(no.text).toContain('markets: ["NO"]')
    expect(no.meta.compliance).toEqual(['GDPR'])
    const sg = await loadDocument(config, path.join(repo, 'sops/SG/refund-escalation.md'))
    expect(sg.meta).toMatchObject({
      compliance: ['SG-PDPA'],
      based_on: '0.1.0',
      markets: ['SG'],
      title: 'Refund escalation (Singapore)',
    })

    expect(await errorsOf(repo)).toEqual([])
    const check = await runSopkit(['check'], {cwd: repo})
    expect(check.code).toBe(0)
    expect(check.stdout).toMatch(/4 documents checked/)
  })
})

describe('AI agents in Germany, on a day the AI Act applies (Art. 50 from 2026-08-02)', () => {
  // The day every command takes for today (core/dates `todayUtc`): the assertions hold whatever the real date.
  beforeEach(() => {
    vi.stubEnv('SOURCE_DATE_EPOCH', String(Date.UTC(2026, 8, 1, 12) / 1000))
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })
  const flags = ['--market', 'DE', '--channel', 'ai-agent', '--owner', '@cs-ai']

  it('a DE AI-agent strategy scaffolds with GDPR and the AI Act tag', async () => {
    const repo = tempRepo()
    const r = await runSopkit(['new', 'strategy', '--title', 'AI agent rollout', ...flags], {cwd: repo})
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const made = await loadDocument(loadConfig(repo), path.join(repo, 'sops/DE/ai-agent-rollout.md'))
    expect(made.meta.compliance).toEqual(['GDPR', 'DSA', 'AI-ACT'])
    expect(made.meta.effective).toBe('2026-09-01')
    expect(await errorsOf(repo)).toEqual([])
  })

  it('`new ai-agent` writes every section the type requires, and the document passes check', async () => {
    const repo = tempRepo()
    const r = await runSopkit(['new', 'ai-agent', '--title', 'Order help agent', ...flags], {cwd: repo})
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/created sops\/DE\/order-help-agent.md/)
    const config = loadConfig(repo)
    const made = await loadDocument(config, path.join(repo, 'sops/DE/order-help-agent.md'))
    expect(made.meta).toMatchObject({type: 'ai-agent', markets: ['DE'], channels: ['ai-agent'], status: 'draft'})
    expect(made.meta.compliance).toEqual(['GDPR', 'DSA', 'AI-ACT'])
    const top = made.outline.sections.filter(s => !s.path.includes(' > ')).map(s => s.heading)
    expect(top).toEqual(expect.arrayContaining(config.types['ai-agent']!.sections))
    // The template names each regime it was made for, so the author says how the agent meets it.
    expect(made.text).toMatch(/- \*\*AI-ACT\*\*:/)
    const check = await runSopkit(['check'], {cwd: repo})
    expect(check.stdout).toMatch(/1 document checked, no problems/)
    expect(check.code).toBe(0)
  })
})

describe('interactive prompts on a real terminal', () => {
  it('pre-select GDPR for DE (and it cannot be unticked), then write a document that passes check', async () => {
    const repo = tempRepo()
    const typed = sopkitPty(['new'], repo, [
      ['Document type', KEY.enter], // sop is the default
      ['Market', 'DE'],
      ['Germany \\(DE\\)', KEY.enter],
      ['Title', `Rückerstattung & Eskalation${KEY.enter}`],
      ['Id', KEY.enter],
      ['Channels', KEY.enter],
      ['Topics', KEY.enter],
      [
        'GDPR — EU General Data Protection Regulation \\(Reg\\. 2016/679\\) \\(required: GDPR applies in the EEA',
        `${KEY.space}${KEY.enter}`,
      ],
      ['Owner', `not an owner${KEY.enter}`],
      ['neither an email address nor an @team handle', `${'\u007f'.repeat(12)}@de-cs${KEY.enter}`],
    ])
    expect(typed.failed).toBeNull()
    expect(typed.code).toBe(0)
    const made = await loadDocument(loadConfig(repo), path.join(repo, 'sops/DE/ruckerstattung-eskalation.md'))
    expect(made.meta).toMatchObject({
      title: 'Rückerstattung & Eskalation',
      owner: '@de-cs',
      channels: ['chatbot', 'agent-assisted'],
    })
    // The chatbot channel adds the DSA (Art. 12) and, from 2026-08-02, the AI Act to GDPR.
    expect(made.meta.compliance).toEqual(expect.arrayContaining(['GDPR', 'DSA']))
    expect(await errorsOf(repo)).toEqual([])
  })

  it('refuse a colliding id at the prompt and take another', () => {
    const repo = tempRepo(baseline)
    const typed = sopkitPty(
      [
        'new',
        'sop',
        '--market',
        'GLOBAL',
        '--channel',
        'email',
        '--owner',
        '@cs',
        '--topic',
        'payments',
        '--compliance',
        'PSD2',
      ],
      repo,
      [
        ['Title', `Refund escalation${KEY.enter}`],
        ['Id', KEY.enter],
        ['already used by sops/global/refund-escalation.md', `\t-v2${KEY.enter}`], // tab fills the default in to edit
      ],
    )
    expect(typed.failed).toBeNull()
    expect(typed.code).toBe(0)
    expect(snapshot(repo)['sops/global/refund-escalation-v2.md']).toContain('compliance: [PSD2]')
  })

  it('Ctrl-C in a prompt exits 130 and leaves nothing behind', () => {
    const repo = tempRepo(baseline)
    const before = snapshot(repo)
    const typed = sopkitPty(['new', 'sop'], repo, [
      ['Market', KEY.enter],
      ['Title', `Half a ti${KEY.ctrlC}`],
    ])
    expect(typed.failed).toBeNull()
    expect(typed.code).toBe(130)
    expect(typed.output).toMatch(/cancelled: nothing was written/)
    expect(snapshot(repo)).toEqual(before)
  })

  it('--from on a terminal asks for the market', async () => {
    const repo = tempRepo(baseline)
    const typed = sopkitPty(['new', '--from', 'refund-escalation'], repo, [
      ['Market', 'Singap'],
      ['Singapore \\(SG\\)', KEY.enter],
    ])
    expect(typed.failed).toBeNull()
    expect(typed.code).toBe(0)
    expect((await loadDocument(loadConfig(repo), path.join(repo, 'sops/SG/refund-escalation.md'))).meta).toMatchObject({
      based_on: '1.4.0',
      compliance: ['SG-PDPA'],
    })
    expect(await errorsOf(repo)).toEqual([])
  })

  it('--yes on a terminal asks nothing', () => {
    const repo = tempRepo()
    const typed = sopkitPty(['new', 'flow', '--yes', '--title', 'Bot hand-off', '--owner', '@cs'], repo, [])
    expect(typed.code).toBe(0)
    expect(typed.output).not.toMatch(/\?/)
    expect(snapshot(repo)['sops/global/bot-hand-off.md']).toContain('channels: [chatbot, ai-agent, live-chat]')
  })
})

describe('without a terminal', () => {
  it(
    'CI=true with missing fields exits 2 at once naming the flags, without reading stdin',
    {timeout: 90_000},
    async () => {
      const repo = tempRepo()
      // stdin stays open and empty: a prompt or a read would hang until the kill (generous: never a timing test).
      const child = spawn(process.execPath, [BIN, 'new', 'sop'], {
        cwd: repo,
        env: {...process.env, CI: 'true', NO_COLOR: '1'},
        stdio: ['pipe', 'pipe', 'pipe'],
      })
      let stderr = ''
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
      const code = await new Promise<number | null>(resolve => child.on('exit', resolve))
      clearTimeout(timer)
      expect(code).toBe(2)
      expect(stderr).toMatch(/missing --market, --title, --owner, --channel/)
      expect(snapshot(repo)).toEqual({})
    },
  )

  it('no TTY (even without CI) is the same', async () => {
    const r = await runSopkit(['new', 'policy', '--title', 'X'], {cwd: tempRepo(), env: {CI: undefined}})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/missing --market, --owner/)
  })

  it('--yes takes the defaults', async () => {
    const repo = tempRepo()
    const r = await runSopkit(['new', 'sop', '--yes', '--title', 'Order not received', '--owner', '@cs'], {cwd: repo})
    expect(r.code).toBe(0)
    const made = snapshot(repo)['sops/global/order-not-received.md']!
    expect(made).toMatch(/version: "0\.1\.0"\nstatus: draft\n/)
    expect(made).toContain('markets: [GLOBAL]')
    expect(await errorsOf(repo)).toEqual([])
  })

  it('--dry-run prints the document and its path, and writes nothing', async () => {
    const repo = tempRepo()
    const r = await runSopkit(
      ['new', 'kb-article', '--yes', '--title', 'Track my order', '--market', 'SG', '--owner', '@sea', '--dry-run'],
      {cwd: repo},
    )
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/would write sops\/SG\/track-my-order.md \(dry run: nothing written\)/)
    expect(r.stdout).toMatch(/^---\nid: track-my-order\n/)
    expect(r.stdout).toContain('compliance: [SG-PDPA]')
    expect(snapshot(repo)).toEqual({})
  })

  it('a repo template calling {{log}} is a template error, and --json stdout stays one JSON document', async () => {
    const repo = tempRepo({
      'templates/logger.md.hbs': '---\ndescription: logs\ntype: sop\n---\n# {{title}}\n{{log "x"}}\n## Purpose\n',
    })
    const r = await runSopkit(['new', 'logger', ...SOP_FLAGS, '--json'], {cwd: repo})
    expect(r.code).toBe(2)
    const json = JSON.parse(r.stdout) as {error: {code: string; message: string}}
    expect(json.error.code).toBe('TEMPLATE_INVALID')
    expect(json.error.message).toMatch(/logger\.md\.hbs: .*log/)
  })

  it('--json returns the file, the action and the front matter', async () => {
    const repo = tempRepo()
    const r = await runSopkit(['new', 'sop', ...SOP_FLAGS, '--json'], {cwd: repo})
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout) as {file: string; action: string; source: string; front: Record<string, unknown>}
    expect(json).toMatchObject({
      file: 'sops/global/refund-escalation.md',
      action: 'created',
      source: 'built-in template sop',
    })
    expect(json.front).toMatchObject({
      id: 'refund-escalation',
      markets: ['GLOBAL'],
      channels: ['chatbot', 'agent-assisted'],
    })
  })

  it('--overlay --section writes an overlay variant; a bad --section or one without --from exits 2', async () => {
    const repo = tempRepo(baseline)
    const r = await runSopkit(
      [
        'new',
        '--from',
        'refund-escalation',
        '--market',
        'BR',
        '--overlay',
        '--section',
        'Procedure > Refund above limit',
        '--json',
      ],
      {cwd: repo},
    )
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      file: 'sops/BR/refund-escalation.md',
      front: {inherit: 'sections', based_on: '1.4.0'},
    })
    const typo = await runSopkit(
      ['new', '--from', 'refund-escalation', '--market', 'MY', '--section', 'Procedure > Refund abve limit'],
      {cwd: repo},
    )
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain('did you mean "Procedure > Refund above limit"?')
    expect(typo.stderr).not.toMatch(/\n\s+at /)
    expect((await runSopkit(['new', 'sop', ...SOP_FLAGS, '--section', 'Procedure'], {cwd: repo})).code).toBe(2)
  })

  it('--output writes where the user says, even outside the repo', async () => {
    const repo = tempRepo()
    const out = path.join(os.tmpdir(), `sopkit-new-out-${process.pid}-${Date.now()}.md`)
    const r = await runSopkit(['new', 'sop', ...SOP_FLAGS, '--output', out], {cwd: repo})
    expect(r.code).toBe(0)
    expect(readFileSync(out, 'utf8')).toMatch(/^---\nid: refund-escalation/)
  })
})

describe('refusals: exit 2, one clear line, nothing written or changed', () => {
  /** Run in <wrapper>/repo and compare the whole wrapper: nothing in the repo or beside it may change. */
  const refuses = async (files: Record<string, string>, args: string[], message: RegExp) => {
    const wrapper = tempRepo(
      Object.fromEntries(
        Object.entries({'repo/.keep': '', ...files}).map(([k, v]) => [k.startsWith('repo/') ? k : `repo/${k}`, v]),
      ),
    )
    const before = snapshot(wrapper)
    const r = await runSopkit(args, {cwd: path.join(wrapper, 'repo')})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).toMatch(/mend:/)
    noTrace(r)
    expect(snapshot(wrapper)).toEqual(before)
    return r
  }

  it('the same document twice', async () => {
    const repo = tempRepo()
    expect((await runSopkit(['new', 'sop', ...SOP_FLAGS], {cwd: repo})).code).toBe(0)
    const before = snapshot(repo)
    const mtime = statSync(path.join(repo, 'sops/global/refund-escalation.md')).mtimeMs
    const again = await runSopkit(['new', 'sop', ...SOP_FLAGS], {cwd: repo})
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/id "refund-escalation" is already used by sops\/global\/refund-escalation.md/)
    expect(snapshot(repo)).toEqual(before)
    expect(statSync(path.join(repo, 'sops/global/refund-escalation.md')).mtimeMs).toBe(mtime)
  })

  it('an existing file at the path, without --force (and replaced with it)', async () => {
    const files = {'sops/global/refund-escalation.md': 'hand-written notes\n'}
    await refuses(files, ['new', 'sop', ...SOP_FLAGS], /sops\/global\/refund-escalation.md already exists/)
    const repo = tempRepo(files)
    const r = await runSopkit(['new', 'sop', ...SOP_FLAGS, '--force'], {cwd: repo})
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/overwritten sops\/global\/refund-escalation.md/)
  })

  it('an id with ../', async () => {
    const r = await refuses(
      {},
      ['new', 'sop', ...SOP_FLAGS, '--id', '../../escape'],
      /id "..\/..\/escape" is not kebab-case/,
    )
    expect(r.stderr).toMatch(/rename it to "escape"/)
  })

  it('a title with a newline then "markets: [EVIL]" is neutralised', async () => {
    const repo = tempRepo()
    const r = await runSopkit(
      [
        'new',
        'sop',
        '--title',
        'Refund\nmarkets: [EVIL]',
        '--market',
        'GLOBAL',
        '--channel',
        'chatbot',
        '--owner',
        '@cs',
        '--id',
        'refund',
      ],
      {cwd: repo},
    )
    expect(r.code).toBe(0)
    const made = await loadDocument(loadConfig(repo), path.join(repo, 'sops/global/refund.md'))
    expect(made.meta.markets).toEqual(['GLOBAL'])
    expect(made.meta.title).toBe('Refund markets: [EVIL]')
    expect(Object.keys(made.data)).not.toContain('EVIL')
  })

  it('an owner with a newline cannot add a key either', async () => {
    await refuses(
      {},
      ['new', 'sop', '--title', 'T', '--market', 'GLOBAL', '--channel', 'chatbot', '--owner', '@cs\nstatus: approved'],
      /owner "@cs status: approved" is neither/,
    )
  })

  it('an unknown market, with did-you-mean', async () => {
    await refuses({}, ['new', 'sop', ...SOP_FLAGS, '--market', 'SGG'], /unknown market "SGG" \(did you mean "SG"\?\)/)
  })

  it('--from an unknown id', async () => {
    await refuses(
      baseline,
      ['new', '--from', 'refund-escalaton', '--market', 'SG'],
      /no document has the id "refund-escalaton" \(did you mean "refund-escalation"\?\)/,
    )
  })

  it('--from for a market that already has a variant', async () => {
    await refuses(
      {
        ...baseline,
        'sops/SG/refund-escalation.md': doc({front: {markets: ['SG'], compliance: ['SG-PDPA'], based_on: '1.4.0'}}),
      },
      ['new', '--from', 'refund-escalation', '--market', 'SG'],
      /SG already has a variant of "refund-escalation": sops\/SG\/refund-escalation.md/,
    )
  })

  it('an unknown type', async () => {
    await refuses(
      {},
      ['new', 'stratgy', ...SOP_FLAGS],
      /unknown template or type "stratgy" \(did you mean "strategy"\?\)/,
    )
  })
})
