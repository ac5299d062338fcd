// The one section model: headings from the Markdown AST, the first H1 is the title, every other
// heading opens a section named by its heading path ("Procedure > Refund above limit").
import type {Heading, Root, RootContent} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

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

export interface BodyLink {
  url: string
  /** Offsets in the body. */
  start: number
  end: number
}

export interface Outline {
  title?: {text: string; start: number}
  sections: Section[]
  links: BodyLink[]
}

export const PATH_SEPARATOR = ' > '

const parser = unified().use(remarkParse)

/** Parse a Markdown body once and derive its outline. */
export function outline(body: string): Outline {
  const root = parser.parse(body) as Root
  const headings = root.children.filter((n): n is Heading => n.type === 'heading')
  let title: Outline['title']
  const stack: Array<{depth: number; text: string}> = []
  const sections: Section[] = []
  for (const h of headings) {
    const text = plainText(h).trim()
    const start = h.position!.start.offset!
    if (!title && h.depth === 1 && sections.length === 0) {
      title = {text, start}
      continue
    }
    while (stack.length > 0 && stack.at(-1)!.depth >= h.depth) stack.pop()
    stack.push({depth: h.depth, text})
    sections.push({path: stack.map((s) => s.text).join(PATH_SEPARATOR), heading: text, depth: h.depth, start,
      contentStart: h.position!.end.offset!, end: body.length, content: ''})
  }
  const boundaries = headings.map((h) => h.position!.start.offset!)
  for (const s of sections) {
    s.end = boundaries.find((b) => b > s.start) ?? body.length
    s.content = body.slice(s.contentStart, s.end).trim()
  }
  return {title, sections, links: collectLinks(root)}
}

function plainText(node: RootContent | Heading): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return (node.children as RootContent[]).map(plainText).join('')
  return ''
}

function collectLinks(root: Root): BodyLink[] {
  const links: BodyLink[] = []
  const visit = (node: RootContent | Root): void => {
    if ((node.type === 'link' || node.type === 'definition') && node.position) {
      links.push({url: node.url, start: node.position.start.offset!, end: node.position.end.offset!})
    }
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child)
  }
  visit(root)
  return links
}

/** GitHub-style anchor slug of a heading, for links such as `other.md#escalation`. */
export function slug(heading: string): string {
  return heading.toLowerCase().trim().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-')
}
