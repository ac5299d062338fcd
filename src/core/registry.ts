// One registry shape for every set of named things a flag picks (check formats; export, diff,
// ls/coverage and report renderers): one lookup, one listing for --help, and one error for an
// unknown name, with a "did you mean" and the known names, exit 2 wherever it is asked.
import {SopkitError} from './errors.js'
import {didYouMean, suggest} from './taxonomy.js'

export interface Named {
  readonly name: string
  readonly description: string
}

export interface Registry<T extends Named> {
  /** What an entry is, for messages: "check format", "export format" ... */
  readonly kind: string
  readonly entries: readonly T[]
  readonly names: readonly string[]
  /** The entry called `name`; an unknown name is a user error (exit 2). */
  get(name: string): T
}

/** A registry over `entries`, in the order --help lists them (the first is not a default: flags say theirs). */
export function defineRegistry<T extends Named>(kind: string, entries: readonly T[]): Registry<T> {
  const names = entries.map(e => e.name)
  const byName = new Map(entries.map(e => [e.name, e]))
  return {
    kind,
    entries,
    names,
    get(name) {
      const found = byName.get(name)
      if (found) return found
      const message = `unknown ${kind} "${name}"${didYouMean(suggest(name, names))}`
      throw new SopkitError('UNKNOWN_FORMAT', message, `use one of ${names.join(', ')}`)
    },
  }
}
