// Real temp git repositories for the tests of merge bases and port: files written, then committed.
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {lintPaths} from '../../src/check/engine.js'
import {resolveConfig} from '../../src/core/config.js'
import type {Finding} from '../../src/core/finding.js'
import {findDocuments} from '../../src/core/loader.js'

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
}

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, {cwd: root, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
}

/** Write files (path → content; null deletes) into `root`. */
export function writeFiles(root: string, files: Record<string, string | null>): void {
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(root, name)
    if (content === null) rmSync(full, {force: true})
    else {
      mkdirSync(path.dirname(full), {recursive: true})
      writeFileSync(full, content)
    }
  }
}

/** Write files and commit them all; returns the commit id. */
export function commit(root: string, files: Record<string, string | null>, message = 'change'): string {
  writeFiles(root, files)
  git(root, 'add', '-A')
  git(root, 'commit', '-q', '--no-gpg-sign', '-m', message)
  return git(root, 'rev-parse', 'HEAD').trim()
}

/** A fresh repository whose first commit holds `files`. */
export function gitRepo(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sopkit-git-'))
  git(root, 'init', '-q', '-b', 'main')
  commit(root, files, 'first')
  return root
}

/** Check a whole repository as `sopkit check` does (engine, merge bases from git): findings and notes. */
export async function checkRepo(root: string, today = '2026-11-22'): Promise<{findings: Finding[]; notes: string[]}> {
  const config = resolveConfig(root, undefined, {})
  const paths = await findDocuments(config, root)
  const notes: string[] = []
  const findings = await lintPaths(config, paths, paths, {severities: new Map(), today, notes})
  return {findings, notes}
}
