// Markdown: one file, the layout `playbook.md`, each document's tree printed back by remark.
// Explicit `<a id>` anchors make the TOC's links work on GitHub and in other Markdown viewers.
import type {Root, RootContent} from 'mdast'
import {type AnchoredData, documentTree, loadMarkdown} from '../markdown.js'
import {loadLayout} from '../layout.js'
import {markdownMark} from '../mark.js'
import type {Playbook, PlaybookDocument} from '../model.js'
import {convertDocuments} from '../convert.js'
import {defineExportRenderer} from './renderer.js'
import {layoutView} from './view.js'

type Stringify = (tree: Root) => string
let stringify: Stringify | undefined

async function loadStringify(): Promise<Stringify> {
  if (stringify) return stringify
  const [{unified}, {default: remarkStringify}, {default: remarkGfm}] = await Promise.all([
    import('unified'), import('remark-stringify'), import('remark-gfm'),
  ])
  const processor = unified().use(remarkGfm).use(remarkStringify, {bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-', listItemIndent: 'one'})
  stringify = (tree) => processor.stringify(tree)
  return stringify
}

/** Text for an inline spot of the layout: one line, Markdown's active characters escaped. */
export function markdownText(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<|]/g, '\\$&')
}

/** An `<a id>` before every anchored heading: our own markup, the only HTML the Markdown holds. */
function withAnchors(tree: Root): Root {
  const children: RootContent[] = []
  for (const node of tree.children) {
    const anchor = node.type === 'heading' ? (node.data as AnchoredData | undefined)?.anchor : undefined
    if (anchor) children.push({type: 'html', value: `<a id="${anchor}"></a>`})
    children.push(node)
  }
  return {...tree, children}
}

/** One document's body as Markdown with playbook anchors (also run by worker threads: see convert.ts). */
export async function loadDocumentConverter(): Promise<(doc: PlaybookDocument) => string> {
  await loadMarkdown()
  const print = await loadStringify()
  return (doc) => print(withAnchors(documentTree(doc))).trim()
}

export default defineExportRenderer({
  name: 'md',
  extension: 'md',
  description: 'one Markdown file, with anchors for the table of contents',
  binary: false,
  async render(playbook: Playbook, context) {
    const contents = await convertDocuments('md', playbook.documents, context.onDocument)
    const layout = loadLayout(context.config, 'playbook.md')
    const body = layout.render(layoutView(playbook, contents, markdownText))
    // The mark is the first line whatever the layout says, so a later export can recognise the file.
    return `${markdownMark(playbook)}\n${body.replace(/^\n+/, '').replace(/\s*$/, '\n')}`
  },
})
