// The one section model: headings from the Markdown structure, the first H1 is the title, every
// other heading opens a section named by its heading path ("Procedure > Refund above limit").
// The structure comes from the line scanner, and from remark where the scanner cannot be sure.
import {readWindow} from './markdown.js'
import {scanOutline} from './outline-scan.js'

export interface Section {
  /** Heading path, e.g. "Procedure > Refund above limit". */
  path: string
  heading: string
  depth: number
  /** Offsets in the body: heading start, content start (after the heading line), end (next heading). */
  start: number
  contentStart: number
  end: number
  /** The section's own text, without its sub-sections, trimmed. */
  content: string
}

/** A section without its content: what a document summary keeps (see core/document `DocumentSummary`). */
export interface SectionSummary extends Omit<Section, 'content'> {
  /** Whitespace-insensitive hash of the content (core/drift `contentFingerprint`). */
  fingerprint: number
}

export interface BodyLink {
  url: string
  /** Offsets in the body. */
  start: number
  end: number
}

/** What a parser reports: top-level headings, every link or definition, and every inline image, in order. */
export interface RawOutline {
  headings: Array<{depth: number; text: string; start: number; end: number}>
  links: BodyLink[]
  images: BodyLink[]
}

/** A body's outline; a summary's sections carry a fingerprint instead of their content. */
export interface Outline<S extends Section | SectionSummary = Section> {
  title?: {text: string; start: number}
  sections: S[]
  links: BodyLink[]
  images: BodyLink[]
}

export const PATH_SEPARATOR = ' > '

/** The raw structure of a body: scanned, remark reading the parts the scanner cannot be sure of. */
export function rawOutline(body: string): RawOutline {
  return scanOutline(body, readWindow)
}

/** Derive the outline (title, sections with paths and own content, links) of a body. */
export function outline(body: string, raw: RawOutline = rawOutline(body)): Outline {
  let title: Outline['title']
  const stack: Array<{depth: number; text: string}> = []
  const sections: Section[] = []
  for (const h of raw.headings) {
    if (!title && h.depth === 1 && sections.length === 0) {
      title = {text: h.text, start: h.start}
      continue
    }
    while (stack.length > 0 && stack.at(-1)!.depth >= h.depth) stack.pop()
    stack.push({depth: h.depth, text: h.text})
    sections.push({
      path: stack.map(s => s.text).join(PATH_SEPARATOR),
      heading: h.text,
      depth: h.depth,
      start: h.start,
      contentStart: h.end,
      end: body.length,
      content: '',
    })
  }
  // Headings come in order, and every heading after the title opens a section: each section ends
  // where the next one starts (one pass, not a search per section).
  for (const [i, s] of sections.entries()) {
    s.end = sections[i + 1]?.start ?? body.length
    s.content = body.slice(s.contentStart, s.end).trim()
  }
  return {title, sections, links: raw.links, images: raw.images}
}
