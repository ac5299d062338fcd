// `{name}` placeholders, in rule messages and export labels alike: a slot with no value stays as
// written, so a typo in a template shows where it is.
import {memoBounded} from './memo.js'

/**
 * Templates split once into text and slot names (text, name, text, ...): a library's findings
 * fill a few templates thousands of times.
 */
const compiled = new Map<string, string[]>()
const COMPILED_LIMIT = 10_000

/** The template with each `{name}` that `values` holds (as its own key, not null) replaced by its text. */
export function fillPlaceholders(
  template: string,
  values: Readonly<Record<string, string | number | null | undefined>> | undefined,
): string {
  const parts = memoBounded(compiled, COMPILED_LIMIT, template, t => t.split(/\{(\w+)\}/))
  let out = parts[0]!
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!
    const value = values && Object.hasOwn(values, name) ? values[name] : undefined
    out += (value === undefined || value === null ? `{${name}}` : String(value)) + parts[i + 1]!
  }
  return out
}
