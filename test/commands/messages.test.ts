// oclif's parse errors leave in sopkit's one-line `error: … — mend: …` form, exit 2, and each mend
// shows a command that works (issue 18: "The following error occurred:: Missing required flag market").
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runSopkit, tempRepo} from '../helpers/cli.js'

const repo = tempRepo()
const run = (args: string[]) => runSopkit(args, {cwd: repo})
const ONE_LINE = /^error: [^\n]* — mend: [^\n]*\n$/

describe('parse errors in sopkit words', () => {
  it.each([
    [['export'], 'error: missing required flag --market — mend: e.g. `sopkit export --market DE -o de.html`'],
    [['diff'], 'error: missing argument TARGET (a family id, or the first of two files) — mend: e.g. `sopkit diff '],
    [
      ['ls', '--statu', 'draft'],
      'error: unknown flag --statu (did you mean "--status"?) — mend: `sopkit ls --help` lists its flags',
    ],
    [['ls', '-x'], 'error: unknown flag -x — mend: `sopkit ls --help` lists its flags'],
    [['ls', '--status'], 'error: --status needs a value — mend: e.g. `sopkit ls --status draft'],
    [['check', '--max-warnings', 'abc'], 'error: --max-warnings: expected an integer'],
    [['schema', '--for', 'confg'], 'error: --for confg: must be one of front-matter, config (did you mean "config"?)'],
    [['diff', 'a', 'b', 'c'], 'error: unexpected argument "c" — mend: `sopkit diff` takes at most TARGET OTHER'],
    [['import'], 'error: missing argument CSV'],
  ])('%j', async (args, start) => {
    const r = await run(args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(ONE_LINE)
    expect(r.stderr.startsWith(start)).toBe(true)
    expect(r.stderr).not.toMatch(/following error|::|See more help|Missing \d|Nonexistent|Expected --/)
  })

  it('under --json the same error is data on stdout', async () => {
    const r = await run(['export', '--json'])
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout)).toMatchObject({
      error: {code: 'USAGE', message: 'missing required flag --market'},
    })
  })
})

describe('every mend names a command that does what it says', () => {
  it.each([
    [['diff', 'refund-escalaton', '--market', 'SG']],
    [['new', '--from', 'refund-escalaton', '--market', 'SG', '--yes']],
  ])('an unknown id: %j sends the user to `sopkit ls`, which lists ids', async args => {
    const r = await run(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(ONE_LINE)
    expect(r.stderr).toMatch(/— mend: .*`sopkit ls`/)
    expect(r.stderr).not.toContain('sopkit check')
  })
})

describe('config errors', () => {
  const configRepo = (config: string) => tempRepo({'sopkit.config.yaml': config, 'sub/.keep': ''})

  it('list every problem at once, naming the allowed values and the likely one', async () => {
    const dir = configRepo('rules:\n  no-drift: eror\n  review-overdue: warnn\nvariants: copie\nrulez: {}\n')
    const r = await runSopkit(['check'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(ONE_LINE)
    expect(r.stderr).toContain('rules.no-drift: "eror" must be one of off, warn, error (did you mean "error"?)')
    expect(r.stderr).toContain('rules.review-overdue: "warnn" must be one of off, warn, error (did you mean "warn"?)')
    expect(r.stderr).toContain('variants: "copie" must be one of copy, overlay (did you mean "copy"?)')
    expect(r.stderr).toContain('unknown key "rulez" (did you mean "rules"?)')
    expect(r.stderr).not.toContain('allowed values')
  })

  it('name a duplicate key and both its lines, with the path relative to the working folder', async () => {
    const dir = configRepo('documents: ["sops/**/*.md"]\nrules:\n  no-drift: warn\n  no-drift: error\n')
    const r = await runSopkit(['ls'], {cwd: path.join(dir, 'sub')})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(ONE_LINE)
    expect(r.stderr).toContain('error: ../sopkit.config.yaml: line 4: duplicate key "no-drift" (first at line 3)')
    expect(r.stderr).not.toContain(dir)
  })

  it('an unknown rule id is named with the file relative to the working folder', async () => {
    const dir = configRepo('rules:\n  no-drif: warn\n')
    const r = await runSopkit(['check'], {cwd: path.join(dir, 'sub')})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('error: ../sopkit.config.yaml: rules.no-drif: unknown rule (did you mean "no-drift"?)')
    expect(r.stderr).not.toContain(dir)
  })
})

describe('paths in messages are relative to the working folder', () => {
  it('an existing file a new document would replace', async () => {
    const dir = tempRepo({
      'sopkit.config.yaml': 'documents: ["sops/**/*.md"]\n',
      'sops/global/refund.md': 'hand-made\n',
      'sub/.keep': '',
    })
    const r = await runSopkit(
      ['new', 'sop', '--title', 'Refund', '--market', 'GLOBAL', '--owner', '@cs', '--channel', 'chatbot', '--yes'],
      {cwd: path.join(dir, 'sub')},
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('../sops/global/refund.md already exists')
    expect(r.stderr).not.toContain(dir)
  })

  it('a file-system error names the path as typed', async () => {
    const dir = tempRepo({'sops/.keep': ''})
    const r = await runSopkit(['ls', '-o', 'sops/.keep/x.csv'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^error: sops\/\.keep(\/x\.csv)?: /)
    expect(r.stderr).not.toContain(dir)
  })
})
