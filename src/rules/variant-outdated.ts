// A variant says which baseline version it adapted; an older one means changes wait to be ported.
import {isBaseline} from '../core/document.js'
import {baselineOf, isOutdated} from '../core/library.js'
import {waiting} from '../core/three-way.js'
import {variantStates} from '../core/upstream.js'
import {defineLibraryRule} from './rule.js'

export default defineLibraryRule({
  id: 'variant-outdated',
  description:
    "A variant's `based_on` is not older than its baseline's `version`; when it is, the rule says which upstream changes wait.",
  defaultSeverity: 'warn',
  readsBody: true,
  messages: {
    outdated: {
      message: 'Variant is based on {based_on} but the baseline {baseline} is at {version}',
      mend: 'review the baseline changes (`sopkit diff {id} --market {market}`), port them, then set based_on to "{version}"',
    },
    waiting: {
      message:
        'Variant is based on {based_on} but the baseline {baseline} is at {version}: {count} upstream {changes} ({portable} can be ported automatically, {conflicts} {conflict})',
      mend: 'run `sopkit port {id} --market {market}`, then edit what conflicts and set based_on to "{version}"',
    },
    metadata: {
      message:
        'Variant is based on {based_on} but the baseline {baseline} is at {version}; no section changed upstream',
      mend: 'run `sopkit port {id} --market {market}` to set based_on to "{version}"',
    },
  },
  check({doc, library, today, report}) {
    const {id, based_on} = doc.meta
    const family = id ? library.families.get(id) : undefined
    const baseline = family && baselineOf(family)
    if (!baseline || isBaseline(doc) || based_on === undefined || !isOutdated(doc, baseline)) return
    const data = {
      based_on,
      baseline: baseline.file,
      version: baseline.meta.version!,
      id: id!,
      market: doc.meta.markets[0] ?? '',
    }
    const at = {key: ['based_on']}
    const {sections, mergeBase} = variantStates(doc, baseline, library.upstream, today)
    if (!mergeBase) {
      report({messageId: 'outdated', data, at})
      return
    }
    const {portable, conflicts} = waiting(sections)
    const count = portable + conflicts
    if (count === 0) {
      report({messageId: 'metadata', data, at})
      return
    }
    report({
      messageId: 'waiting',
      at,
      data: {
        ...data,
        count,
        changes: count === 1 ? 'change' : 'changes',
        portable,
        conflicts,
        conflict: conflicts === 1 ? 'conflict' : 'conflicts',
      },
    })
  },
})
