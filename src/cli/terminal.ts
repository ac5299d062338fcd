// Terminal manners decided once: colour level, prompts and progress only where a person is looking.
import {Chalk, type ChalkInstance} from 'chalk'

/** NO_COLOR wins, then FORCE_COLOR, then TERM=dumb, then whether the stream is a TTY. */
export function colorLevel(
  stream: {isTTY?: boolean} = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0
  if (env.FORCE_COLOR !== undefined) {
    if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return 0
    const level = Number(env.FORCE_COLOR)
    return level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : 1
  }
  if (env.TERM === 'dumb') return 0
  return stream.isTTY ? 1 : 0
}

export function makeChalk(level: 0 | 1 | 2 | 3 = colorLevel()): ChalkInstance {
  return new Chalk({level})
}

/** Prompts only for a person: stdin and stdout are TTYs and CI is not set. */
export function canPrompt(env: NodeJS.ProcessEnv = process.env): boolean {
  return isTerminal(process.stdin) && isTerminal(process.stdout) && !env.CI
}

/** Node types `isTTY` as a boolean, but a stream that is not a terminal has none at all. */
function isTerminal(stream: {isTTY?: boolean}): boolean {
  return stream.isTTY === true
}
