// The GitHub Action and the pre-commit hook are files users copy as they are: check their shape.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import YAML from 'yaml'
import {ROOT} from '../helpers/cli.js'

const load = (name: string) => YAML.parse(readFileSync(path.join(ROOT, name), 'utf8'), {uniqueKeys: true})

describe('action.yml', () => {
  const action = load('action.yml')
  const steps = action.runs.steps as Array<{
    if?: string
    uses?: string
    run?: string
    shell?: string
    env?: Record<string, string>
    with?: Record<string, string>
  }>

  it('is a composite action with the documented inputs', () => {
    expect(action.runs.using).toBe('composite')
    expect(Object.keys(action.inputs).sort()).toEqual([
      'changed-since',
      'config',
      'fail-on-warnings',
      'node-version',
      'paths',
      'sarif',
      'version',
    ])
    for (const input of Object.values<{description: string; required: boolean}>(action.inputs)) {
      expect(input.description.length).toBeGreaterThan(10)
      expect(input.required).toBe(false)
    }
  })

  it("leaves the job's Node alone unless node-version is given", () => {
    expect(action.inputs['node-version'].default).toBe('')
    const setup = steps.filter(s => s.uses?.startsWith('actions/setup-node@'))
    expect(setup).toHaveLength(1)
    expect(setup[0]!.if).toMatch(/inputs\.node-version != ''/)
  })

  it("runs the version of its own ref by default, with npm's cache kept between runs", () => {
    expect(action.inputs.version.default).toBe('')
    const version = steps.find(s => s.run?.includes('package.json'))!
    expect(version.env?.ACTION_PATH).toBe('${{ github.action_path }}')
    const cache = steps.find(s => s.uses?.startsWith('actions/cache@'))!
    expect(cache.with?.key).toMatch(/steps\.version\.outputs\.version/)
  })

  it('runs sopkit check --format github, and writes and uploads SARIF when asked', () => {
    const check = steps.find(s => s.run?.includes('--format github'))!
    expect(check.shell).toBe('bash')
    expect(check.run).toMatch(/--format sarif -o "\$SOPKIT_SARIF"/)
    const upload = steps.find(s => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!
    expect(upload.if).toMatch(/always\(\) && inputs\.sarif != ''/)
    expect(upload.with?.sarif_file).toBe('${{ inputs.sarif }}')
  })

  it('passes every input through env, never interpolated into run', () => {
    for (const step of steps) if (step.run) expect(step.run).not.toMatch(/\$\{\{/)
    const env = steps.find(s => s.run?.includes('--format github'))!.env!
    for (const input of ['paths', 'config', 'fail-on-warnings', 'changed-since', 'sarif'])
      expect(Object.values(env)).toContain(`\${{ inputs.${input} }}`)
  })
})

describe('.pre-commit-hooks.yaml', () => {
  const hooks = load('.pre-commit-hooks.yaml') as Array<Record<string, unknown>>

  it('provides a sopkit-check hook on Markdown files', () => {
    const hook = hooks.find(h => h.id === 'sopkit-check')!
    expect(hook).toMatchObject({entry: 'sopkit check', language: 'node'})
    expect(new RegExp(hook.files as string).test('sops/global/refund.md')).toBe(true)
    expect(new RegExp(hook.files as string).test('src/index.ts')).toBe(false)
  })
})
