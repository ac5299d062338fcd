// Relative links point at files inside the repo, and their anchors at headings that exist.
import {existsSync} from 'node:fs'
import path from 'node:path'
import type {SopDocument} from '../core/document.js'
import {isInside} from '../core/loader.js'
import {slug} from '../core/sections.js'
import {defineRule} from './rule.js'

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i

export default defineRule({
  id: 'links-resolve',
  description: 'Relative links resolve to files inside the repository, and anchors to existing headings.',
  defaultSeverity: 'error',
  readsLibrary: true,
  readsBody: true,
  messages: {
    missing: {message: 'Broken link: {target} does not exist', mend: 'point the link at an existing file (paths are relative to this document)'},
    outside: {message: 'Link leaves the repository: {target}', mend: 'link to a document inside the repository, or use a full URL'},
    anchor: {message: 'Broken link: no heading "#{anchor}" in {target}', mend: 'use one of the target\'s heading anchors, e.g. #{example}'},
  },
  check({doc, library, config, report}) {
    for (const link of doc.outline.links) {
      if (EXTERNAL.test(link.url) || link.url === '') continue
      const [rawPath = '', rawAnchor] = link.url.split('#', 2)
      const anchor = rawAnchor ? safeDecode(rawAnchor) : undefined
      const at = {bodyOffset: link.start}
      let target: SopDocument | undefined = doc
      if (rawPath !== '') {
        // A leading slash means the repository root, as GitHub and GitLab render it.
        const base = rawPath.startsWith('/') ? config.root : path.dirname(doc.absPath)
        const abs = path.join(base, safeDecode(rawPath))
        if (!isInside(config.root, abs)) {
          report({messageId: 'outside', data: {target: rawPath}, at})
          continue
        }
        if (!library.byPath.has(abs) && !existsSync(abs)) {
          report({messageId: 'missing', data: {target: rawPath}, at})
          continue
        }
        target = library.byPath.get(abs)
      }
      if (!anchor || !target) continue
      const anchors = anchorsOf(target)
      if (!anchors.includes(anchor.toLowerCase())) {
        report({messageId: 'anchor', data: {anchor, target: rawPath || 'this document', example: anchors[1] ?? anchors[0] ?? ''}, at})
      }
    }
  },
})

const anchorCache = new WeakMap<SopDocument, string[]>()

/** Heading anchors of a document, computed once however many links point at it. */
function anchorsOf(doc: SopDocument): string[] {
  let anchors = anchorCache.get(doc)
  if (!anchors) {
    anchors = [doc.outline.title?.text, ...doc.outline.sections.map((s) => s.heading)].filter((h): h is string => !!h).map(slug)
    anchorCache.set(doc, anchors)
  }
  return anchors
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
