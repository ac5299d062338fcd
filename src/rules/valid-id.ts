// A family id is kebab-case, so it is safe in paths, anchors and URLs.
import {defineRule} from './rule.js'

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export default defineRule({
  id: 'valid-id',
  description: '`id` is kebab-case (lower-case letters, digits and single hyphens).',
  defaultSeverity: 'error',
  messages: {
    invalid: {
      message: 'id "{value}" is not kebab-case',
      mend: 'rename it to "{example}" (and keep it the same across the family)',
    },
  },
  check({doc, report}) {
    const value = doc.meta.id
    if (value === undefined || KEBAB.test(value)) return
    const example =
      value
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'my-sop'
    report({messageId: 'invalid', data: {value, example}, at: {key: ['id']}})
  },
})
