// The one home of heading anchors: a heading's anchor exactly as GitHub renders it (github-slugger:
// lower-case, punctuation dropped, spaces to `-`; a repeated slug gets `-1`, `-2` ...). check's
// links-resolve and export's playbook anchors both count a document's headings here, so a link
// GitHub follows is never reported and always lands on the same section in a playbook.
import GithubSlugger, {slug} from 'github-slugger'
import type {Outline} from './sections.js'

/**
 * The anchor of one heading's text, without the repeat suffix. The text is the heading reduced to
 * what a reader sees (the section model already strips inline code, emphasis and link syntax).
 */
export function headingSlug(text: string): string {
  return slug(text.trim())
}

/** Numbers repeated slugs as GitHub does; feed it a document's headings in order, title first. */
class HeadingAnchors {
  private readonly slugger = new GithubSlugger()

  next(text: string): string {
    return this.slugger.slug(text.trim())
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
