// Every field its type requires is present and not empty.
import {COMMON_FIELDS} from '../core/catalogue.js'
import {defineRule} from './rule.js'

export default defineRule({
  id: 'require-fields',
  description: 'Documents carry every front-matter field their type requires.',
  defaultSeverity: 'error',
  messages: {
    missing: {message: 'Missing required field "{field}" for type {type}', mend: 'add `{field}:` to the front matter'},
  },
  check({doc, config, report}) {
    const type = doc.meta.type
    const fields = (type ? config.types[type]?.fields : undefined) ?? COMMON_FIELDS
    for (const field of fields) {
      const written = (doc.meta as unknown as Record<string, unknown>)[field]
      const value = field in doc.meta ? written : doc.data[field]
      const empty =
        value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
      if (empty) report({messageId: 'missing', data: {field, type: type ?? '(none)'}, at: {key: [field], part: 'key'}})
    }
  },
})
