// An owner is someone who can be reached: an email address or an @team handle.
import {defineRule} from './rule.js'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const TEAM = /^@[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)?$/i

export default defineRule({
  id: 'valid-owner',
  description: '`owner` is an email address or an @team handle.',
  defaultSeverity: 'error',
  messages: {
    invalid: {message: 'owner "{value}" is neither an email address nor an @team handle', mend: 'write a reachable owner, e.g. cs-strategy@example.com or @cs-ops'},
  },
  check({doc, report}) {
    const value = doc.meta.owner
    if (value !== undefined && !EMAIL.test(value) && !TEAM.test(value)) report({messageId: 'invalid', data: {value}, at: {key: ['owner']}})
  },
})
