// An owner, and a deviation's approver, is someone who can be reached: an email address or an @team handle.
import {defineRule} from './rule.js'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const TEAM = /^@[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)?$/i

export default defineRule({
  id: 'valid-owner',
  description: "`owner` and each deviation's `approver` are an email address or an @team handle.",
  defaultSeverity: 'error',
  messages: {
    invalid: {
      message: 'owner "{value}" is neither an email address nor an @team handle',
      mend: 'write a reachable owner, e.g. cs-strategy@example.com or @cs-ops',
    },
    approver: {
      message: 'approver "{value}" of the deviation for "{section}" is neither an email address nor an @team handle',
      mend: 'write who approved it so they can be reached, e.g. sea-legal@example.com or @sea-legal',
    },
  },
  check({doc, report}) {
    const value = doc.meta.owner
    if (value !== undefined && !isReachable(value)) report({messageId: 'invalid', data: {value}, at: {key: ['owner']}})
    doc.meta.deviations.forEach((d, index) => {
      if (d.approver !== undefined && !isReachable(d.approver)) {
        report({
          messageId: 'approver',
          data: {value: d.approver, section: d.section ?? ''},
          at: {key: ['deviations', index, 'approver']},
        })
      }
    })
  },
})

function isReachable(value: string): boolean {
  return EMAIL.test(value) || TEAM.test(value)
}
