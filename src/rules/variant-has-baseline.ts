// A market variant (a document with `based_on`, or an overlay) needs a GLOBAL baseline to be based on.
import {isOverlay} from '../core/overlay.js'
import {isBaseline} from '../core/document.js'
import {defineLibraryRule} from './rule.js'

export default defineLibraryRule({
  id: 'variant-has-baseline',
  description:
    'A variant (a document with `based_on`, or an overlay with `inherit: sections`) has a GLOBAL baseline with the same id.',
  defaultSeverity: 'error',
  messages: {
    missing: {
      message: 'Variant of "{id}" has no baseline: no document with this id lists GLOBAL in markets',
      mend: 'add its GLOBAL baseline (`sopkit new {type} --id {id} --market GLOBAL --title "…" --owner …`), fix the id, or remove based_on',
    },
    overlay: {
      message: 'Overlay variant of "{id}" has no baseline to apply to: its body holds only the sections it changes',
      mend: 'add its GLOBAL baseline (`sopkit new {type} --id {id} --market GLOBAL --title "…" --owner …`), fix the id, or remove `inherit: sections` and write the whole document',
    },
  },
  check({doc, library, report}) {
    const {id, based_on} = doc.meta
    const overlay = isOverlay(doc)
    if (!id || (based_on === undefined && !overlay) || isBaseline(doc)) return
    if ((library.families.get(id)?.baselines.length ?? 0) > 0) return
    const data = {id, type: doc.meta.type ?? 'sop'}
    report(
      overlay
        ? {messageId: 'overlay', data, at: {key: ['inherit'], part: 'key'}}
        : {messageId: 'missing', data, at: {key: ['based_on'], part: 'key'}},
    )
  },
})
