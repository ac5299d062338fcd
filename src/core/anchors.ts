// The one home of heading anchors: a heading's anchor exactly as GitHub renders it (github-slugger:
// lower-case, punctuation dropped, spaces to `-`; a repeated slug gets `-1`, `-2` ...). check's
// links-resolve and export's playbook anchors both count a document's headings here, so a link
// GitHub follows is never reported and always lands on the same section in a playbook.
import {slug} from 'github-slugger'
import {memoBounded} from './memo.js'
import type {Outline} from './sections.js'

/** A library repeats a few hundred heading texts thousands of times; the slug's Unicode pattern is slow. */
const slugs = new Map<string, string>()
const SLUG_CACHE_LIMIT = 50_000

/**
 * The anchor of one heading's text, without the repeat suffix. The text is the heading reduced to
 * what a reader sees (the section model already strips inline code, emphasis and link syntax).
 */
export function headingSlug(text: string): string {
  return memoBounded(slugs, SLUG_CACHE_LIMIT, text, t => slug(t.trim()))
}

/** Numbers repeated slugs exactly as github-slugger's class does; feed it a document's headings in order, title first. */
class HeadingAnchors {
  private readonly occurrences = new Map<string, number>()

  next(text: string): string {
    const original = headingSlug(text)
    let result = original
    while (this.occurrences.has(result)) {
      const n = this.occurrences.get(original)! + 1
      this.occurrences.set(original, n)
      result = `${original}-${n}`
    }
    this.occurrences.set(result, 0)
    return result
  }
}

/** Every heading anchor of a document, in order: its title's, then each section's. */
export function headingAnchors(outline: {title?: Outline['title']; sections: ReadonlyArray<{heading: string}>}): {
  title?: string
  sections: string[]
} {
  const anchors = new HeadingAnchors()
  const title = outline.title ? anchors.next(outline.title.text) : undefined
  return {title, sections: outline.sections.map(s => anchors.next(s.heading))}
}
