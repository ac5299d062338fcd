// Drives the built CLI through a real pseudo-terminal (python3's pty module): prompts are
// answered by typing, exactly as a person at a terminal would.
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {BIN} from '../helpers/cli.js'

export const KEY = {enter: '\r', down: '\u001b[B', space: ' ', ctrlC: '\u0003'}

export interface PtyResult {
  code: number
  output: string
  /** Index of the step whose prompt never appeared, or null when every step ran. */
  failed: number | null
}

/** Run `sopkit ...args` on a TTY in `cwd`; each step waits for `expect` (a regex source) then types `send`. */
export function sopkitPty(
  args: string[],
  cwd: string,
  steps: Array<[expect: string, send: string]>,
  timeout = 40,
): PtyResult {
  const unset = new Set(['CI', 'FORCE_COLOR', 'NODE_ENV', 'DEBUG', 'GITHUB_ACTIONS'])
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !unset.has(name))),
    TERM: 'xterm',
    NO_COLOR: '1',
    COLUMNS: '120',
    LINES: '40',
  }
  const spec = {argv: [process.execPath, BIN, ...args], cwd, env, steps, timeout}
  const result = spawnSync('python3', [path.join(import.meta.dirname, 'pty-driver.py')], {
    input: JSON.stringify(spec),
    encoding: 'utf8',
    timeout: (timeout + 10) * 1000,
  })
  if (result.status !== 0) throw new Error(`pty driver failed: ${result.stderr}`)
  return JSON.parse(result.stdout) as PtyResult
}
