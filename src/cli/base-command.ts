// One base for every command: flags shared by all, and exit codes that follow the spec
// (0 success, 1 a finding, 2 usage/config/input error) with or without --json.
import {Command, Errors, Flags, type Interfaces} from '@oclif/core'
import {SopkitError, fileError, messageOf} from '../core/errors.js'
import {loadConfig, type Config} from '../core/config.js'
import {jsonTextPieces} from '../core/json-text.js'
import {shownPath} from '../core/paths.js'
import {type CommandShape, describeParseError} from './parse-errors.js'
import {makeChalk} from './terminal.js'

/** How much --json text is gathered before one write. */
const JSON_CHUNK = 1 << 20

export abstract class BaseCommand extends Command {
  static baseFlags = {
    config: Flags.string({
      char: 'c',
      description: 'Config file to use instead of discovering one upward from the current folder.',
      helpGroup: 'GLOBAL',
    }),
  }

  protected color = makeChalk()

  /**
   * Ctrl-C and SIGTERM end the run between two writes, never inside one: every write is
   * synchronous, and a signal handler only runs once the code in progress returns. So a file
   * is either whole or absent, with the temp file already renamed or removed.
   */
  async init(): Promise<void> {
    await super.init()
    const stop = (signal: NodeJS.Signals) => {
      process.stderr.write(`\ninterrupted (${signal}): files written so far are complete; nothing is half-written\n`)
      process.exit(signal === 'SIGINT' ? 130 : 143)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  }

  protected loadConfig(flags: {config?: string}): Config {
    return loadConfig(process.cwd(), flags.config)
  }

  /**
   * --json output is data: never coloured, whatever FORCE_COLOR says, so a pipe can parse it.
   * Written a megabyte at a time: 100,000 import rows are 22 MB of text, never held whole.
   */
  logJson(json: unknown): void {
    let chunk = ''
    for (const piece of jsonTextPieces(json)) {
      chunk += piece
      if (chunk.length < JSON_CHUNK) continue
      process.stdout.write(chunk)
      chunk = ''
    }
    process.stdout.write(`${chunk}\n`)
  }

  protected catch(error: Interfaces.CommandError): Promise<unknown> {
    if (error instanceof Errors.ExitError) return Promise.reject(error)
    // Ctrl-C in an @inquirer prompt: nothing has been written yet, so leave as a shell would.
    if (error.name === 'ExitPromptError') {
      process.stderr.write('cancelled: nothing was written\n')
      process.exitCode = 130
      return Promise.resolve(undefined)
    }
    const {code, message, mend} = describe(error, {
      id: this.id ?? 'sopkit',
      flags: this.ctor.flags,
      args: this.ctor.args,
      examples: this.ctor.examples,
    })
    process.exitCode = 2
    if (this.jsonEnabled()) {
      this.logJson({error: {code, message, mend}})
    } else {
      process.stderr.write(`${this.color.red('error:')} ${message} ${this.color.dim('— mend:')} ${mend}\n`)
    }
    if (isDebug() && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
    return Promise.resolve(undefined)
  }
}

function describe(error: unknown, command: CommandShape): {code: string; message: string; mend: string} {
  if (error instanceof SopkitError) return {code: error.code, message: error.message, mend: error.mend}
  // The errno's path as the user would type it (relative to the working folder).
  const {code, path: errnoPath, dest} = error as {code?: unknown; path?: unknown; dest?: unknown}
  const where = code === 'EEXIST' && typeof dest === 'string' ? dest : errnoPath
  const fromFileSystem = fileError(error, typeof where === 'string' ? shownPath(where) : undefined)
  if (fromFileSystem) return {code: fromFileSystem.code, message: fromFileSystem.message, mend: fromFileSystem.mend}
  if (error instanceof Errors.CLIError) {
    const parsed = describeParseError(error, command)
    if (parsed) return {code: 'USAGE', ...parsed}
    // Any other oclif spreads a parse error over lines ("Parsing --x", then why, then "See more help"): keep it one line.
    const lines = messageOf(error)
      .split('\n')
      .map(l => l.trim())
      .filter(l => l !== '' && !/^See more help with/.test(l))
    const message = lines.join(': ').replace(/^Error: /, '')
    return {code: 'USAGE', message, mend: `see \`sopkit ${command.id} --help\``}
  }
  return {
    code: 'INTERNAL',
    message: `internal error: ${messageOf(error).split('\n')[0]}`,
    mend: 'run again with DEBUG=sopkit* for the stack trace, and report it',
  }
}

function isDebug(): boolean {
  return /(^|,)\s*sopkit/.test(process.env.DEBUG ?? '')
}
