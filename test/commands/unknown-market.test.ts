// Every command that takes a market flag refuses an unknown one the same way: one line, exit 2,
// the same wording and did-you-mean, and under --json the same error code.
import {cpSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runSopkit, tempRepo} from '../helpers/cli.js'

describe('an unknown --market', () => {
  const repo = tempRepo()
  cpSync(path.join(ROOT, 'sops'), path.join(repo, 'sops'), {recursive: true})
  const commands = [
    ['diff', 'refund-escalation', '--market', 'SGG'],
    ['export', '--market', 'SGG', '-o', 'out.md'],
    ['ls', '--market', 'SGG'],
    ['coverage', '--market', 'SGG'],
  ]

  it.each(commands)('%s: one line, exit 2, the one wording', async (...args) => {
    const r = await runSopkit(args, {cwd: repo})
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(
      /^error: --market SGG: unknown market \(did you mean "SG"\?\) — mend: use an ISO 3166-1 alpha-2 code/,
    )
    const json = await runSopkit([...args, '--json'], {cwd: repo})
    expect(json.code).toBe(2)
    expect((JSON.parse(json.stdout) as {error: {code: string}}).error.code).toBe('UNKNOWN_MARKET')
  })
})
