// Which documents a change can give other findings: the changed ones, their families, and the
// documents linking to a changed, renamed or deleted file. What `--changed-since` checks.
import type {DocumentSummary} from '../core/document.js'
import {parseYamlFast, splitFrontMatter} from '../core/front-matter.js'
import type {ChangeSet} from '../core/git.js'
import type {Library} from '../core/library.js'
import {linkTarget} from '../core/link-target.js'

/**
 * The absolute paths of the library's documents whose findings a change can alter: each changed
 * document; every member of a family a changed or gone document belongs to, or belonged to at the
 * merge base (a bumped baseline outdates its variants, a deleted baseline orphans them, a variant
 * is judged against its baseline); and every document with a link or image to a changed or gone
 * file. A changed config changes every finding.
 */
export function affectedDocuments(library: Library<DocumentSummary>, changes: ChangeSet): string[] {
  const touched = new Set([...changes.changed, ...changes.gone])
  if (library.config.file && touched.has(library.config.file)) return library.documents.map(d => d.absPath)
  const affected = new Set<string>()
  const families = new Set<string>()
  for (const abs of touched) {
    const doc = library.byPath.get(abs)
    if (doc) affected.add(abs)
    if (doc?.meta.id) families.add(doc.meta.id)
    const before = changes.before.get(abs)
    const oldId = before === undefined || !abs.endsWith('.md') ? undefined : idOf(before)
    if (oldId) families.add(oldId)
  }
  for (const doc of library.documents) {
    if (doc.meta.id && families.has(doc.meta.id)) affected.add(doc.absPath)
    else if (linksInto(library.config.root, doc, touched)) affected.add(doc.absPath)
  }
  return library.documents.filter(d => affected.has(d.absPath)).map(d => d.absPath)
}

function linksInto(root: string, doc: DocumentSummary, files: ReadonlySet<string>): boolean {
  if (doc.readProblem) return false
  return [...doc.outline.links, ...doc.outline.images].some(link => {
    const target = linkTarget(root, doc.absPath, link.url)
    return target !== undefined && files.has(target)
  })
}

/** The family id a document had at the merge base (its text is data: only the front matter is read). */
function idOf(text: string): string | undefined {
  const block = splitFrontMatter(text)
  const id = block && parseYamlFast(text.slice(block.start, block.end))?.id
  return typeof id === 'string' && id !== '' ? id : undefined
}
