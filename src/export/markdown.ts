// One document's body as a Markdown tree ready for a playbook: the title removed (the document
// header replaces it), headings demoted and given their playbook anchors, links rewritten, and
// everything that could run code or fetch something removed. md, html and docx all render this
// tree, so they cannot disagree about what a document says.
import type {Heading, Link, Nodes, Parents, Root, RootContent, Text} from 'mdast'
import {loadMarkdownParser, parseMarkdown} from '../core/markdown.js'
import {flattenNesting} from '../core/nesting.js'
import {demote} from './assemble.js'
import type {LinkTarget, PlaybookDocument} from './model.js'

/** Where a heading node should link from: its playbook anchor (on `data.anchor`). */
export interface AnchoredData {
  anchor?: string
  hProperties?: Record<string, string>
}

/** Load the one remark pipeline (GFM included) before `documentTree`. */
export const loadMarkdown = loadMarkdownParser

/** The body of `doc` as a playbook-ready tree. Call `loadMarkdown` first. */
export function documentTree(doc: PlaybookDocument): Root {
  // Nesting past MAX_NESTING would overflow every recursive step below: it is flattened first.
  const body = flattenNesting(doc.body)
  const root = parseMarkdown(body.text)
  const sectionsAt = new Map(doc.sections.map(s => [body.shift(s.start), s]))
  const titleStart = doc.titleStart === undefined ? undefined : body.shift(doc.titleStart)
  root.children = root.children.filter(n => !(n.type === 'heading' && n.position?.start.offset === titleStart))
  for (const node of root.children) {
    if (node.type !== 'heading') continue
    const section = sectionsAt.get(node.position?.start.offset ?? -1)
    if (section) anchorHeading(node, section.level, section.anchor)
  }
  const targets = new Map(doc.links.map(l => [l.url, l.target]))
  const definitions = new Map<string, string>()
  collectDefinitions(root, definitions)
  rewrite(root, url => targets.get(url) ?? fallback(url), definitions)
  return root
}

function anchorHeading(node: Heading, level: number, anchor: string): void {
  node.depth = level as Heading['depth']
  const data = (node.data ??= {}) as AnchoredData
  data.anchor = anchor
  data.hProperties = {id: anchor}
}

/** A URL the outline did not list (a GFM autolink such as www.example.com): kept only when plainly web or mail. */
function fallback(url: string): LinkTarget {
  return /^(https?:|mailto:)/i.test(url) ? {kind: 'external'} : {kind: 'unsafe'}
}

function collectDefinitions(node: Nodes, out: Map<string, string>): void {
  if (node.type === 'definition' && !out.has(node.identifier)) out.set(node.identifier, node.url)
  if ('children' in node) for (const child of node.children) collectDefinitions(child, out)
}

type Replacement = RootContent | RootContent[] | undefined

/** Inline raw HTML whose content is not text for a reader: `<script>…</script>` in a paragraph drops the code too. */
const OPAQUE = /^<(script|style|iframe|noscript|textarea|template|object|svg|math)\b[^>]*>$/i

/** Walk the tree, replacing nodes bottom-up. */
function rewrite(parent: Parents, target: (url: string) => LinkTarget, definitions: ReadonlyMap<string, string>): void {
  const next: RootContent[] = []
  let skipUntil: RegExp | undefined
  for (const child of parent.children as RootContent[]) {
    if (skipUntil) {
      if (child.type === 'html' && skipUntil.test(child.value)) skipUntil = undefined
      continue
    }
    const opaque = child.type === 'html' ? OPAQUE.exec(child.value.trim()) : null
    if (opaque) skipUntil = new RegExp(`^</${opaque[1]}\\s*>$`, 'i')
    if ('children' in child) rewrite(child, target, definitions)
    const replaced = replace(child, target, definitions)
    if (Array.isArray(replaced)) next.push(...replaced)
    else if (replaced) next.push(replaced)
  }
  ;(parent as {children: RootContent[]}).children = next
}

function replace(
  node: RootContent,
  target: (url: string) => LinkTarget,
  definitions: ReadonlyMap<string, string>,
): Replacement {
  switch (node.type) {
    // Raw HTML never reaches a playbook: it is where scripts, iframes and tracking pixels hide.
    case 'html':
    case 'definition':
      return undefined
    case 'heading':
      // Headings inside lists and quotes are not sections (no anchor) but still sit under the title.
      if (!(node.data as AnchoredData | undefined)?.anchor) node.depth = demote(node.depth) as Heading['depth']
      return node
    // Images would be a request for a file or a host: the playbook keeps their description.
    case 'image':
    case 'imageReference':
      return text(node.alt ? `[image: ${node.alt}]` : '[image]')
    case 'link':
      return linkTo(node, node.url, target)
    case 'linkReference': {
      const url = definitions.get(node.identifier)
      return url === undefined
        ? node.children
        : linkTo({type: 'link', url, children: node.children, position: node.position}, url, target)
    }
    default:
      return node
  }
}

function linkTo(node: Link, url: string, target: (url: string) => LinkTarget): Replacement {
  const t = target(url)
  if (t.kind === 'internal') return {...node, url: `#${t.anchor}`, title: null}
  if (t.kind === 'external') return node
  if (t.kind === 'outside') return [...node.children, text(` (${t.path}, not in this playbook)`)]
  return node.children
}

function text(value: string): Text {
  return {type: 'text', value}
}
