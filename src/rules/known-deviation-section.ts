// A deviation approves a section of the variant (or the removal of one it inherits): one that
// names no section (a typo, a renamed heading) approves nothing, and its drift shows as unapproved.
import {isBaseline} from '../core/document.js'
import {pathKey, pathKeySet} from '../core/drift.js'
import {inheritedBy} from '../core/library.js'
import {didYouMean, suggest} from '../core/taxonomy.js'
import {defineLibraryRule} from './rule.js'

const NO_SECTIONS: readonly never[] = []

export default defineLibraryRule({
  id: 'known-deviation-section',
  description:
    'Each `deviations` entry names a section of the variant (or one it inherits and removed) by its heading path.',
  defaultSeverity: 'error',
  // An overlay's sections are those of its effective document.
  readsBody: true,
  messages: {
    unknown: {
      message: 'Deviation names section "{section}", which is not a section of this document{hint}',
      mend: 'write the heading path as it is, e.g. "Procedure > Refund above limit" (heading texts joined by " > ")',
    },
  },
  check({doc, library, config, report}) {
    if (isBaseline(doc) || doc.meta.deviations.length === 0) return
    const family = doc.meta.id ? library.families.get(doc.meta.id) : undefined
    const inherited = family ? inheritedBy(config.taxonomy, family, doc)?.document : undefined
    const own = (library.byPath.get(doc.absPath) ?? doc).outline.sections
    const inheritedSections = inherited && inherited.problems.length === 0 ? inherited.outline.sections : NO_SECTIONS
    doc.meta.deviations.forEach((d, index) => {
      if (d.section === undefined) return
      const key = pathKey(d.section)
      if (pathKeySet(own).has(key) || pathKeySet(inheritedSections).has(key)) return
      const paths = [...new Set([...own, ...inheritedSections].map(s => s.path))]
      const hint = suggest(d.section, paths) ?? paths.find(p => pathKey(p).endsWith(` > ${key}`))
      report({
        messageId: 'unknown',
        data: {section: d.section, hint: didYouMean(hint)},
        at: {key: ['deviations', index, 'section']},
      })
    })
  },
})
