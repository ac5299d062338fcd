// A document takes effect before it is due for review.
import {isCalendarDate} from '../core/dates.js'
import {defineRule} from './rule.js'

export default defineRule({
  id: 'date-order',
  description: '`effective` is on or before `review_by`.',
  defaultSeverity: 'error',
  messages: {
    order: {
      message: 'effective {effective} is after review_by {review_by}',
      mend: 'set review_by to a date after effective (or correct effective)',
    },
  },
  check({doc, report}) {
    const {effective, review_by} = doc.meta
    if (!effective || !review_by || !isCalendarDate(effective) || !isCalendarDate(review_by)) return
    if (effective > review_by) report({messageId: 'order', data: {effective, review_by}, at: {key: ['effective']}})
  },
})
