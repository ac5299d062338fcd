// The shape every `check` output format has: one name, one function from a result to text.
import type {ChalkInstance} from 'chalk'
import type {CheckResult} from '../check/engine.js'
import type {Rule} from '../rules/rule.js'
import type {Named} from '../core/registry.js'

export interface FormatContext {
  result: CheckResult
  /** Every registered rule, for formats that describe rules (SARIF). */
  rules: readonly Rule[]
  /** Colour for terminal formats; a level-0 instance when colour is off. */
  color: ChalkInstance
  /** The repo root: finding paths are relative to it. */
  root: string
  /** sopkit's version, for formats that name the tool. */
  version: string
}

/** `extensions` (from Named): the -o file extensions that pick this format. */
export interface Formatter extends Named {
  name: string
  description: string
  format(context: FormatContext): string
}

export function defineFormatter(formatter: Formatter): Formatter {
  return formatter
}
