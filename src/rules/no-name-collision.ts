// Two documents whose paths or ids differ only by letter case or Unicode normalisation (é written
// as one code point or as e + accent) are one name on macOS and Windows: a checkout there keeps
// one file of the two, and the other is silently lost or shown as modified.
import type {SopDocument} from '../core/document.js'
import type {Library} from '../core/library.js'
import {memo} from '../core/memo.js'
import {defineRule} from './rule.js'

export default defineRule({
  id: 'no-name-collision',
  description: 'No two document paths or ids differ only by letter case or Unicode normalisation.',
  defaultSeverity: 'error',
  readsLibrary: true,
  readsBrokenDocuments: true,
  messages: {
    path: {message: 'Path differs from {other} only by {how}: macOS and Windows checkouts keep one of the two files',
      mend: 'rename one of the files (git mv), or merge the two documents'},
    id: {message: 'Id {id} differs from {otherId} (in {other}) only by {how}: the two are one family to a person, two to sopkit',
      mend: 'write the id exactly as the other document does, or choose a different id'},
  },
  check({doc, library, report}) {
    const names = namesOf(library)
    const samePath = names.paths.get(foldName(doc.file))?.find((d) => d.file < doc.file)
    if (samePath) report({messageId: 'path', data: {other: samePath.file, how: difference(doc.file, samePath.file)}})
    const id = doc.meta.id
    if (!id) return
    const sameId = names.ids.get(foldName(id))?.find((d) => d.meta.id !== id && d.file < doc.file)
    if (sameId?.meta.id) report({messageId: 'id', data: {id, otherId: sameId.meta.id, other: sameId.file, how: difference(id, sameId.meta.id)}, at: {key: ['id']}})
  },
})

interface Names {
  /** Folded path → documents with a path of that fold, when two or more differ. */
  paths: Map<string, SopDocument[]>
  /** Folded id → documents with an id of that fold, when two or more ids differ. */
  ids: Map<string, SopDocument[]>
}

const index = new WeakMap<Library, Names>()

/** Folded names shared by differing spellings, built once per library: one pass, one map each. */
function namesOf(library: Library): Names {
  return memo(index, library, () => {
    const paths = new Map<string, SopDocument[]>()
    const ids = new Map<string, SopDocument[]>()
    for (const d of library.documents) {
      memo(paths, foldName(d.file), () => []).push(d)
      if (d.meta.id) memo(ids, foldName(d.meta.id), () => []).push(d)
    }
    const differing = (key: (d: SopDocument) => string | undefined) => ([, docs]: [string, SopDocument[]]) => new Set(docs.map(key)).size > 1
    return {paths: new Map([...paths].filter(differing((d) => d.file))), ids: new Map([...ids].filter(differing((d) => d.meta.id)))}
  })
}

/** One spelling per name as case-insensitive, normalisation-insensitive file systems see it. */
export function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase().normalize('NFC')
}

function difference(a: string, b: string): string {
  if (a.normalize('NFC') === b.normalize('NFC')) return 'Unicode normalisation'
  if (a.toLowerCase() === b.toLowerCase()) return 'letter case'
  return 'letter case and Unicode normalisation'
}
