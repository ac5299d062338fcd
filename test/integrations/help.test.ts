// oclif conventions: every command documents itself with a summary and at least one example.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runSopkit, sopkit, tempRepo} from '../helpers/cli.js'

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'oclif.manifest.json'), 'utf8')) as {
  commands: Record<
    string,
    {summary?: string; description?: string; examples?: unknown[]; flags: Record<string, unknown>}
  >
}
const ids = Object.keys(manifest.commands)

describe('every command', () => {
  it('is in the manifest', () => {
    expect(ids).toEqual(expect.arrayContaining(['check', 'diff', 'init', 'new', 'rules', 'schema', 'templates']))
  })

  it.each(ids)('%s has a summary and an example in its --help', async id => {
    const command = manifest.commands[id]!
    expect(command.summary ?? command.description).toBeTruthy()
    expect(command.examples?.length ?? 0).toBeGreaterThan(0)
    const help = await runSopkit([...id.split(':'), '--help'], {cwd: ROOT})
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/EXAMPLES/)
    expect(help.stdout).toContain(`$ sopkit ${id.replaceAll(':', ' ')}`)
  })
})

describe('a mistyped command', () => {
  it('suggests the closest one, exit 127', async () => {
    const r = await runSopkit(['chek'], {cwd: ROOT})
    expect(r.code).toBe(127)
    expect(r.stderr).toMatch(/did you mean `sopkit check`\?/)
  })
})

// bin/run.js runs sopkit's own commands without the plugins (cli/main.ts); the rest with them.
describe('the sopkit binary', () => {
  it('runs its own commands alone, and the plugins where they answer: help, a mistyped command', () => {
    const cwd = tempRepo()
    const own = sopkit(['check', '--help'], {cwd})
    expect(own.code).toBe(0)
    expect(own.stdout).toContain('$ sopkit check')
    const help = sopkit(['help', 'check'], {cwd})
    expect(help.code).toBe(0)
    expect(help.stdout).toBe(own.stdout)
    const mistyped = sopkit(['chek'], {cwd})
    expect(mistyped.code).toBe(127)
    expect(mistyped.stderr).toMatch(/did you mean `sopkit check`\?/)
    const list = sopkit(['help'], {cwd})
    expect(list.stdout).toMatch(/^ {2}autocomplete/m)
  })
})
