// Relative links and images point at files inside the repo, and link anchors at headings that exist.
import {realpathSync} from 'node:fs'
import path from 'node:path'
import {headingAnchors} from '../core/anchors.js'
import type {DocumentSummary} from '../core/document.js'
import {type Library, revisionOf} from '../core/library.js'
import {isInside} from '../core/loader.js'
import {isInGitDir} from '../core/paths.js'
import {memo} from '../core/memo.js'
import {defineLibraryRule} from './rule.js'

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i

export default defineLibraryRule({
  id: 'links-resolve',
  description: 'Relative links and images resolve to files inside the repository, and anchors to existing headings.',
  defaultSeverity: 'error',
  readsBody: true,
  messages: {
    missing: {
      message: 'Broken link: {target} does not exist',
      mend: 'point the link at an existing file (paths are relative to this document)',
    },
    outside: {
      message: 'Link leaves the repository: {target}',
      mend: 'link to a document inside the repository, or use a full URL',
    },
    anchor: {
      message: 'Broken link: no heading "#{anchor}" in {target}',
      mend: "use one of the target's heading anchors, e.g. #{example}",
    },
    'missing-image': {
      message: 'Broken image: {target} does not exist',
      mend: 'point the image at an existing file (paths are relative to this document)',
    },
    'outside-image': {
      message: 'Image leaves the repository: {target}',
      mend: 'keep the image inside the repository, or use a full URL',
    },
  },
  check({doc, library, report}) {
    for (const image of doc.outline.images) {
      const rawPath = image.url.split(/[?#]/, 1)[0]!
      if (EXTERNAL.test(image.url) || rawPath === '') continue
      const resolved = resolveLink(library, doc, rawPath)
      if (resolved === 'outside' || resolved === 'missing')
        report({
          messageId: `${resolved}-image`,
          data: {target: rawPath},
          at: {bodyOffset: image.start, bodyEnd: image.end},
        })
    }
    for (const link of doc.outline.links) {
      if (EXTERNAL.test(link.url) || link.url === '') continue
      const [rawPath = '', rawAnchor] = link.url.split('#', 2)
      const anchor = rawAnchor ? safeDecode(rawAnchor) : undefined
      const at = {bodyOffset: link.start, bodyEnd: link.end}
      let target: DocumentSummary | undefined = doc
      if (rawPath !== '') {
        const resolved = resolveLink(library, doc, rawPath)
        if (resolved !== 'outside' && resolved !== 'missing') target = resolved.document
        else {
          report({messageId: resolved, data: {target: rawPath}, at})
          continue
        }
      }
      if (!anchor || !target) continue
      const anchors = anchorsOf(target)
      if (!anchors.includes(anchor.toLowerCase())) {
        report({
          messageId: 'anchor',
          data: {anchor, target: rawPath || 'this document', example: anchors[1] ?? anchors[0] ?? ''},
          at,
        })
      }
    }
  },
})

type Resolved = 'outside' | 'missing' | {document?: DocumentSummary}

/** Per library (and its revision: a library `import` grows row by row): folder → link path → what it resolves to. */
const resolvedCache = new WeakMap<
  Library<DocumentSummary>,
  {revision: number; byFolder: Map<string, Map<string, Resolved>>}
>()

function resolvedIn(library: Library<DocumentSummary>): Map<string, Map<string, Resolved>> {
  const revision = revisionOf(library)
  let cached = resolvedCache.get(library)
  if (cached?.revision !== revision) resolvedCache.set(library, (cached = {revision, byFolder: new Map()}))
  return cached.byFolder
}

/**
 * What a relative link's path points at: a document of the library, another existing file, or
 * nothing. Documents of one folder share their links, so each (folder, path) is resolved once.
 */
function resolveLink(library: Library<DocumentSummary>, doc: DocumentSummary, rawPath: string): Resolved {
  const {root} = library.config
  // A leading slash means the repository root, as GitHub and GitLab render it.
  const base = rawPath.startsWith('/') ? root : path.dirname(doc.absPath)
  return memo(
    memo(resolvedIn(library), base, () => new Map<string, Resolved>()),
    rawPath,
    () => {
      const abs = path.join(base, safeDecode(rawPath))
      if (!isInside(root, abs) || isInGitDir(root, abs)) return 'outside'
      const document = library.byPath.get(abs)
      // A document the loader read is a real file inside the repo; anything else is checked where it really is.
      if (document && !document.readProblem) return {document}
      const real = realPath(abs)
      if (real === undefined) return 'missing'
      const realRoot = memo(realRoots, library, () => realPath(root) ?? root)
      return !isInside(realRoot, real) || isInGitDir(realRoot, real) ? 'outside' : {document}
    },
  )
}

const realRoots = new WeakMap<Library<DocumentSummary>, string>()

/** Where a path really is, symlinks followed; undefined when nothing is there (or a link is broken). */
function realPath(abs: string): string | undefined {
  try {
    return realpathSync.native(abs)
  } catch {
    return undefined
  }
}

const anchorCache = new WeakMap<DocumentSummary, string[]>()

/** Heading anchors of a document, computed once however many links point at it. */
function anchorsOf(doc: DocumentSummary): string[] {
  return memo(anchorCache, doc, () => {
    const {title, sections} = headingAnchors(doc.outline)
    return title === undefined ? sections : [title, ...sections]
  })
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
