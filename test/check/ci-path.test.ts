// The paths real CI pipelines take: --changed-since, named paths, monorepos, fingerprints (in process, on temp git repos).
import {execFileSync} from 'node:child_process'
import {renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCheck, type CheckResult} from '../../src/check/engine.js'
import {relocate, reportRoot} from '../../src/check/report-paths.js'
import {loadConfig} from '../../src/core/config.js'
import {formatterNamed} from '../../src/formatters/index.js'
import {checkJson} from '../../src/formatters/json.js'
import {makeChalk} from '../../src/cli/terminal.js'
import {RULES} from '../../src/rules/index.js'
import {tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

const git = (repo: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], {cwd: repo, encoding: 'utf8'})

/** A repo with one commit on `main`, then a branch `work` checked out. */
function gitRepo(files: Record<string, string>): string {
  const repo = tempRepo(files)
  git(repo, 'init', '-q', '-b', 'main')
  git(repo, 'add', '.')
  git(repo, 'commit', '-qm', 'init')
  git(repo, 'checkout', '-qb', 'work')
  return repo
}

function commitAll(repo: string, message: string): void {
  git(repo, 'add', '-A')
  git(repo, 'commit', '-qm', message)
}

const check = (cwd: string, options: {paths?: string[]; changedSince?: string; today?: string} = {}) =>
  runCheck({config: loadConfig(cwd), cwd, today: '2026-06-01', ...options})

const format = (name: string, result: CheckResult, root: string) =>
  formatterNamed(name).format({result, rules: RULES, color: makeChalk(0), root, version: '0.0.0'})

const keys = (result: CheckResult) => result.findings.map(f => `${f.file} ${f.ruleId}:${f.messageId}`)

const BASELINE = 'sops/global/refund-escalation.md'
const VARIANT = 'sops/DE/refund-escalation.md'
const family = () => ({
  [BASELINE]: doc({front: {version: '1.0.0'}}),
  [VARIANT]: doc({front: {markets: ['DE'], compliance: ['GDPR'], version: '1.0.0', based_on: '1.0.0'}}),
})

describe('--changed-since', () => {
  it('checks the variants of a bumped baseline', async () => {
    const repo = gitRepo(family())
    writeFileSync(path.join(repo, BASELINE), doc({front: {version: '1.1.0'}}))
    commitAll(repo, 'bump')
    const full = await check(repo)
    const changed = await check(repo, {changedSince: 'main'})
    // With git history the rule says what waits (here only the version moved: `metadata`).
    expect(keys(full)).toContain(`${VARIANT} variant-outdated:metadata`)
    expect(keys(changed)).toEqual(keys(full))
    expect(changed.files).toEqual([VARIANT, BASELINE])
  })

  it('checks the baseline of a changed variant, and the variants of a deleted baseline', async () => {
    const repo = gitRepo(family())
    rmSync(path.join(repo, BASELINE))
    const changed = await check(repo, {changedSince: 'main'})
    expect(changed.files).toEqual([VARIANT])
    expect(keys(changed)).toEqual(keys(await check(repo)))
    expect(keys(changed).some(k => k.startsWith(`${VARIANT} variant-has-baseline`))).toBe(true)
  })

  it('checks the documents linking to a deleted or renamed file, and a renamed file by its new path', async () => {
    const linking = doc({
      front: {id: 'linking'},
      body: '# Linking\n\n## Purpose\n\nSee [the other](other.md) and [gone](gone.md).\n\n## Scope\n\nAll.\n\n## Procedure\n\n1. Go.\n\n## Escalation\n\nTier 2.\n',
    })
    const repo = gitRepo({
      'sops/global/linking.md': linking,
      'sops/global/other.md': doc({front: {id: 'other'}}),
      'sops/global/gone.md': doc({front: {id: 'gone'}}),
    })
    rmSync(path.join(repo, 'sops/global/gone.md'))
    renameSync(path.join(repo, 'sops/global/other.md'), path.join(repo, 'sops/global/moved.md'))
    commitAll(repo, 'move and delete')
    const changed = await check(repo, {changedSince: 'main'})
    expect(changed.files).toEqual(['sops/global/linking.md', 'sops/global/moved.md'])
    expect(keys(changed)).toEqual([
      'sops/global/linking.md links-resolve:missing',
      'sops/global/linking.md links-resolve:missing',
    ])
  })

  it('compares with the merge base: what changed only on the other branch is not checked', async () => {
    const repo = gitRepo({'sops/global/a.md': doc({front: {id: 'a'}}), 'sops/global/b.md': doc({front: {id: 'b'}})})
    git(repo, 'checkout', '-q', 'main')
    writeFileSync(path.join(repo, 'sops/global/b.md'), doc({front: {id: 'b', channels: ['fax']}}))
    commitAll(repo, 'main moves on')
    git(repo, 'checkout', '-q', 'work')
    writeFileSync(path.join(repo, 'sops/global/a.md'), doc({front: {id: 'a', channels: ['fax']}}))
    commitAll(repo, 'branch work')
    for (const rev of ['main', 'main...HEAD', 'main...']) {
      const changed = await check(repo, {changedSince: rev})
      expect(changed.files, rev).toEqual(['sops/global/a.md'])
      expect(keys(changed), rev).toEqual(['sops/global/a.md known-channel:unknown'])
    }
    await expect(check(repo, {changedSince: 'HEAD...main'})).rejects.toThrow(/does not end at HEAD/)
  })
})

