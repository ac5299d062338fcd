// Flags several commands share, declared once so they parse alike everywhere: a list flag takes
// its values repeated or comma-separated (`--channel a,b --channel c`), trimmed; a format flag lists
// its registry's names in --help and leaves an unknown name to the registry's one exit-2 error.
import {Flags} from '@oclif/core'
import type {Named, Registry} from '../core/registry.js'

/** The short letters the shared flags use. */
type ListFlagChar = 'm' | 't' | 's'

/** A filter or list flag (--market, --channel, --type, --status, --compliance, --topic ...). */
export function listFlag(options: {description: string; char?: ListFlagChar}) {
  const description = `${options.description} Repeat or comma-separate.`
  return Flags.string({char: options.char, description, multiple: true, delimiter: ','})
}

/** The values given to a list flag, in order, without blanks (`--market DE,`) or repeats. */
export function listValues(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).map(v => v.trim()).filter(v => v !== ''))]
}

/** --format: one of the registry's names (checked by `registry.get`, so every command rejects a bad one alike). */
export function formatFlag<T extends Named>(registry: Registry<T>, defaultName: string) {
  const helpValue = registry.names.join('|')
  const description = 'Output format (without it, the one the -o file extension names).'
  return Flags.string({char: 'f', description, helpValue, default: defaultName})
}

/**
 * The entry a command writes with: --format when typed, else the one `output`'s extension names
 * (`-o gb.pdf` is a PDF), else the flag's default; a typed --format the extension contradicts is exit 2.
 * `output` is the file written, undefined for stdout or a folder.
 */
export function outputFormat<T extends Named>(
  registry: Registry<T>,
  parsed: {flags: {format: string}; metadata: {flags: Partial<Record<string, {setFromDefault?: boolean}>>}},
  output: string | undefined,
): T {
  const typed = parsed.metadata.flags.format?.setFromDefault !== true
  return registry.forOutput(typed ? parsed.flags.format : undefined, output, parsed.flags.format)
}
