// Issue 19, "data becomes a path outside the repo": each case the second adversarial round found,
// run in-process through the core (config, loader, check, export, scaffold paths).
import {chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCheck} from '../../src/check/engine.js'
import {loadConfig, resolveConfig} from '../../src/core/config.js'
import {ConfigError, SopkitError} from '../../src/core/errors.js'
import {findDocuments} from '../../src/core/loader.js'
import {guardPath, isInGitDir, isInside, isSafeSegment} from '../../src/core/paths.js'
import {runExport} from '../../src/export/run.js'
import {folderTarget} from '../../src/export/write.js'
import {documentPath} from '../../src/scaffold/paths.js'
import {
  defaultMarkets,
  DEFAULT_CHANNELS,
  DEFAULT_COMPLIANCE,
  DEFAULT_REGIONS,
  DEFAULT_TYPES,
} from '../../src/core/catalogue.js'
import {tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

/** A valid document whose `version: 1.10` YAML reads as 1.1: check --fix quotes it. */
const fixable = (id: string) =>
  `---\nid: ${id}\ntitle: T\ntype: sop\nversion: 1.10\nstatus: approved\nowner: a@b.co\nmarkets: [GLOBAL]\n` +
  `channels: [email]\neffective: 2026-01-01\nreview_by: 2099-01-01\n---\n# T\n\n## Purpose\n\n## Scope\n\n## Procedure\n\n## Escalation\n`

const HOSTILE_CODES = [
  '../../../evil',
  'a/b',
  '..',
  '.',
  '.git',
  'x\\y',
  '',
  ' SG',
  'SG\n',
  '%2e%2e',
  'C:',
  'x'.repeat(201),
  'ü',
]

describe('the path guard', () => {
  it('accepts a safe alphabet for codes and refuses the rest', () => {
    for (const ok of ['SG', 'US-CA', 'agent-assisted', 'UK_GDPR', 'refund-escalation'])
      expect(isSafeSegment(ok), ok).toBe(true)
    for (const bad of HOSTILE_CODES) expect(isSafeSegment(bad), JSON.stringify(bad)).toBe(false)
  })

  it('says inside, outside and .git after normalisation', () => {
    expect(isInside('/repo', '/repo/a/../b.md')).toBe(true)
    expect(isInside('/repo', '/repo/../x.md')).toBe(false)
    expect(isInside('/repo', '/repo/..x.md')).toBe(true)
    expect(isInGitDir('/repo', '/repo/.git/config')).toBe(true)
    expect(isInGitDir('/repo', '/repo/.GIT/hooks/x')).toBe(true)
    expect(isInGitDir('/repo', '/repo/.github/x.yml')).toBe(false)
  })

  it('refuses a path through a symlinked folder that leads out of the repo', () => {
    const outside = tempRepo()
    const repo = tempRepo()
    symlinkSync(outside, path.join(repo, 'sops'))
    expect(() => guardPath(repo, 'sops/x.md', 'path', 'mend')).toThrow(/outside the repository/)
    expect(() => guardPath(repo, '.git/hooks/pre-commit', 'path', 'mend')).toThrow(/inside .git/)
    expect(guardPath(repo, 'docs/x.md', 'path', 'mend')).toBe(path.join(repo, 'docs/x.md'))
  })

  it('the built-in catalogue keys all pass the guard the config schema applies', () => {
    const keys = [
      ...Object.keys(defaultMarkets()),
      ...Object.keys(DEFAULT_REGIONS),
      ...Object.keys(DEFAULT_CHANNELS),
      ...Object.keys(DEFAULT_COMPLIANCE),
      ...Object.keys(DEFAULT_TYPES),
    ]
    expect(keys.filter(k => !isSafeSegment(k))).toEqual([])
  })
})

describe('config keys and paths', () => {
  it.each(HOSTILE_CODES.filter(Boolean))('refuses the market code %j in taxonomy.markets', code => {
    expect(() => resolveConfig('/repo', undefined, {taxonomy: {markets: {[code]: {name: 'Evil'}}}})).toThrow(
      ConfigError,
    )
  })

  it('refuses unsafe region, channel, compliance and type keys by the same rule', () => {
    for (const key of ['regions', 'channels', 'compliance']) {
      const entry = key === 'regions' ? {markets: ['SG']} : {name: 'x'}
      expect(() => resolveConfig('/repo', undefined, {taxonomy: {[key]: {'../x': entry}}}), key).toThrow(ConfigError)
    }
    expect(() => resolveConfig('/repo', undefined, {types: {'../../x': {fields: []}}})).toThrow(ConfigError)
  })

  it('refuses a `path` pattern or templates folder that leads into .git or out of the repo', () => {
    expect(() => resolveConfig('/repo', undefined, {path: '.git/hooks/{{id}}'})).toThrow(/leads into .git/)
    expect(() => resolveConfig('/repo', undefined, {path: 'sops/../.git/{{id}}.md'})).toThrow(/leads into .git/)
    expect(() => resolveConfig('/repo', undefined, {path: '../../{{id}}.md'})).toThrow(/outside the repository/)
    expect(() => resolveConfig('/repo', undefined, {templates: '../elsewhere'})).toThrow(/outside the repository/)
  })

  it('config discovery stops at the git root: a config in a parent folder does not take over', () => {
    const parent = tempRepo({'sopkit.config.yaml': 'path: "../../{{id}}.md"\n'})
    const repo = path.join(parent, 'project')
    mkdirSync(path.join(repo, '.git'), {recursive: true})
    mkdirSync(path.join(repo, 'sops'))
    const config = loadConfig(path.join(repo, 'sops'))
    expect(config.file).toBeUndefined()
    expect(config.root).toBe(path.join(repo, 'sops'))
    // Without the parent's config, `new` writes inside the repository.
    expect(documentPath(config, {id: 'x', markets: ['SG'], type: 'sop'})).toBe(
      path.join(repo, 'sops', 'sops', 'SG', 'x.md'),
    )
    // Inside a git worktree (`.git` is a file) too.
    const worktree = path.join(parent, 'wt')
    mkdirSync(worktree)
    writeFileSync(path.join(worktree, '.git'), 'gitdir: elsewhere\n')
    expect(loadConfig(worktree).file).toBeUndefined()
  })

  it('a market code built into a playbook path never leaves the folder', () => {
    for (const code of HOSTILE_CODES) {
      expect(() => folderTarget('/repo', '/repo', code, 'html', 'out'), JSON.stringify(code)).toThrow(SopkitError)
    }
  })
})

describe('documents globs with ..', () => {
  it('never reach files outside the repo, and check --fix does not rewrite them', async () => {
    const top = tempRepo({'outside/victim.md': fixable('victim')})
    const repo = path.join(top, 'repo')
    mkdirSync(path.join(repo, 'sops'), {recursive: true})
    writeFileSync(path.join(repo, 'sops', 'good.md'), doc())
    const config = resolveConfig(repo, undefined, {
      documents: ['sops/**/*.md', '../outside/**/*.md', 'sops/../../outside/*.md'],
    })
    const victim = path.join(top, 'outside/victim.md')
    const before = readFileSync(victim, 'utf8')
    expect(await findDocuments(config, repo)).toEqual([path.join(repo, 'sops/good.md')])
    await runCheck({config, cwd: repo, fix: true, today: '2026-06-01'})
    expect(readFileSync(victim, 'utf8')).toBe(before)
  })

  it('check --fix on a file named outside the repo leaves it and says so', async () => {
    const top = tempRepo({'outside.md': fixable('victim')})
    const repo = path.join(top, 'repo')
    mkdirSync(path.join(repo, 'sops'), {recursive: true})
    const config = resolveConfig(repo, undefined, {})
    const before = readFileSync(path.join(top, 'outside.md'), 'utf8')
    const result = await runCheck({config, cwd: repo, paths: ['../outside.md'], fix: true, today: '2026-06-01'})
    expect(readFileSync(path.join(top, 'outside.md'), 'utf8')).toBe(before)
    // Named outside the repo, it is none of the config's documents: skipped (and said so), never fixed.
    expect(result.skipped).toEqual(['../outside.md'])
    expect(result.fixed).toEqual([])
  })
})

describe('--fix keeps what is not its business', () => {
  it('keeps the mode (0640 stays 0640) and writes through a symlink inside the repo', async () => {
    const repo = tempRepo({'sops/a.md': fixable('a'), 'real/b.md': fixable('b')})
    chmodSync(path.join(repo, 'sops/a.md'), 0o640)
    symlinkSync('../real/b.md', path.join(repo, 'sops/b.md'))
    const config = resolveConfig(repo, undefined, {})
    const result = await runCheck({
      config,
      cwd: repo,
      paths: ['sops/a.md', 'sops/b.md'],
      fix: true,
      today: '2026-06-01',
    })
    expect(result.fixed.map(f => f.file).sort()).toEqual(['sops/a.md', 'sops/b.md'])
    expect(statSync(path.join(repo, 'sops/a.md')).mode & 0o777).toBe(0o640)
    expect(readFileSync(path.join(repo, 'sops/a.md'), 'utf8')).toContain('version: "1.10"')
    // The link is still a link, and its target got the fix.
    expect(existsSync(path.join(repo, 'sops/b.md'))).toBe(true)
    expect(lstatSync(path.join(repo, 'sops/b.md')).isSymbolicLink()).toBe(true)
    expect(readFileSync(path.join(repo, 'real/b.md'), 'utf8')).toContain('version: "1.10"')
  })
})

describe('export --market all with a hostile market', () => {
  it('a market code with a path in it cannot reach the config (schema), nor the folder target', async () => {
    const repo = tempRepo({'sops/a.md': doc({front: {markets: ['GLOBAL']}})})
    expect(() => resolveConfig(repo, undefined, {taxonomy: {markets: {'../../../evil': {name: 'x'}}}})).toThrow(
      ConfigError,
    )
    const config = resolveConfig(repo, undefined, {})
    const out = path.join(repo, 'out')
    const result = await runExport({
      config,
      cwd: repo,
      market: 'all',
      format: 'md',
      channels: [],
      types: [],
      statuses: ['approved'],
      date: '2026-06-01',
      output: out,
      force: false,
      env: {},
    })
    for (const file of result.result.files) expect(isInside(out, path.resolve(repo, file.file))).toBe(true)
  })
})
