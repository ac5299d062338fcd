// oclif's parse errors in sopkit's own words: one line saying what is wrong with the command line,
// and a mend that shows a command which works (from the command's own --help examples).
import {stripVTControlCharacters} from 'node:util'
import {didYouMean, suggest} from '../core/taxonomy.js'

/** What a parse error needs to know of the command it was raised for. */
export interface CommandShape {
  id: string
  flags: Record<string, {char?: string; options?: readonly string[]}>
  args: Record<string, {description?: string}>
  /** Its --help examples, as oclif keeps them (templates with `<%= config.bin %> <%= command.id %>`). */
  examples: ReadonlyArray<string | {command: string; description?: string}>
}

export interface ParseProblem {
  message: string
  mend: string
}

/**
 * The one-line message and mend for an oclif parse error (a CLIParseError or the plain CLIError the
 * parser throws for a flag without its value), or undefined when `error` is not one.
 */
export function describeParseError(error: Error, command: CommandShape): ParseProblem | undefined {
  const help = `see \`sopkit ${command.id} --help\``
  const raised = error as Error & {args?: unknown[]; flags?: unknown[]}
  const text = error.message.replace(/\nSee more help with --help\s*$/, '')
  const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim()

  let match: RegExpMatchArray | null
  if (/^Missing \d+ required args?/.test(text) && Array.isArray(raised.args)) {
    const missing = raised.args as Array<{name?: string; description?: string}>
    const names = missing.map(a => (a.name ?? 'arg').toUpperCase())
    const what = names.length === 1 ? `argument ${names[0]}` : `arguments ${names.join(', ')}`
    const about = missing.length === 1 ? missing[0]?.description : undefined
    return {
      message: `missing ${what}${about ? ` (${lowerFirst(about.replace(/\.$/, ''))})` : ''}`,
      mend: example(command, []) ?? help,
    }
  }
  if (/^Unexpected arguments?:/.test(text) && Array.isArray(raised.args)) {
    const extra = raised.args.map(a => `"${String(a)}"`).join(', ')
    const takes = Object.keys(command.args).map(a => a.toUpperCase())
    return {
      message: `unexpected argument${raised.args.length === 1 ? '' : 's'} ${extra}`,
      mend: `\`sopkit ${command.id}\` takes ${takes.length === 0 ? 'no arguments' : `at most ${takes.join(' ')}`} (quote a value with spaces); ${help}`,
    }
  }
  if (/^Nonexistent flags?:/.test(text) && Array.isArray(raised.flags)) {
    const known = Object.entries(command.flags).flatMap(([name, f]) => [`--${name}`, ...(f.char ? [`-${f.char}`] : [])])
    const unknown = raised.flags.map(String)
    // A single letter is too short to guess from (-x is not -m).
    const hint =
      unknown.length === 1 && unknown[0]!.startsWith('--') ? didYouMean(suggest(unknown[0]!.split('=')[0]!, known)) : ''
    return {
      message: `unknown flag${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}${hint}`,
      mend: `\`sopkit ${command.id} --help\` lists its flags`,
    }
  }
  if ((match = /^Flag --([\w-]+) expects a value/.exec(text))) {
    return {message: `--${match[1]} needs a value`, mend: example(command, [match[1]!]) ?? help}
  }
  if ((match = /^Expected --([\w-]+)=(.*) to be one of: (.*)$/s.exec(text))) {
    const [, name, value, allowed] = match as unknown as [string, string, string, string]
    const options = allowed.split(',').map(o => o.trim())
    return {
      message: `--${name} ${value}: must be one of ${options.join(', ')}${didYouMean(suggest(value, options))}`,
      mend: `pass one of ${options.join(', ')}`,
    }
  }
  if ((match = /^Parsing --([\w-]+)\s+(.*)$/s.exec(text))) {
    return {message: `--${match[1]}: ${lowerFirst(oneLine(match[2]!))}`, mend: example(command, [match[1]!]) ?? help}
  }
  if ((match = /^The following errors? occurred:\s*(.*)$/s.exec(text))) {
    // oclif colours the reasons; the message is one plain line.
    const reasons = stripVTControlCharacters(match[1]!)
      .split('\n')
      .map(r => r.trim())
      .filter(r => r !== '')
    const missing = reasons.map(r => /^Missing required flag ([\w-]+)$/.exec(r)?.[1]).filter(n => n !== undefined)
    if (missing.length === reasons.length) {
      const flags = missing.map(n => `--${n}`)
      return {
        message: `missing required flag${flags.length === 1 ? '' : 's'} ${flags.join(', ')}`,
        mend: example(command, missing) ?? help,
      }
    }
    return {message: reasons.map(lowerFirst).join('; '), mend: help}
  }
  if ((match = /^Expected (.*) to be one of: (.*)$/s.exec(text))) {
    return {message: `"${match[1]}" must be one of ${match[2]}`, mend: help}
  }
  return undefined
}

/** "e.g. `sopkit export --market DE -o de.html`": the first --help example using every one of `flags`. */
function example(command: CommandShape, flags: readonly string[]): string | undefined {
  for (const entry of command.examples) {
    const template = typeof entry === 'string' ? entry : entry.command
    const line = template.replaceAll('<%= config.bin %>', 'sopkit').replaceAll('<%= command.id %>', command.id)
    const uses = (flag: string) => {
      const char = command.flags[flag]?.char
      return new RegExp(`(^|\\s)(--${flag}|${char ? `-${char}` : `--${flag}`})(\\s|=|$)`).test(line)
    }
    if (flags.every(uses)) return `e.g. \`${line}\` (\`sopkit ${command.id} --help\` shows more)`
  }
  return undefined
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1)
