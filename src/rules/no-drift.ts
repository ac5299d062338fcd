// A variant differs from what its market would inherit only where a live deviation approves it.
import {compareSections, deviationFor, pathKey} from '../core/drift.js'
import {inheritedBy} from '../core/library.js'
import {defineRule} from './rule.js'

export default defineRule({
  id: 'no-drift',
  description: 'Sections of a variant that differ from what it would inherit are approved by a live `deviations` entry.',
  defaultSeverity: 'warn',
  readsLibrary: true,
  readsBody: true,
  messages: {
    changed: {message: 'Unapproved drift: section "{section}" differs from {reference}', mend: 'align it with {reference}, or add a deviations entry (section, reason, approver, expires) for it'},
    added: {message: 'Unapproved drift: section "{section}" is not in {reference}', mend: 'add it to the baseline, or add a deviations entry for it'},
    removed: {message: 'Unapproved drift: section "{section}" of {reference} is missing', mend: 'restore the section, or add a deviations entry for it'},
    expired: {message: 'Deviation for section "{section}" expired on {expires}', mend: 'renew the deviation with its approver (new expires), or align the section with {reference}'},
  },
  check({doc, library, config, today, report}) {
    const family = doc.meta.id ? library.families.get(doc.meta.id) : undefined
    if (!family || doc.isBaseline()) return
    const reference = inheritedBy(config.taxonomy, family, doc)?.document
    if (!reference || reference.problems.length > 0) return
    // An overlay is judged by its effective document (what its market reads), placed in its own file.
    const sections = (library.byPath.get(doc.absPath) ?? doc).outline.sections
    for (const c of compareSections(sections, reference.outline.sections)) {
      if (c.state === 'same' || (c.state === 'moved' && !c.changed)) continue
      const match = deviationFor(doc, c.path, today)
      if (match?.live) continue
      // An overlay's effective sections may be its own or rebuilt from its text: either way the heading is in its file.
      const own = c.variant && (doc.outline.sections.includes(c.variant) ? c.variant : doc.outline.sections.find((s) => pathKey(s.path) === pathKey(c.path)))
      const at = {bodyOffset: own?.start ?? doc.outline.title?.start ?? 0}
      const data = {section: c.path, reference: reference.file, expires: match?.deviation.expires ?? ''}
      report({messageId: match ? 'expired' : c.state === 'moved' ? 'changed' : c.state, data, at})
    }
  },
})
