// The GitHub Action and the pre-commit hook are files users copy as they are: check their shape.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import YAML from 'yaml'
import {ROOT} from '../helpers/cli.js'

const load = (name: string) => YAML.parse(readFileSync(path.join(ROOT, name), 'utf8'), {uniqueKeys: true})

describe('action.yml', () => {
  const action = load('action.yml')

  it('is a composite action with the documented inputs', () => {
    expect(action.runs.using).toBe('composite')
    expect(Object.keys(action.inputs).sort()).toEqual(['config', 'fail-on-warnings', 'node-version', 'paths', 'version'])
    for (const input of Object.values(action.inputs) as Array<{description: string; required: boolean}>) {
      expect(input.description.length).toBeGreaterThan(10)
      expect(input.required).toBe(false)
    }
  })

  it('sets up Node, then runs sopkit check --format github', () => {
    const [setup, check] = action.runs.steps
    expect(setup.uses).toMatch(/^actions\/setup-node@v\d+$/)
    expect(check.shell).toBe('bash')
    expect(check.run).toMatch(/check --format github/)
  })

  it('passes every input through env, never interpolated into run', () => {
    for (const step of action.runs.steps) if (step.run) expect(step.run).not.toMatch(/\$\{\{/)
    const env = action.runs.steps[1].env as Record<string, string>
    for (const input of ['version', 'paths', 'config', 'fail-on-warnings']) expect(Object.values(env)).toContain(`\${{ inputs.${input} }}`)
  })
})

describe('.pre-commit-hooks.yaml', () => {
  const hooks = load('.pre-commit-hooks.yaml') as Array<Record<string, unknown>>

  it('provides a sopkit-check hook on Markdown files', () => {
    const hook = hooks.find((h) => h.id === 'sopkit-check')!
    expect(hook).toMatchObject({entry: 'sopkit check', language: 'node'})
    expect(new RegExp(hook.files as string).test('sops/global/refund.md')).toBe(true)
    expect(new RegExp(hook.files as string).test('src/index.ts')).toBe(false)
  })
})
