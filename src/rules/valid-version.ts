// `version` and `based_on` are semantic versions.
import coerce from 'semver/functions/coerce.js'
import {semverOf} from '../core/library.js'
import {defineRule} from './rule.js'

/** semver itself accepts a leading "v" or "=" and surrounding spaces; a document's version may not. */
function isStrictSemver(value: string): boolean {
  return /^\d/.test(value) && value === value.trim() && semverOf(value) !== null
}

export default defineRule({
  id: 'valid-version',
  description: '`version` and `based_on` are semantic versions (MAJOR.MINOR.PATCH).',
  defaultSeverity: 'error',
  messages: {
    invalid: {
      message: '{field} "{value}" is not a semantic version',
      mend: 'write it as MAJOR.MINOR.PATCH in quotes, e.g. "{example}"',
    },
  },
  check({doc, report}) {
    for (const field of ['version', 'based_on'] as const) {
      const value = doc.meta[field]
      if (value === undefined || isStrictSemver(value)) continue
      report({
        messageId: 'invalid',
        data: {field, value, example: coerce(value)?.version ?? '1.0.0'},
        at: {key: [field]},
      })
    }
  },
})
