// The one remark pipeline (remark-parse + GFM: tables, footnotes, strikethrough, autolink
// literals), shared by check's fallback outline and by export, so both read the same headings
// and links. Loaded only when a body needs it: it costs a tenth of a second to import and most
// bodies never need it (the line scanner models them).
import type {Heading, Root, RootContent} from 'mdast'
import type {WindowRead, WindowReader} from './outline-scan.js'
import type {RawOutline} from './sections.js'

type Parse = (body: string) => Root
let parse: Parse | undefined

/** Import remark once; call before `parseWithRemark` or `parseMarkdown` can be reached. */
export async function loadMarkdownParser(): Promise<void> {
  if (parse) return
  const [{unified}, {default: remarkParse}, {default: remarkGfm}] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
  ])
  const processor = unified().use(remarkParse).use(remarkGfm)
  parse = body => processor.runSync(processor.parse(body)) as Root
}

type Print = (tree: Root) => string
let print: Print | undefined

/** The one way a tree is printed back to Markdown (GFM: tables, strike-through), for export and diff. */
export async function loadMarkdownPrinter(): Promise<Print> {
  if (print) return print
  const [{unified}, {default: remarkStringify}, {default: remarkGfm}] = await Promise.all([
    import('unified'),
    import('remark-stringify'),
    import('remark-gfm'),
  ])
  const processor = unified()
    .use(remarkGfm)
    .use(remarkStringify, {bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-', listItemIndent: 'one'})
  print = tree => processor.stringify(tree)
  return print
}

/** Print a tree loaded by `loadMarkdownPrinter`. */
export function printMarkdown(tree: Root): string {
  if (!print) throw new Error('internal: the Markdown printer was needed before loadMarkdownPrinter() finished')
  return print(tree)
}

export function isMarkdownParserLoaded(): boolean {
  return parse !== undefined
}

/** The body's mdast tree, through the one configuration. Call `loadMarkdownParser` first. */
export function parseMarkdown(body: string): Root {
  if (!parse) throw new Error('internal: the Markdown parser was needed before loadMarkdownParser() finished')
  return parse(body)
}

/** Top-level headings, every link or definition and every image, from the remark AST. */
export function parseWithRemark(body: string): RawOutline {
  return readWindow(body).outline
}

/**
 * remark's reading of a whole body or of a window of one the line scanner hands over (core/outline-scan):
 * the outline, the labels of the definitions it holds, and where its last top-level block starts.
 */
export const readWindow: WindowReader = text => {
  const root = parseMarkdown(text)
  const headings = root.children
    .filter((n): n is Heading => n.type === 'heading')
    .map(h => ({
      depth: h.depth,
      text: plainText(h).trim(),
      start: h.position!.start.offset!,
      end: h.position!.end.offset!,
    }))
  const links: RawOutline['links'] = []
  const images: RawOutline['images'] = []
  const definitions: WindowRead['definitions'] = []
  const visit = (node: RootContent | Root): void => {
    const at = node.position?.start.offset
    if (at !== undefined && 'url' in node) {
      const found = {url: node.url, start: at, end: node.position!.end.offset!}
      if (node.type === 'image') images.push(found)
      else if (node.type === 'definition') {
        links.push(found)
        definitions.push({label: node.label ?? node.identifier, start: at})
      } else if (!isAutolinkLiteral(at, text)) links.push(found)
    }
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child)
  }
  visit(root)
  return {outline: {headings, links, images}, definitions, lastBlock: lastBlockStart(root, text)}
}

/**
 * Where the last top-level block starts, or the last item of a list that is one; undefined after
 * indented code: micromark reads the line after it and blank lines as if the code could go on
 * (`2) a` or an empty item there is paragraph text, though a list could open at a body's start).
 */
function lastBlockStart(root: Root, text: string): number | undefined {
  const before = root.children.at(-2)
  const last = root.children.at(-1)
  const start = before?.type === 'code' ? before.position?.start.offset : undefined
  if (start !== undefined && (text[start] === ' ' || text[start] === '\t')) return undefined
  const opened = last?.type === 'list' ? last.children.at(-1) : last
  return opened?.position?.start.offset
}

/**
 * A GFM autolink literal (`www.example.com`, a bare URL or email) is written without `[` or `<`.
 * It is always a web or mail address, never a file of the repo, so the outline leaves it out (as
 * the line scanner does) and export keeps it as an external link.
 */
function isAutolinkLiteral(at: number, body: string): boolean {
  return body[at] !== '[' && body[at] !== '<'
}

/** What a reader sees of a heading: inline code, emphasis and link text, not raw HTML tags (as GitHub's anchors). */
function plainText(node: RootContent | Heading): string {
  if (node.type === 'html') return ''
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return (node.children as RootContent[]).map(plainText).join('')
  return ''
}
