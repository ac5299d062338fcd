// Runs the built CLI (bin/run.js) as a user would: a child process, no TTY, CI set.
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '../..')
export const BIN = path.join(ROOT, 'bin/run.js')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export function sopkit(args: string[], options: {cwd: string; env?: NodeJS.ProcessEnv; input?: string}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: {...process.env, NODE_ENV: undefined, CI: 'true', NO_COLOR: '1', FORCE_COLOR: undefined, DEBUG: undefined, GITHUB_STEP_SUMMARY: undefined, ...options.env},
    timeout: 60_000,
  })
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

/** A temp repo with the given files (path → content). */
export function tempRepo(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sopkit-test-'))
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name)
    mkdirSync(path.dirname(full), {recursive: true})
    writeFileSync(full, content)
  }
  return dir
}
