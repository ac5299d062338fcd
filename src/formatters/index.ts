// The format registry: adding a format touches this list and its own file.
import {defineRegistry} from '../core/registry.js'
import compact from './compact.js'
import type {Formatter} from './formatter.js'
import github from './github.js'
import gitlab from './gitlab.js'
import json from './json.js'
import junit from './junit.js'
import sarif from './sarif.js'
import stylish from './stylish.js'

export const FORMATTERS: readonly Formatter[] = [stylish, compact, json, sarif, junit, github, gitlab]

export const CHECK_FORMATS = defineRegistry('check format', FORMATTERS)

export const FORMAT_NAMES = CHECK_FORMATS.names

export function formatterNamed(name: string): Formatter {
  return CHECK_FORMATS.get(name)
}

export type {FormatContext, Formatter} from './formatter.js'
