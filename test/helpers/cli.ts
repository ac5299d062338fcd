// Runs the built CLI (bin/run.js) as a user would: a child process (`sopkit`) or, far cheaper, the
// same oclif entry in this process (`runSopkit`); no TTY, CI set.
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {format} from 'node:util'
import {Config, handle, run} from '@oclif/core'

export const ROOT = path.resolve(import.meta.dirname, '../..')
export const BIN = path.join(ROOT, 'bin/run.js')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export function sopkit(
  args: string[],
  options: {cwd: string; env?: NodeJS.ProcessEnv; input?: string; timeout?: number},
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: {
      ...process.env,
      NODE_ENV: undefined,
      CI: 'true',
      NO_COLOR: '1',
      FORCE_COLOR: undefined,
      DEBUG: undefined,
      GITHUB_STEP_SUMMARY: undefined,
      ...options.env,
    },
    // A hang fails here; the slow project's runs over real corpora pass their own, longer limit.
    timeout: options.timeout ?? 60_000,
    // Reports of real corpora pass the 1 MB default: a cut-off stdout would read as the CLI's fault.
    maxBuffer: 256 * 1024 * 1024,
  })
  if (result.error) throw result.error
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

let loaded: Promise<Config> | undefined
let queue: Promise<unknown> = Promise.resolve()

/**
 * The built CLI run in this process, as `sopkit` runs it in a child: same environment, working
 * folder, captured stdout/stderr and exit code, without a Node start-up per call. Keep real
 * processes (`sopkit`) for what only a process shows: signals, a TTY, bin/run.js itself.
 */
export function runSopkit(args: string[], options: {cwd: string; env?: NodeJS.ProcessEnv}): Promise<CliResult> {
  const next = queue.then(() => runOnce(args, options))
  queue = next.catch(() => undefined)
  return next
}

async function runOnce(args: string[], options: {cwd: string; env?: NodeJS.ProcessEnv}): Promise<CliResult> {
  loaded ??= Config.load({root: ROOT})
  const config = await loaded
  const out = {stdout: '', stderr: ''}
  const restore = enterProcessState(options, out)
  let exited: number | undefined
  try {
    process.exit = ((code?: number | string | null) => {
      exited ??= Number(code ?? 0)
    }) as typeof process.exit
    // No oclif flush(): our streams are captured, and each flush leaves a 'drain' listener behind.
    try {
      await run(args, config)
    } catch (error) {
      await handle(error as Error)
    }
    const code = exited ?? Number(process.exitCode ?? 0)
    return {code, ...out}
  } finally {
    restore()
  }
}

/** Swaps in the child's cwd, env, streams and exit state; returns the function that puts ours back. */
function enterProcessState(
  options: {cwd: string; env?: NodeJS.ProcessEnv},
  out: {stdout: string; stderr: string},
): () => void {
  const saved = {
    // Saved unbound on purpose: they are put back exactly as they were.
    /* eslint-disable @typescript-eslint/unbound-method */
    cwd: process.cwd(),
    env: {...process.env},
    exitCode: process.exitCode,
    exit: process.exit,
    stdoutWrite: process.stdout.write,
    stderrWrite: process.stderr.write,
    isTTY: process.stdout.isTTY,
    console: {log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug},
    sigint: process.listeners('SIGINT'),
    sigterm: process.listeners('SIGTERM'),
    /* eslint-enable @typescript-eslint/unbound-method */
  }
  const env: NodeJS.ProcessEnv = {
    ...saved.env,
    NODE_ENV: undefined,
    CI: 'true',
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    DEBUG: undefined,
    GITHUB_STEP_SUMMARY: undefined,
    ...options.env,
  }
  replaceEnv(env)
  process.chdir(options.cwd)
  process.exitCode = undefined
  const capture = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      out[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
      const callback = rest.find(r => typeof r === 'function') as (() => void) | undefined
      callback?.()
      return true
    }) as typeof process.stdout.write
  process.stdout.write = capture('stdout')
  process.stderr.write = capture('stderr')
  process.stdout.isTTY = false
  const print =
    (stream: 'stdout' | 'stderr') =>
    (...parts: unknown[]) => {
      out[stream] += `${format(...parts)}\n`
    }
  Object.assign(console, {
    log: print('stdout'),
    info: print('stdout'),
    warn: print('stderr'),
    error: print('stderr'),
    debug: print('stderr'),
  })
  return () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const keep = signal === 'SIGINT' ? saved.sigint : saved.sigterm
      for (const listener of process.listeners(signal))
        if (!keep.includes(listener)) process.removeListener(signal, listener)
    }
    Object.assign(console, saved.console)
    process.stdout.isTTY = saved.isTTY
    process.stdout.write = saved.stdoutWrite
    process.stderr.write = saved.stderrWrite
    process.exit = saved.exit
    process.exitCode = saved.exitCode
    process.chdir(saved.cwd)
    replaceEnv(saved.env)
  }
}

function replaceEnv(env: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env))
    if (!(key in env) || env[key] === undefined) Reflect.deleteProperty(process.env, key)
  for (const [key, value] of Object.entries(env)) if (value !== undefined) process.env[key] = value
}
