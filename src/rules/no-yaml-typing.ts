// A value YAML would retype (`version: 1.10` is the number 1.1) must be quoted to mean what was written.
import {isScalar, type Scalar} from 'yaml'
import {LIST_FIELDS, TEXT_FIELDS} from '../core/document.js'
import {defineRule} from './rule.js'

export default defineRule({
  id: 'no-yaml-typing',
  description: 'Text fields are not retyped by YAML (e.g. `version: 1.10` read as the number 1.1).',
  defaultSeverity: 'error',
  fixable: true,
  messages: {
    retyped: {message: '{field} {source} is read by YAML as the {kind} {typed}, not the text written', mend: 'quote it: {field}: "{source}"'},
  },
  check({doc, report}) {
    const check = (field: string, path: Array<string | number>) => {
      const found = doc.node(path)
      const node = found?.value
      if (!found || !isScalar(node) || node.type !== 'PLAIN' || node.value === null || typeof node.value === 'string') return
      const source = String((node as Scalar & {source?: string}).source ?? node.value)
      report({messageId: 'retyped', data: {field, source, kind: typeof node.value, typed: String(node.value)}, at: {key: path},
        fix: {start: found.start, end: found.end, text: JSON.stringify(source)}})
    }
    for (const field of TEXT_FIELDS) check(field, [field])
    for (const field of LIST_FIELDS) {
      const items = doc.data[field]
      if (Array.isArray(items)) items.forEach((_, i) => check(field, [field, i]))
      else check(field, [field])
    }
    doc.meta.deviations.forEach((_, i) => {
      for (const key of ['section', 'reason', 'approver', 'expires']) check(`deviations[${i}].${key}`, ['deviations', i, key])
    })
  },
})
