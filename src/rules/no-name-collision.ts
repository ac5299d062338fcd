// Two documents whose paths or ids differ only by letter case or Unicode normalisation (é written
// as one code point or as e + accent) are one name on macOS and Windows: a checkout there keeps
// one file of the two, and the other is silently lost or shown as modified.
import {type LibraryDoc, foldName, spellingOf} from '../core/library.js'
import {defineLibraryRule} from './rule.js'

export default defineLibraryRule({
  id: 'no-name-collision',
  description: 'No two document paths or ids differ only by letter case or Unicode normalisation.',
  defaultSeverity: 'error',
  readsBrokenDocuments: true,
  messages: {
    path: {
      message: 'Path differs from {other} only by {how}: macOS and Windows checkouts keep one of the two files',
      mend: 'rename one of the files (git mv), or merge the two documents',
    },
    id: {
      message:
        'Id {id} differs from {otherId} (in {other}) only by {how}: the two are one family to a person, two to sopkit',
      mend: 'write the id exactly as the other document does, or choose a different id',
    },
  },
  check({doc, library, report}) {
    if (library.collidingNames.size === 0) return
    const pathKey = `path:${foldName(doc.file)}`
    const samePath = earlierOtherSpelling(pathKey, library.collidingNames.get(pathKey), doc)
    if (samePath) report({messageId: 'path', data: {other: samePath.file, how: difference(doc.file, samePath.file)}})
    const id = doc.meta.id
    if (!id) return
    const idKey = `id:${foldName(id)}`
    const sameId = earlierOtherSpelling(idKey, library.collidingNames.get(idKey), doc)
    if (sameId?.meta.id)
      report({
        messageId: 'id',
        data: {id, otherId: sameId.meta.id, other: sameId.file, how: difference(id, sameId.meta.id)},
        at: {key: ['id']},
      })
  },
})

/** The first document (by path) that spells the name otherwise and sorts before `doc`: each collision is told once, on the later file. */
function earlierOtherSpelling<D extends LibraryDoc>(
  key: string,
  colliding: readonly D[] | undefined,
  doc: D,
): D | undefined {
  const own = spellingOf(doc, key)
  let first: D | undefined
  for (const d of colliding ?? []) {
    if (spellingOf(d, key) !== own && d.file < doc.file && (!first || d.file < first.file)) first = d
  }
  return first
}

function difference(a: string, b: string): string {
  if (a.normalize('NFC') === b.normalize('NFC')) return 'Unicode normalisation'
  if (a.toLowerCase() === b.toLowerCase()) return 'letter case'
  return 'letter case and Unicode normalisation'
}
