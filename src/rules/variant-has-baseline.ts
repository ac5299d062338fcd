// A market variant (a document with `based_on`) needs a GLOBAL baseline to be based on.
import {isBaseline} from '../core/document.js'
import {defineLibraryRule} from './rule.js'

export default defineLibraryRule({
  id: 'variant-has-baseline',
  description: 'A variant (a document with `based_on`) has a GLOBAL baseline with the same id.',
  defaultSeverity: 'error',
  messages: {
    missing: {message: 'Variant of "{id}" has no baseline: no document with this id lists GLOBAL in markets', mend: 'add its GLOBAL baseline (`sopkit new {type} --id {id} --market GLOBAL --title "…" --owner …`), fix the id, or remove based_on'},
  },
  check({doc, library, report}) {
    const {id, based_on} = doc.meta
    if (!id || based_on === undefined || isBaseline(doc)) return
    if ((library.families.get(id)?.baselines.length ?? 0) === 0) report({messageId: 'missing', data: {id, type: doc.meta.type ?? 'sop'}, at: {key: ['based_on'], part: 'key'}})
  },
})
