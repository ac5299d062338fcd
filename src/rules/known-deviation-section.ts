// A deviation approves a section of the variant (or the removal of one it inherits): one that
// names no section (a typo, a renamed heading) approves nothing, and its drift shows as unapproved.
import {isBaseline} from '../core/document.js'
import {pathKey} from '../core/drift.js'
import {inheritedBy} from '../core/library.js'
import {didYouMean, suggest} from '../core/taxonomy.js'
import {defineLibraryRule} from './rule.js'

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
    const paths = [
      ...new Set(
        [
          library.byPath.get(doc.absPath) ?? doc,
          ...(inherited && inherited.problems.length === 0 ? [inherited] : []),
        ].flatMap(d => d.outline.sections.map(s => s.path)),
      ),
    ]
    const known = new Set(paths.map(pathKey))
    doc.meta.deviations.forEach((d, index) => {
      if (d.section === undefined || known.has(pathKey(d.section))) return
      // A typo, or a sub-section named without its parents ("Refund above limit").
      const hint = suggest(d.section, paths) ?? paths.find(p => pathKey(p).endsWith(` > ${pathKey(d.section!)}`))
      report({
        messageId: 'unknown',
        data: {section: d.section, hint: didYouMean(hint)},
        at: {key: ['deviations', index, 'section']},
      })
    })
  },
})
