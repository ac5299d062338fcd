// A variant says which baseline version it adapted; an older one means it may miss changes.
import {isBaseline} from '../core/document.js'
import {baselineOf, isOutdated} from '../core/library.js'
import {defineLibraryRule} from './rule.js'

export default defineLibraryRule({
  id: 'variant-outdated',
  description: "A variant's `based_on` is not older than its baseline's `version`.",
  defaultSeverity: 'warn',
  messages: {
    outdated: {message: 'Variant is based on {based_on} but the baseline {baseline} is at {version}', mend: 'review the baseline changes (`sopkit diff {id} --market {market}`), port them, then set based_on to "{version}"'},
  },
  check({doc, library, report}) {
    const {id, based_on} = doc.meta
    const family = id ? library.families.get(id) : undefined
    const baseline = family && baselineOf(family)
    if (!baseline || isBaseline(doc) || based_on === undefined || !isOutdated(doc, baseline)) return
    report({messageId: 'outdated', data: {based_on, baseline: baseline.file, version: baseline.meta.version!, id: id!, market: doc.meta.markets[0] ?? ''},
      at: {key: ['based_on']}})
  },
})
