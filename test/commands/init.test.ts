import {execFileSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import YAML from 'yaml'
import {loadConfig} from '../../src/core/config.js'
import {runSopkit, tempRepo} from '../helpers/cli.js'

const FILES = ['sopkit.config.yaml', 'sops/README.md', '.github/workflows/sopkit.yml', '.pre-commit-config.yaml']

function tree(dir: string): Record<string, number> {
  const out: Record<string, number> = {}
  const walk = (d: string) => {
    for (const e of readdirSync(d, {withFileTypes: true})) {
      const full = path.join(d, e.name)
      if (e.isDirectory()) walk(full)
      else out[path.relative(dir, full)] = statSync(full).mtimeMs
    }
  }
  walk(dir)
  return out
}

describe('sopkit init', () => {
  it('makes a repo that loads and checks, and a second run changes nothing', async () => {
    const repo = tempRepo()
    const first = await runSopkit(['init'], {cwd: repo})
    expect(first.code).toBe(0)
    for (const file of FILES) expect(first.stdout).toContain(`created      ${file}`)
    const config = loadConfig(repo)
    expect(config.file).toBe(path.join(repo, 'sopkit.config.yaml'))
    expect(config.taxonomy.regions.EEA!.markets).toContain('NO')
    expect((await runSopkit(['check'], {cwd: repo})).code).toBe(0)

    const before = tree(repo)
    const second = await runSopkit(['init'], {cwd: repo})
    expect(second.code).toBe(0)
    for (const file of FILES) expect(second.stdout).toContain(`exists, kept ${file}`)
    expect(second.stdout).not.toMatch(/created/)
    expect(tree(repo)).toEqual(before)
  })

  it('writes a CI workflow running check with GitHub annotations, and a pre-commit hook', async () => {
    const repo = tempRepo()
    await runSopkit(['init'], {cwd: repo})
    const workflow = YAML.parse(readFileSync(path.join(repo, '.github/workflows/sopkit.yml'), 'utf8')) as {
      jobs: {check: {steps: Array<{run?: string}>}}
    }
    expect(workflow.jobs.check.steps.map(s => s.run).filter(Boolean)).toEqual([
      'npx --yes sopkit check --format github',
    ])
    const preCommit = YAML.parse(readFileSync(path.join(repo, '.pre-commit-config.yaml'), 'utf8')) as {
      repos: Array<{hooks: Array<{entry: string}>}>
    }
    expect(preCommit.repos[0]!.hooks[0]!.entry).toBe('npx --no-install sopkit check')
  })

  it('makes DIR when missing, and --templates copies the built-ins to edit', async () => {
    const parent = tempRepo()
    const r = await runSopkit(['init', 'playbooks', '--templates'], {cwd: parent})
    expect(r.code).toBe(0)
    const dir = path.join(parent, 'playbooks')
    expect(readdirSync(path.join(dir, 'templates')).sort()).toEqual(
      ['ai-agent', 'automation-rule', 'flow', 'kb-article', 'policy', 'sop', 'strategy'].map(n => `${n}.md.hbs`),
    )
    const listed = JSON.parse((await runSopkit(['templates', '--json'], {cwd: dir})).stdout) as {
      templates: Array<{source: string}>
    }
    expect(listed.templates.every(t => t.source === 'repo')).toBe(true)
    // the copies work: a document made from them passes check
    expect((await runSopkit(['new', 'sop', '--yes', '--title', 'Refunds', '--owner', '@cs'], {cwd: dir})).code).toBe(0)
    expect((await runSopkit(['check'], {cwd: dir})).code).toBe(0)
  })

  it('never overwrites: an existing file or config is kept byte for byte', async () => {
    const repo = tempRepo({'.sopkitrc': 'statuses: [draft, live]\n', '.github/workflows/sopkit.yml': 'mine\n'})
    const r = await runSopkit(['init'], {cwd: repo})
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('exists, kept .sopkitrc')
    expect(r.stdout).toContain('exists, kept .github/workflows/sopkit.yml')
    expect(existsSync(path.join(repo, 'sopkit.config.yaml'))).toBe(false)
    expect(readFileSync(path.join(repo, '.github/workflows/sopkit.yml'), 'utf8')).toBe('mine\n')
  })

  it('--dry-run and --json', async () => {
    const repo = tempRepo()
    const dry = await runSopkit(['init', '--dry-run'], {cwd: repo})
    expect(dry.stdout).toContain('would create sopkit.config.yaml')
    expect(readdirSync(repo)).toEqual([])
    const json = JSON.parse((await runSopkit(['init', '--json'], {cwd: repo})).stdout) as {
      files: Array<{file: string; action: string}>
    }
    expect(json.files.map(f => f.action)).toEqual(['created', 'created', 'created', 'created'])
  })

  it('in a git repo, the files made are what a first commit needs', async () => {
    const repo = tempRepo()
    execFileSync('git', ['init', '-q'], {cwd: repo})
    await runSopkit(['init'], {cwd: repo})
    const untracked = execFileSync('git', ['status', '--porcelain', '-uall'], {cwd: repo, encoding: 'utf8'})
      .trim()
      .split('\n')
      .map(l => l.slice(3))
      .sort()
    expect(untracked).toEqual([...FILES].sort())
  })
})
