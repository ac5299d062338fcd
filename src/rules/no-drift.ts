// A variant differs from what its market would inherit only where a live deviation approves it.
// Against its baseline, "differs" means "changed since based_on": a baseline edit is never the variant's drift.
import {deviationFor} from '../core/drift.js'
import {isBaseline} from '../core/document.js'
import {inheritedBy} from '../core/library.js'
import {variantStates} from '../core/upstream.js'
import {defineLibraryRule} from './rule.js'

export default defineLibraryRule({
  id: 'no-drift',
  description:
    'Sections a variant changed (since its `based_on` version of the baseline, when git history has it) are approved by a live `deviations` entry.',
  defaultSeverity: 'warn',
  readsBody: true,
  messages: {
    changed: {
      message: 'Unapproved drift: section "{section}" differs from {reference}',
      mend: 'align it with {reference}, or add a deviations entry (section, reason, approver, expires) for it',
    },
    added: {
      message: 'Unapproved drift: section "{section}" is not in {reference}',
      mend: 'add it to the baseline, or add a deviations entry for it',
    },
    removed: {
      message: 'Unapproved drift: section "{section}" of {reference} is missing',
      mend: 'restore the section, or add a deviations entry for it',
    },
    expired: {
      message: 'Deviation for section "{section}" expired on {expires}',
      mend: 'renew the deviation with its approver (new expires), or align the section with {reference}',
    },
  },
  check({doc, library, config, today, report}) {
    const family = doc.meta.id ? library.families.get(doc.meta.id) : undefined
    if (!family || isBaseline(doc)) return
    const reference = inheritedBy(config.taxonomy, family, doc)?.document
    if (!reference || reference.problems.length > 0) return
    // An overlay arrives as its effective summary: its own sections (placed in its file) among the baseline's.
    for (const s of variantStates(doc, reference, library.upstream, today).sections) {
      if (!s.local || (s.state !== 'local' && s.state !== 'conflict')) continue
      const match = deviationFor(doc, s.path, today)
      if (match?.live) continue
      const at = {bodyOffset: s.variant?.start ?? doc.outline.title?.start ?? 0}
      const data = {section: s.path, reference: reference.file, expires: match?.deviation.expires ?? ''}
      report({messageId: match ? 'expired' : s.local, data, at})
    }
  },
})
