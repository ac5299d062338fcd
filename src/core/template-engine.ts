// The one locked-down handlebars engine, for every template sopkit runs: repo document templates
// (`new`, `init`) and export layouts. A template is the repo's, so it gets an isolated environment
// with the built-in block helpers, `lookup` and sopkit's `join` only: no `log` (it prints to
// stdout and would corrupt `--json`), no partials of ours, no prototype access, and an unknown
// variable or helper is an error, not a silent blank.
import {createRequire} from 'node:module'
import type HandlebarsNamespace from 'handlebars'

const require = createRequire(import.meta.url)

/** The helpers a template may call; every other name (log included) fails to compile. */
const KNOWN_HELPERS = {if: true, unless: true, each: true, with: true, lookup: true, join: true, log: false} as const

/** The helper names, for error messages. */
export const TEMPLATE_HELPERS = Object.entries(KNOWN_HELPERS)
  .filter(([, known]) => known)
  .map(([name]) => name)

let engine: typeof HandlebarsNamespace | undefined

/** Loaded on first use (it is CommonJS, and most commands never render a template). */
function handlebars(): typeof HandlebarsNamespace {
  if (engine) return engine
  engine = (require('handlebars') as typeof HandlebarsNamespace).create()
  engine.unregisterHelper('log')
  engine.registerHelper('join', (list: unknown, separator: unknown) =>
    Array.isArray(list) ? list.map(String).join(typeof separator === 'string' ? separator : ', ') : '',
  )
  return engine
}

export interface TemplateOptions {
  /** HTML-escape every `{{value}}` (layouts of HTML); off for Markdown, whose values are plain text already. */
  escape: boolean
}

export type Template = (data: object) => string

/**
 * Compile `source` in the locked-down engine. Throws handlebars' own error, at compile or at render;
 * the caller names the file and the mend.
 */
export function compileTemplate(source: string, options: TemplateOptions): Template {
  const template = handlebars().compile(source, {
    knownHelpers: KNOWN_HELPERS,
    knownHelpersOnly: true,
    strict: true,
    noEscape: !options.escape,
    preventIndent: true,
  })
  const runtime = {
    allowProtoPropertiesByDefault: false,
    allowProtoMethodsByDefault: false,
    allowCallsToHelperMissing: false,
  }
  return data => template(data, runtime)
}
