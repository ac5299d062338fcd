// The pre-commit hook as users get it: the REAL pre-commit installs this repository as a hook
// repository (npm install, npm pack, npm install -g of the tarball), then runs it on a fresh
// library made with `sopkit init`, by try-repo and on real commits. Slow: minutes, network for npm.
// Each of the two installs (try-repo always builds in its own temp store; commits use the hook's
// store) is about a minute of CPU: the try-repo test and the first commit run concurrently, on two
// libraries, so the installs overlap instead of queueing.
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, it} from 'vitest'
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
/** Where try-repo runs (no hook installed) and where the hook is installed and commits run. */
let tried: string
let hooked: string
// prefer-offline: the installs take packages from npm's cache without asking the registry whether
// each is still current (the lockfile pins them); what gets installed is the same.
const env = {
  ...process.env,
  PRE_COMMIT_HOME: '',
  CI: 'true',
  NO_COLOR: '1',
  npm_config_loglevel: 'error',
  npm_config_prefer_offline: 'true',
}

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

/** A library made by `sopkit init`, its first commit (without the hook) done. */
function initLibrary(): string {
  const library = mkdtempSync(path.join(os.tmpdir(), 'sopkit-hooked-'))
  git(library, 'init', '-q')
  execFileSync(process.execPath, [BIN, 'init'], {cwd: library, env})
  writeFileSync(
    path.join(library, '.pre-commit-config.yaml'),
    `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: sopkit-check\n`,
  )
  git(library, 'add', '-A')
  // The first commit: what init wrote (sops/README.md among it) passes the hook once installed below.
  git(library, 'commit', '-qm', 'sopkit init', '--no-verify')
  return library
}

/** Runs a command without blocking, so that two installs in this file can overlap. */
function run(command: string, args: string[], cwd: string): Promise<{code: number | null; output: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 900_000})
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', code => {
      resolve({code, output})
    })
  })
}

const preCommit = (args: string[], cwd: string) => run('pre-commit', args, cwd)
const commit = (cwd: string, message: string) => run('git', [...GIT_USER, 'commit', '-qm', message], cwd)

describe.skipIf(!hasPreCommit && !required)('the pre-commit hook (real pre-commit)', () => {
  beforeAll(async () => {
    if (!hasPreCommit) throw new Error(SKIP_REASON)
    env.PRE_COMMIT_HOME = mkdtempSync(path.join(os.tmpdir(), 'sopkit-pre-commit-home-'))
    ;({repo: hookRepo, rev} = snapshotHookRepo())
    tried = initLibrary()
    hooked = initLibrary()
    // Writes the git hook only; the hook's environment is built by the first commit below.
    const installed = await preCommit(['install'], hooked)
    if (installed.code !== 0) throw new Error(installed.output)
  }, 120_000)

  it.concurrent(
    'installs and runs by try-repo on a README and a document',
    async ({expect}) => {
      mkdirSync(path.join(tried, 'sops/global'), {recursive: true})
      writeFileSync(path.join(tried, 'sops/global/refund-escalation.md'), doc())
      writeFileSync(path.join(tried, 'README.md'), '# Our support playbooks\n')
      git(tried, 'add', '-A')
      const r = await preCommit(['try-repo', hookRepo, 'sopkit-check', '--ref', rev], tried)
      expect(r.output).toMatch(/sopkit check\.+Passed/)
      expect(r.code, r.output).toBe(0)
    },
    1_200_000,
  )

  // The first commit installs the hook's environment (as a user's first commit does), alongside try-repo's.
  it.concurrent(
    'passes a commit that touches a README and a document',
    async ({expect}) => {
      writeFileSync(path.join(hooked, 'README.md'), '# Our support playbooks\n')
      writeFileSync(
        path.join(hooked, 'sops/README.md'),
        `${readFileSync(path.join(hooked, 'sops/README.md'), 'utf8')}\nMore.\n`,
      )
      mkdirSync(path.join(hooked, 'sops/global'), {recursive: true})
      writeFileSync(path.join(hooked, 'sops/global/refund-escalation.md'), doc({front: {version: '1.5.0'}}))
      git(hooked, 'add', '-A')
      const r = await commit(hooked, 'a README and a document')
      expect(r.output).toMatch(/sopkit check\.+Passed/)
      expect(r.code, r.output).toBe(0)
    },
    1_200_000,
  )

  // Not concurrent: it runs after both above, on the commit the one before made.
  it('fails a commit that breaks a document, and names the finding', async ({expect}) => {
    writeFileSync(
      path.join(hooked, 'sops/global/refund-escalation.md'),
      doc({front: {version: '1.6.0', channels: ['fax']}}),
    )
    git(hooked, 'add', '-A')
    const r = await commit(hooked, 'a broken document')
    expect(r.code).not.toBe(0)
    expect(r.output).toMatch(/sopkit check\.+Failed/)
    expect(r.output).toMatch(/known-channel/)
    expect(git(hooked, 'log', '--format=%s', '-1').trim()).toBe('a README and a document')
  }, 1_200_000)
})
