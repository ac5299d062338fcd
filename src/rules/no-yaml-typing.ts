// A value YAML would retype (`version: 1.10` is the number 1.1) must be quoted to mean what was written.
import {LIST_FIELDS, TEXT_FIELDS} from '../core/document.js'
import {defineRule} from './rule.js'

export default defineRule({
  id: 'no-yaml-typing',
  description: 'Text fields are not retyped by YAML (e.g. `version: 1.10` read as the number 1.1).',
  defaultSeverity: 'error',
  fixable: true,
  messages: {
    retyped: {
      message: '{field} {source} is read by YAML as the {kind} {typed}, not the text written',
      mend: 'quote it: {field}: "{source}"',
    },
  },
  check({doc, report}) {
    const check = (field: string, path: Array<string | number>, typed: unknown) => {
      // YAML's scalars other than text: numbers, booleans, big integers (null, text, dates and collections pass)
      if (typeof typed !== 'number' && typeof typed !== 'boolean' && typeof typed !== 'bigint') return
      const scalar = doc.scalar(path)
      if (!scalar?.plain) return
      report({
        messageId: 'retyped',
        data: {field, source: scalar.source, kind: typeof typed, typed: String(typed)},
        at: {key: path},
        fix: {start: scalar.start, end: scalar.end, text: JSON.stringify(scalar.source)},
      })
    }
    for (const field of TEXT_FIELDS) check(field, [field], doc.data[field])
    for (const field of LIST_FIELDS) {
      const items = doc.data[field]
      if (Array.isArray(items))
        items.forEach((item, i) => {
          check(field, [field, i], item)
        })
      else check(field, [field], items)
    }
    const deviations = doc.data.deviations
    if (!Array.isArray(deviations)) return
    deviations.forEach((d, i) => {
      if (typeof d !== 'object' || d === null) return
      for (const [key, value] of Object.entries(d as Record<string, unknown>))
        check(`deviations[${i}].${key}`, ['deviations', i, key], value)
    })
  },
})
