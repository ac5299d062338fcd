// A live document is reviewed by its review date.
import {isCalendarDate} from '../core/dates.js'
import {defineRule} from './rule.js'

const RETIRED = new Set(['deprecated', 'retired'])

export default defineRule({
  id: 'review-overdue',
  description: 'A live document (not deprecated or retired) is not past its `review_by` date.',
  defaultSeverity: 'error',
  volatileData: ['today'],
  messages: {
    overdue: {
      message: 'Review overdue: review_by {review_by} has passed (today is {today})',
      mend: 'review the document with its owner, then move review_by forward and bump version',
    },
  },
  check({doc, today, report}) {
    const {review_by, status} = doc.meta
    if (!review_by || !isCalendarDate(review_by) || (status && RETIRED.has(status))) return
    if (review_by < today) report({messageId: 'overdue', data: {review_by, today}, at: {key: ['review_by']}})
  },
})
