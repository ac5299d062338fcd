// `limits` holds structured limits in one closed shape each (core/limits), so that rules such as
// limit-consistency can compare them; a limit that does not read would silently compare as nothing.
import {LIMIT_KEY, LIMIT_SHAPES, readLimit} from '../core/limits.js'
import {defineRule} from './rule.js'

export default defineRule({
  id: 'valid-limits',
  description: `\`limits\` maps snake_case keys to one quantity each: ${LIMIT_SHAPES}.`,
  defaultSeverity: 'error',
  messages: {
    notMapping: {
      message: '`limits` is not a mapping of limit names to quantities',
      mend: 'write limits as a mapping, e.g. limits: {refund_auto_approve: {amount: 75, currency: USD}}',
    },
    key: {
      message: 'Limit name "{key}" is not snake_case',
      mend: 'name the limit in snake_case (lower-case letters, digits, single underscores), e.g. refund_auto_approve',
    },
    invalid: {
      message: 'Limit {key} {problem}',
      mend: `write it as exactly one of ${LIMIT_SHAPES}, with N a number at or above zero`,
    },
  },
  check({doc, report}) {
    const limits = doc.data.limits
    if (limits === undefined) return
    if (typeof limits !== 'object' || limits === null || Array.isArray(limits)) {
      report({messageId: 'notMapping', at: {key: ['limits']}})
      return
    }
    for (const [key, value] of Object.entries(limits as Record<string, unknown>)) {
      if (!LIMIT_KEY.test(key)) {
        report({messageId: 'key', data: {key}, at: {key: ['limits', key], part: 'key'}})
        continue
      }
      const read = readLimit(value)
      if ('problem' in read)
        report({
          messageId: 'invalid',
          data: {key, problem: read.problem},
          at: {key: read.field === undefined ? ['limits', key] : ['limits', key, read.field]},
        })
    }
  },
})
