// Renders a template body through the one locked-down handlebars engine (core/template-engine),
// with every value flattened to one line of plain text.
import {SopkitError, messageOf} from '../core/errors.js'
import {memo} from '../core/memo.js'
import {TEMPLATE_HELPERS, type Template, compileTemplate} from '../core/template-engine.js'
import {shownPath} from '../core/paths.js'

/** The values a body template can use: strings and lists of strings, nothing with behaviour. */
export type TemplateData = Record<string, string | string[]>

/**
 * One line, no raw HTML tags: a title with a newline cannot open a heading or a section in the
 * body, and `<script>` stays text. Markdown characters are kept: a title may say "Q&A".
 */
export function plainText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- control characters must not reach the Markdown body
      .replace(/[\u0000-\u001f\u007f\u2028\u2029\s]+/g, ' ')
      .trim()
      .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
  )
}

const templates = new Map<string, Template>()

/** A body compiled once however many documents it makes (`import` renders it for every row). */
function compiled(body: string): Template {
  // Values are already plain text: HTML escaping would put &amp; into Markdown.
  return memo(templates, body, () => compileTemplate(body, {escape: false}))
}

/** Render `body` (from `file`, for messages) with `data`. Any template error names the file. */
export function renderBody(file: string, body: string, data: TemplateData): string {
  const safe: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>
  for (const [key, value] of Object.entries(data))
    safe[key] = Array.isArray(value) ? value.map(plainText) : plainText(value)
  // Strict mode names the data in its "not defined" message; a symbol is out of every template's reach.
  Object.defineProperty(safe, Symbol.toPrimitive, {value: () => 'the template data'})
  try {
    return compiled(body)(safe)
  } catch (error) {
    const allowed = `${Object.keys(data).join(', ')} and the ${TEMPLATE_HELPERS.join(', ')} helpers`
    throw new SopkitError(
      'TEMPLATE_INVALID',
      `template ${shownPath(file)}: ${messageOf(error).split('\n')[0]}`,
      `fix the template; it may use only ${allowed}`,
    )
  }
}
