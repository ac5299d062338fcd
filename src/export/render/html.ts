// HTML: one self-contained file (the layout `playbook.html` holds the CSS, including the print
// stylesheet). Each document goes Markdown tree → remark-rehype → rehype-sanitize → string, so
// raw HTML, scripts and `javascript:` links never survive; then the whole page, layout included,
// goes through the page shell's pass (core/html-page): sanitised again, sopkit's CSP injected.
import type {Element as HastElement, Root as HastRoot} from 'hast'
import type {Root} from 'mdast'
import type {Options as SanitizeSchema} from 'rehype-sanitize'
import {SopkitError} from '../../core/errors.js'
import {generatorMeta, securePage} from '../../core/html-page.js'
import {documentTree, loadMarkdown} from '../markdown.js'
import {loadLayout} from '../layout.js'
import {convertDocuments} from '../convert.js'
import {GENERATOR, type Playbook, type PlaybookDocument} from '../model.js'
import {defineExportRenderer, headText} from './renderer.js'
import {layoutView} from './view.js'

/** The mark: a generator meta tag, which layouts must keep in their head. */
export const HTML_MARK = generatorMeta(GENERATOR)

/** The mark only in the head of an HTML page: a Markdown or text file quoting the tag is not ours. */
function markInHead(bytes: Uint8Array): boolean {
  const text = headText(bytes, 64 * 1024)
  const head =
    /^(?:\u00EF\u00BB\u00BF)?\s*(?:<!doctype html[^>]*>\s*)?<html[\s>][\s\S]*?<head[\s>]([\s\S]*?)<\/head\s*>/i.exec(
      text,
    )?.[1]
  return head !== undefined && head.replace(/<!--[\s\S]*?-->/g, '').includes(HTML_MARK)
}

type ToHtml = (tree: Root, doc: PlaybookDocument) => string
let toHtml: ToHtml | undefined

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
 * prefixes it per page); one playbook holds many documents, so each gets its own id.
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

async function loadHtml(): Promise<ToHtml> {
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
  // One sanitizer for all documents; remark-rehype runs per document because footnote ids take the document's prefix.
  const sanitize = unified().use(rehypeSanitize, schema)
  toHtml = (tree, doc) => {
    const bridge = unified().use(remarkRehype, {
      allowDangerousHtml: false,
      clobberPrefix: `${doc.anchor}--note-`,
      footnoteLabel: 'Notes',
      footnoteLabelTagName: 'p',
    })
    const hast = bridge.runSync(tree)
    localiseFootnoteLabel(hast, `${doc.anchor}--notes`)
    return stringify.stringify(sanitize.runSync(hast))
  }
  return toHtml
}

/** Text for the layout: handlebars escapes it; only whitespace is tidied here. */
function htmlText(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/** One document's body as sanitized HTML (also run by worker threads: see convert.ts). */
export async function loadDocumentConverter(): Promise<(doc: PlaybookDocument) => string> {
  await loadMarkdown()
  const convert = await loadHtml()
  return doc => convert(documentTree(doc), doc)
}

export default defineExportRenderer({
  name: 'html',
  extension: 'html',
  extensions: ['html', 'htm'],
  description: 'one self-contained HTML file (inline CSS, print stylesheet, no scripts, no external requests)',
  binary: false,
  async render(playbook: Playbook, context) {
    const contents = await convertDocuments('html', playbook.documents, context.onDocument)
    const layout = loadLayout(context.config, 'playbook.html')
    const html = await securePage(layout.render(layoutView(playbook, contents, htmlText)))
    if (!markInHead(Buffer.from(html))) {
      throw new SopkitError(
        'TEMPLATE_INVALID',
        `layout ${layout.file} lost sopkit's generator mark`,
        `keep ${HTML_MARK} in the layout's <head>: later exports recognise their own files by it`,
      )
    }
    return html.endsWith('\n') ? html : `${html}\n`
  },
  recognises: markInHead,
})
