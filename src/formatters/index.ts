// The format registry: adding a format touches this list and its own file.
import {SopkitError} from '../core/errors.js'
import compact from './compact.js'
import type {Formatter} from './formatter.js'
import github from './github.js'
import gitlab from './gitlab.js'
import json from './json.js'
import junit from './junit.js'
import sarif from './sarif.js'
import stylish from './stylish.js'

export const FORMATTERS: readonly Formatter[] = [stylish, compact, json, sarif, junit, github, gitlab]

export const FORMAT_NAMES = FORMATTERS.map((f) => f.name)

export function formatterNamed(name: string): Formatter {
  const found = FORMATTERS.find((f) => f.name === name)
  if (!found) throw new SopkitError('UNKNOWN_FORMAT', `unknown format "${name}"`, `use one of ${FORMAT_NAMES.join(', ')}`)
  return found
}

export type {FormatContext, Formatter} from './formatter.js'