describe('paths named on the command line', () => {
  it('are filtered by documents and ignore: a README is skipped, not reported', async () => {
    const repo = tempRepo({'sops/README.md': '# Our SOPs\n', 'README.md': '# Repo\n', 'sops/global/a.md': doc()})
    const result = await check(repo, {paths: ['README.md', 'sops/README.md', 'sops/global/a.md']})
    expect(result.findings).toEqual([])
    expect(result.files).toEqual(['sops/global/a.md'])
    expect(result.skipped).toEqual(['README.md', path.join('sops', 'README.md')])
  })

  it('a glob or folder that matches nothing is a usage error', async () => {
    const repo = tempRepo({'sops/global/a.md': doc(), 'empty/.keep': ''})
    await expect(check(repo, {paths: ['sops/**/nope-*.md']})).rejects.toMatchObject({
      code: 'NO_DOCUMENTS_MATCHED',
      exitCode: 2,
    })
    await expect(check(repo, {paths: ['empty']})).rejects.toMatchObject({code: 'NO_DOCUMENTS_MATCHED'})
  })
})

describe('report paths in a monorepo (config in a sub-folder)', () => {
  it('are relative to the git root in every format', async () => {
    const repo = tempRepo({
      'docs/cs/sopkit.config.yaml': 'documents: ["sops/**/*.md"]\n',
      'docs/cs/sops/global/a.md': doc({front: {channels: ['fax']}}),
    })
    git(repo, 'init', '-q')
    const cwd = path.join(repo, 'docs/cs')
    const config = loadConfig(cwd)
    const root = reportRoot(config.root)
    expect(root).toBe(repo)
    const result = relocate(await check(cwd), config.root, root)
    const file = 'docs/cs/sops/global/a.md'
    expect(result.files).toEqual([file])
    expect(format('github', result, root)).toContain(`::error file=${file},line=`)
    expect(JSON.parse(format('gitlab', result, root))[0].location.path).toBe(file)
    const sarif = JSON.parse(format('sarif', result, root)).runs[0]
    expect(sarif.results[0].locations[0].physicalLocation.artifactLocation).toEqual({uri: file, uriBaseId: '%SRCROOT%'})
    expect(sarif.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${repo}/`)
    expect(format('junit', result, root)).toContain(`classname="${file}"`)
    expect(checkJson(result).findings[0]?.file).toBe(file)
    expect(format('compact', result, root).startsWith(`${file}:`)).toBe(true)
  })

  it('fall back to the config folder outside git', () => {
    const repo = tempRepo({'docs/sopkit.config.yaml': 'documents: ["sops/**/*.md"]\n', 'docs/sops/global/a.md': doc()})
    expect(reportRoot(path.join(repo, 'docs'))).toBe(path.join(repo, 'docs'))
  })
})

describe('fingerprints', () => {
  const prints = (result: CheckResult) => ({
    sarif: (
      JSON.parse(formatterNamed('sarif').format({result, rules: RULES, color: makeChalk(0), root: '/r', version: '0'}))
        .runs[0].results as Array<{partialFingerprints: Record<string, string>}>
    ).map(r => Object.values(r.partialFingerprints)[0]),
    gitlab: (
      JSON.parse(
        formatterNamed('gitlab').format({result, rules: RULES, color: makeChalk(0), root: '/r', version: '0'}),
      ) as Array<{fingerprint: string}>
    ).map(i => i.fingerprint),
  })

  it("do not change from one day to the next when the message carries today's date", async () => {
    const repo = tempRepo({'sops/global/a.md': doc({front: {review_by: '2026-02-01'}})})
    const monday = await check(repo, {today: '2026-06-01'})
    const tuesday = await check(repo, {today: '2026-06-02'})
    expect(keys(monday)).toEqual(['sops/global/a.md review-overdue:overdue'])
    expect(monday.findings[0]?.message).not.toBe(tuesday.findings[0]?.message)
    expect(prints(tuesday)).toEqual(prints(monday))
  })

  it('tell two identical findings in one file apart', async () => {
    const repo = tempRepo({'sops/global/a.md': doc({front: {channels: ['fax', 'fax']}})})
    const result = await check(repo)
    const twins = result.findings.filter(f => f.ruleId === 'known-channel')
    expect(twins).toHaveLength(2)
    const {sarif, gitlab} = prints({...result, findings: twins})
    expect(new Set(sarif).size).toBe(2)
    expect(new Set(gitlab).size).toBe(2)
  })
})

describe('region ends', () => {
  it('a broken link and a wrong list item carry where they end, and SARIF and GitLab pass it on', async () => {
    const body = '# Refund escalation\n\n## Escalation\n\nSee [the form](../forms/missing.md) first.\n'
    const repo = tempRepo({'sops/global/a.md': doc({front: {channels: ['chatbot', 'fax']}, body})})
    const result = await check(repo)
    const byRule = (id: string) => result.findings.find(f => f.ruleId === id)!
    const link = byRule('links-resolve')
    // `[the form](../forms/missing.md)` starts at column 5 and is 31 characters long; ends are exclusive.
    expect([link.line, link.column, link.endLine, link.endColumn]).toEqual([link.line, 5, link.line, 36])
    const channel = byRule('known-channel')
    expect(channel.endLine).toBe(channel.line)
    expect(channel.endColumn).toBe(channel.column + 'fax'.length)
    const sarif = JSON.parse(format('sarif', result, repo)).runs[0]
    const region = sarif.results.find((r: {ruleId: string}) => r.ruleId === 'links-resolve').locations[0]
      .physicalLocation.region
    expect(region).toMatchObject({startLine: link.line, startColumn: 5, endLine: link.line, endColumn: 36})
    const gitlab = JSON.parse(format('gitlab', result, repo))
    expect(gitlab.find((g: {check_name: string}) => g.check_name === 'links-resolve').location.lines).toEqual({
      begin: link.line,
      end: link.line,
    })
  })
})
