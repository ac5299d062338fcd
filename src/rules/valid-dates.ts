// Dates are real calendar dates written as YYYY-MM-DD.
import {isCalendarDate} from '../core/dates.js'
import {defineRule} from './rule.js'

export default defineRule({
  id: 'valid-dates',
  description: '`effective`, `review_by` and deviation `expires` are calendar dates written YYYY-MM-DD.',
  defaultSeverity: 'error',
  messages: {
    invalid: {
      message: '{field} "{value}" is not a calendar date in YYYY-MM-DD form',
      mend: 'write the date as YYYY-MM-DD, e.g. 2027-01-31',
    },
  },
  check({doc, report}) {
    for (const field of ['effective', 'review_by'] as const) {
      const value = doc.meta[field]
      if (value !== undefined && !isCalendarDate(value))
        report({messageId: 'invalid', data: {field, value}, at: {key: [field]}})
    }
    doc.meta.deviations.forEach((d, i) => {
      if (d.expires !== undefined && !isCalendarDate(d.expires)) {
        report({
          messageId: 'invalid',
          data: {field: `deviations[${i}].expires`, value: d.expires},
          at: {key: ['deviations', i, 'expires']},
        })
      }
    })
  },
})
