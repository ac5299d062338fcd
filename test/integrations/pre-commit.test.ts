// The pre-commit hook as users get it: the REAL pre-commit installs this repository as a hook
// repository (npm install, npm pack, npm install -g of the tarball), then runs it on a fresh
// library made with `sopkit init`, by try-repo and on real commits. Slow: minutes, network for npm.
import {execFileSync, spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {BIN, ROOT} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0
const required = Boolean(process.env.SOPKIT_REQUIRE_PRE_COMMIT)
const SKIP_REASON =
  'pre-commit is not installed (bash .ci/install-pre-commit installs it; SOPKIT_REQUIRE_PRE_COMMIT=1 makes this a failure)'
if (!hasPreCommit && !required) console.warn(`skipping the pre-commit hook test: ${SKIP_REASON}`)

const GIT_USER = ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false']
const git = (cwd: string, ...args: string[]) => execFileSync('git', [...GIT_USER, ...args], {cwd, encoding: 'utf8'})

let hookRepo: string
let rev: string
let library: string
const env = {...process.env, PRE_COMMIT_HOME: '', CI: 'true', NO_COLOR: '1', npm_config_loglevel: 'error'}

/** This working tree as a hook repository at one commit (uncommitted edits included), as a user's `rev:` names it. */
function snapshotHookRepo(): {repo: string; rev: string} {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'sopkit-hook-repo-'))
  git(repo, 'init', '-q')
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  for (const file of tracked.split('\0').filter(Boolean)) {
    if (!existsSync(path.join(ROOT, file))) continue
    mkdirSync(path.dirname(path.join(repo, file)), {recursive: true})
    copyFileSync(path.join(ROOT, file), path.join(repo, file))
  }
  git(repo, 'add', '-A')
  git(repo, 'commit', '-qm', 'hook repository snapshot')
  return {repo, rev: git(repo, 'rev-parse', 'HEAD').trim()}
}

function preCommit(args: string[], cwd: string) {
  const r = spawnSync('pre-commit', args, {cwd, env, encoding: 'utf8', timeout: 900_000})
  return {code: r.status, output: `${r.stdout}${r.stderr}`}
}

function commit(cwd: string, message: string) {
  const r = spawnSync('git', [...GIT_USER, 'commit', '-qm', message], {cwd, env, encoding: 'utf8', timeout: 900_000})
  return {code: r.status, output: `${r.stdout}${r.stderr}`}
}

describe.skipIf(!hasPreCommit && !required)('the pre-commit hook (real pre-commit)', () => {
  beforeAll(() => {
    if (!hasPreCommit) throw new Error(SKIP_REASON)
    env.PRE_COMMIT_HOME = mkdtempSync(path.join(os.tmpdir(), 'sopkit-pre-commit-home-'))
    ;({repo: hookRepo, rev} = snapshotHookRepo())
    library = mkdtempSync(path.join(os.tmpdir(), 'sopkit-hooked-'))
    git(library, 'init', '-q')
    execFileSync(process.execPath, [BIN, 'init'], {cwd: library, env: {...env, CI: 'true'}})
    writeFileSync(
      path.join(library, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: sopkit-check\n`,
    )
    git(library, 'add', '-A')
    // The first commit: what init wrote (sops/README.md among it) passes the hook once installed below.
    git(library, 'commit', '-qm', 'sopkit init', '--no-verify')
    const installed = preCommit(['install'], library)
    if (installed.code !== 0) throw new Error(installed.output)
  }, 1_200_000)

  it('installs and runs by try-repo on a README and a document', () => {
    mkdirSync(path.join(library, 'sops/global'), {recursive: true})
    writeFileSync(path.join(library, 'sops/global/refund-escalation.md'), doc())
    writeFileSync(path.join(library, 'README.md'), '# Our support playbooks\n')
    git(library, 'add', '-A')
    const tried = preCommit(['try-repo', hookRepo, 'sopkit-check', '--ref', rev], library)
    expect(tried.output).toMatch(/sopkit check\.+Passed/)
    expect(tried.code, tried.output).toBe(0)
  }, 1_200_000)

  it('passes a commit that touches a README and a document', () => {
    writeFileSync(
      path.join(library, 'sops/README.md'),
      `${readFileSync(path.join(library, 'sops/README.md'), 'utf8')}\nMore.\n`,
    )
    writeFileSync(path.join(library, 'sops/global/refund-escalation.md'), doc({front: {version: '1.5.0'}}))
    git(library, 'add', '-A')
    const r = commit(library, 'a README and a document')
    expect(r.output).toMatch(/sopkit check\.+Passed/)
    expect(r.code, r.output).toBe(0)
  }, 1_200_000)

  it('fails a commit that breaks a document, and names the finding', () => {
    writeFileSync(
      path.join(library, 'sops/global/refund-escalation.md'),
      doc({front: {version: '1.6.0', channels: ['fax']}}),
    )
    git(library, 'add', '-A')
    const r = commit(library, 'a broken document')
    expect(r.code).not.toBe(0)
    expect(r.output).toMatch(/sopkit check\.+Failed/)
    expect(r.output).toMatch(/known-channel/)
    expect(git(library, 'log', '--format=%s', '-1').trim()).toBe('a README and a document')
  }, 1_200_000)
})
