// Renders a template body with handlebars, safely: an isolated environment, built-in block
// helpers only, no prototype access, and every value flattened to one line of plain text.
import {createRequire} from 'node:module'
import type HandlebarsNamespace from 'handlebars'
import {SopkitError, messageOf} from '../core/errors.js'
import {memo} from '../core/memo.js'

const require = createRequire(import.meta.url)
let handlebars: typeof HandlebarsNamespace | undefined

/** Loaded on first use (it is CommonJS and only `new` and `init` need it), in its own environment. */
function engine(): typeof HandlebarsNamespace {
  handlebars ??= (require('handlebars') as typeof HandlebarsNamespace).create()
  return handlebars
}

/** The values a body template can use: strings and lists of strings, nothing with behaviour. */
export type TemplateData = Record<string, string | string[]>

/**
 * One line, no raw HTML tags: a title with a newline cannot open a heading or a section in the
 * body, and `<script>` stays text. Markdown characters are kept: a title may say "Q&A".
 */
export function plainText(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029\s]+/g, ' ').trim().replace(/<(?=[A-Za-z/!?])/g, '&lt;')
}

const templates = new Map<string, HandlebarsNamespace.TemplateDelegate>()

/** A body compiled once however many documents it makes (`import` renders it for every row). */
function compiled(body: string): HandlebarsNamespace.TemplateDelegate {
  return memo(templates, body, () => engine().compile(body, {
    knownHelpersOnly: true, // only if, unless, each, with, lookup: no custom code paths
    strict: true, // an unknown variable is an error, not a silent blank
    noEscape: true, // values are already plain text; HTML escaping would put &amp; into Markdown
    preventIndent: true,
  }))
}

/** Render `body` (from `file`, for messages) with `data`. Any template error names the file. */
export function renderBody(file: string, body: string, data: TemplateData): string {
  const safe: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>
  for (const [key, value] of Object.entries(data)) safe[key] = Array.isArray(value) ? value.map(plainText) : plainText(value)
  // Strict mode names the data in its "not defined" message; a symbol is out of every template's reach.
  Object.defineProperty(safe, Symbol.toPrimitive, {value: () => 'the template data'})
  try {
    return compiled(body)(safe, {allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false, allowCallsToHelperMissing: false})
  } catch (error) {
    throw new SopkitError('TEMPLATE_INVALID', `template ${file}: ${messageOf(error).split('\n')[0]}`,
      `fix the template; it may use only ${Object.keys(data).join(', ')} and the if, unless, each and with helpers`)
  }
}
