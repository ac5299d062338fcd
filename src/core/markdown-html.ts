// The one Markdown → HTML path: a Markdown tree goes remark-rehype → rehype-sanitize → string, so
// raw HTML, scripts, images and `javascript:` links never survive. The playbook (export html, pdf)
// and the HTML diff render documents through it, so both show a document the same way.
import type {Element as HastElement, Root as HastRoot} from 'hast'
import type {Root} from 'mdast'
import type {Options as SanitizeSchema} from 'rehype-sanitize'

/** A tree as sanitised HTML; `prefix` makes its footnote ids unique in a page holding many trees. */
export type MarkdownToHtml = (tree: Root, prefix: string) => string
let toHtml: MarkdownToHtml | undefined

/** GitHub's sanitising schema, minus images (a request) and minus id prefixes (ours are generated `doc-…` anchors). */
function schemaFrom(defaultSchema: SanitizeSchema): SanitizeSchema {
  return {
    ...defaultSchema,
    clobberPrefix: '',
    tagNames: (defaultSchema.tagNames ?? []).filter(
      t => !['img', 'picture', 'source', 'video', 'audio', 'iframe'].includes(t),
    ),
    protocols: {...defaultSchema.protocols, href: ['http', 'https', 'mailto'], cite: ['http', 'https']},
  }
}

/**
 * remark-rehype names every document's footnote label `footnote-label` (GitHub's sanitizer
 * prefixes it per page); one page holds many documents, so each gets its own id.
 */
function localiseFootnoteLabel(node: HastRoot | HastElement, id: string): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.properties.id === 'footnote-label') child.properties.id = id
    const described = child.properties.ariaDescribedBy
    if (Array.isArray(described) && described.includes('footnote-label'))
      child.properties.ariaDescribedBy = described.map(d => (d === 'footnote-label' ? id : d))
    localiseFootnoteLabel(child, id)
  }
}

export async function loadMarkdownToHtml(): Promise<MarkdownToHtml> {
  if (toHtml) return toHtml
  const [{unified}, {default: remarkRehype}, {default: rehypeSanitize, defaultSchema}, {default: rehypeStringify}] =
    await Promise.all([
      import('unified'),
      import('remark-rehype'),
      import('rehype-sanitize'),
      import('rehype-stringify'),
    ])
  const schema = schemaFrom(defaultSchema)
  const stringify = unified().use(rehypeStringify)
  // One sanitizer for all trees; remark-rehype runs per tree because footnote ids take the tree's prefix.
  const sanitize = unified().use(rehypeSanitize, schema)
  toHtml = (tree, prefix) => {
    const bridge = unified().use(remarkRehype, {
      allowDangerousHtml: false,
      clobberPrefix: `${prefix}--note-`,
      footnoteLabel: 'Notes',
      footnoteLabelTagName: 'p',
    })
    const hast = bridge.runSync(tree)
    localiseFootnoteLabel(hast, `${prefix}--notes`)
    return stringify.stringify(sanitize.runSync(hast))
  }
  return toHtml
}

/** Render with the path loaded by `loadMarkdownToHtml`. */
export function markdownToHtml(tree: Root, prefix: string): string {
  if (!toHtml) throw new Error('internal: Markdown → HTML was needed before loadMarkdownToHtml() finished')
  return toHtml(tree, prefix)
}
