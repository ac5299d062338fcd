// remark, loaded only when a body needs it: it costs a tenth of a second to import and most
// bodies never need it (the line scanner models them).
import type {Heading, Root, RootContent} from 'mdast'
import type {RawOutline} from './sections.js'

type Parse = (body: string) => Root
let parse: Parse | undefined

/** Import remark once; call before `parseWithRemark` can be reached. */
export async function loadMarkdownParser(): Promise<void> {
  if (parse) return
  const [{unified}, {default: remarkParse}] = await Promise.all([import('unified'), import('remark-parse')])
  const processor = unified().use(remarkParse)
  parse = (body) => processor.parse(body) as Root
}

export function isMarkdownParserLoaded(): boolean {
  return parse !== undefined
}

/** Top-level headings, every link or definition and every image, from the remark AST. */
export function parseWithRemark(body: string): RawOutline {
  if (!parse) throw new Error('internal: the Markdown parser was needed before loadMarkdownParser() finished')
  const root = parse(body)
  const headings = root.children.filter((n): n is Heading => n.type === 'heading').map((h) => ({
    depth: h.depth, text: plainText(h).trim(), start: h.position!.start.offset!, end: h.position!.end.offset!,
  }))
  return {headings, links: collect(root, (n) => n.type === 'link' || n.type === 'definition'), images: collect(root, (n) => n.type === 'image')}
}

function plainText(node: RootContent | Heading): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return (node.children as RootContent[]).map(plainText).join('')
  return ''
}

/** Every node the test picks (links and definitions, or images), in document order, with its offsets. */
function collect(root: Root, picks: (node: RootContent | Root) => boolean): RawOutline['links'] {
  const out: RawOutline['links'] = []
  const visit = (node: RootContent | Root): void => {
    if (picks(node) && 'url' in node && node.position) out.push({url: node.url, start: node.position.start.offset!, end: node.position.end.offset!})
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child)
  }
  visit(root)
  return out
}
