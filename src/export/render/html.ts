// HTML: one self-contained file (the layout `playbook.html` holds the CSS, including the print
// stylesheet). Each document goes Markdown tree → remark-rehype → rehype-sanitize → string, so
// raw HTML, scripts and `javascript:` links never survive; then the whole page, layout included,
// goes through the page shell's pass (core/html-page): sanitised again, sopkit's CSP injected.
import {SopkitError} from '../../core/errors.js'
import {generatorMeta, securePage, slotsFor} from '../../core/html-page.js'
import {loadMarkdownToHtml} from '../../core/markdown-html.js'
import {documentTree, loadMarkdown} from '../markdown.js'
import {loadLayout} from '../layout.js'
import {convertDocuments} from '../convert.js'
import {GENERATOR, type Playbook, type PlaybookDocument} from '../model.js'
import {defineExportRenderer, headText} from './renderer.js'
import {layoutView} from './view.js'

/** The mark: a generator meta tag, which layouts must keep in their head. */
export const HTML_MARK = generatorMeta(GENERATOR)

/** How far into a page its head is looked for. */
const MARK_SNIFF = 64 * 1024

/** The mark only in the head of an HTML page: a Markdown or text file quoting the tag is not ours. */
function markInHead(bytes: Uint8Array): boolean {
  const text = headText(bytes, MARK_SNIFF)
  const head =
    /^(?:\u00EF\u00BB\u00BF)?\s*(?:<!doctype html[^>]*>\s*)?<html[\s>][\s\S]*?<head[\s>]([\s\S]*?)<\/head\s*>/i.exec(
      text,
    )?.[1]
  return head !== undefined && head.replace(/<!--[\s\S]*?-->/g, '').includes(HTML_MARK)
}

/** Text for the layout: handlebars escapes it; only whitespace is tidied here. */
function htmlText(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/** One document's body as sanitized HTML (also run by worker threads: see convert.ts). */
export async function loadDocumentConverter(): Promise<(doc: PlaybookDocument) => string> {
  await loadMarkdown()
  const convert = await loadMarkdownToHtml()
  return doc => convert(documentTree(doc), doc.anchor)
}

export default defineExportRenderer({
  name: 'html',
  extension: 'html',
  extensions: ['html', 'htm'],
  description: 'one self-contained HTML file (inline CSS, print stylesheet, no scripts, no external requests)',
  binary: false,
  async render(playbook: Playbook, context) {
    const contents = await convertDocuments('html', playbook.documents, context.onDocument, context.converted)
    const layout = loadLayout(context.config, 'playbook.html')
    // The bodies, sanitised one by one already, join the page after its pass (see core/html-page).
    const slots = slotsFor(contents)
    const html = await securePage(layout.render(layoutView(playbook, slots.tokens, htmlText)), slots)
    if (!markInHead(Buffer.from(html.slice(0, MARK_SNIFF)))) {
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
