// One registry shape for every set of named things a flag picks (check formats; export, diff,
// ls/coverage and report renderers): one lookup, one listing for --help, and one error for an
// unknown name, with a "did you mean" and the known names, exit 2 wherever it is asked; and one
// answer to "which format does this -o file name", so no command writes HTML into a .pdf.
import path from 'node:path'
import {SopkitError} from './errors.js'
import {didYouMean, suggest} from './taxonomy.js'

export interface Named {
  readonly name: string
  readonly description: string
  /** File extensions (no dot) this entry writes, its own first: `-o x.<ext>` picks it when -f is not given. */
  readonly extensions?: readonly string[]
}

export interface Registry<T extends Named> {
  /** What an entry is, for messages: "check format", "export format" ... */
  readonly kind: string
  readonly entries: readonly T[]
  readonly names: readonly string[]
  /** The entry called `name`; an unknown name is a user error (exit 2). */
  get(name: string): T
  /**
   * The entry for a report written to `output`: `format` when given (exit 2 when the file's
   * extension belongs to another entry), else the entry the extension names, else `fallback`.
   */
  forOutput(format: string | undefined, output: string | undefined, fallback: string): T
}

/** A registry over `entries`, in the order --help lists them (the first is not a default: flags say theirs). */
export function defineRegistry<T extends Named>(kind: string, entries: readonly T[]): Registry<T> {
  const names = entries.map(e => e.name)
  const byName = new Map(entries.map(e => [e.name, e]))
  const get = (name: string): T => {
    const found = byName.get(name)
    if (found) return found
    const message = `unknown ${kind} "${name}"${didYouMean(suggest(name, names))}`
    throw new SopkitError('UNKNOWN_FORMAT', message, `use one of ${names.join(', ')}`)
  }
  return {
    kind,
    entries,
    names,
    get,
    forOutput(format, output, fallback) {
      const named = output === undefined ? undefined : namedByFile(entries, output)
      if (format === undefined) return named ?? get(fallback)
      const chosen = get(format)
      if (named && output !== undefined && !writes(chosen, output)) {
        const ext = extensionOf(named, output)!
        const own = chosen.extensions?.[0]
        const renamed = own ? `${output.slice(0, output.length - ext.length)}${own}` : undefined
        throw new SopkitError(
          'FORMAT_MISMATCH',
          `--format ${chosen.name} does not match -o ${output} (.${ext} is ${named.name})`,
          `leave out --format to write ${named.name}, or ${renamed ? `name the file ${renamed}` : `drop .${ext} from the file name`}`,
        )
      }
      return chosen
    },
  }
}

/** Does `file` end in one of the entry's extensions (case-insensitive; `x.sarif.json` ends in both). */
function writes(entry: Named, file: string): boolean {
  return extensionOf(entry, file) !== undefined
}

/** The longest of the entry's extensions `file` ends in. */
function extensionOf(entry: Named, file: string): string | undefined {
  const name = path.basename(file).toLowerCase()
  return (entry.extensions ?? [])
    .filter(ext => name.endsWith(`.${ext}`) && name.length > ext.length + 1)
    .sort((a, b) => b.length - a.length)[0]
}

/** The entry whose extension `file` ends in, the longest match winning, then the registry's order. */
function namedByFile<T extends Named>(entries: readonly T[], file: string): T | undefined {
  let best: {entry: T; length: number} | undefined
  for (const entry of entries) {
    const ext = extensionOf(entry, file)
    if (ext !== undefined && (!best || ext.length > best.length)) best = {entry, length: ext.length}
  }
  return best?.entry
}
