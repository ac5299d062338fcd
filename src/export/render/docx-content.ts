// A document's Markdown tree as Word blocks (docx). Word bookmarks must be short names of letters,
// digits and underscores, so playbook anchors map to `bm1`, `bm2` ... in first-use order.
import {memo} from '../../core/memo.js'
import type {AnchoredData} from '../markdown.js'
import type {IRunOptions} from 'docx'
import type {
  BlockContent,
  DefinitionContent,
  List,
  ListItem,
  PhrasingContent,
  Root,
  RootContent,
  Table as MdTable,
} from 'mdast'

/** The docx module, imported by the renderer on first use (it is large). */
export type Docx = typeof import('docx')

type Block = InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>
type Inline =
  InstanceType<Docx['TextRun']> | InstanceType<Docx['InternalHyperlink']> | InstanceType<Docx['ExternalHyperlink']>

interface RunStyle {
  bold?: boolean
  italics?: boolean
  strike?: boolean
  code?: boolean
}

export const ORDERED = 'sopkit-ordered'
export const MONO = 'DejaVu Sans Mono'

/** Anchor → bookmark name, shared by the whole playbook so links and bookmarks agree. */
export class Bookmarks {
  private readonly names = new Map<string, string>()

  name(anchor: string): string {
    return memo(this.names, anchor, () => `bm${this.names.size + 1}`)
  }
}

/** Converts trees with one docx module, one bookmark map and one ordered-list counter (each list restarts at 1). */
export class DocxWriter {
  private lists = 0

  constructor(
    private readonly docx: Docx,
    readonly bookmarks: Bookmarks,
  ) {}

  /** A heading paragraph, bookmarked when it has an anchor. */
  heading(text: string, level: number, anchor?: string, pageBreakBefore = false): InstanceType<Docx['Paragraph']> {
    const {Paragraph, TextRun, Bookmark} = this.docx
    const run = new TextRun(text)
    return new Paragraph({
      heading: this.level(level),
      pageBreakBefore,
      children: [anchor ? new Bookmark({id: this.bookmarks.name(anchor), children: [run]}) : run],
    })
  }

  private level(level: number): Docx['HeadingLevel'][keyof Docx['HeadingLevel']] {
    const {HeadingLevel} = this.docx
    return [
      HeadingLevel.HEADING_1,
      HeadingLevel.HEADING_2,
      HeadingLevel.HEADING_3,
      HeadingLevel.HEADING_4,
      HeadingLevel.HEADING_5,
      HeadingLevel.HEADING_6,
    ][Math.min(6, Math.max(1, level)) - 1]!
  }

  /** A link to a playbook anchor. */
  internalLink(text: string, anchor: string): Inline {
    const {InternalHyperlink, TextRun} = this.docx
    return new InternalHyperlink({
      anchor: this.bookmarks.name(anchor),
      children: [new TextRun({text, style: 'Hyperlink'})],
    })
  }

  tree(root: Root): Block[] {
    return root.children.flatMap(n => this.block(n, 0))
  }

  private block(node: RootContent, depth: number): Block[] {
    const {Paragraph, TextRun} = this.docx
    switch (node.type) {
      case 'heading':
        return [this.headingNode(node.depth, node.children, (node.data as AnchoredData | undefined)?.anchor)]
      case 'paragraph':
        return [
          new Paragraph({children: this.inlines(node.children, {}), indent: depth ? {left: 360 * depth} : undefined}),
        ]
      case 'list':
        return this.list(node, depth)
      case 'code':
        return node.value.split('\n').map(
          line =>
            new Paragraph({
              children: [new TextRun({text: line || ' ', font: MONO, size: 18})],
              shading: {type: 'clear' as never, fill: 'F6F8FA', color: 'auto'},
              spacing: {after: 0},
            }),
        )
      case 'blockquote':
        return node.children.flatMap(c => this.block(c, depth + 1))
      case 'table':
        return [this.table(node)]
      case 'thematicBreak':
        return [
          new Paragraph({
            border: {bottom: {style: 'single' as never, size: 6, color: 'D1D9E0', space: 1}},
            children: [],
          }),
        ]
      case 'footnoteDefinition':
        return node.children.flatMap((c, i) =>
          i === 0 && c.type === 'paragraph'
            ? [
                new Paragraph({
                  children: [
                    new TextRun({text: `[${node.label ?? node.identifier}] `, bold: true} satisfies IRunOptions),
                    ...this.inlines(c.children, {}),
                  ],
                }),
              ]
            : this.block(c, depth),
        )
      default:
        return []
    }
  }

  private headingNode(level: number, children: PhrasingContent[], anchor?: string): InstanceType<Docx['Paragraph']> {
    const {Paragraph, Bookmark} = this.docx
    const runs = this.inlines(children, {})
    const content = anchor ? [new Bookmark({id: this.bookmarks.name(anchor), children: runs})] : runs
    return new Paragraph({heading: this.level(level), children: content})
  }

  private list(node: List, depth: number): Block[] {
    const instance = node.ordered ? ++this.lists : 0
    return node.children.flatMap(item => this.listItem(item, node.ordered ?? false, instance, depth))
  }

  private listItem(item: ListItem, ordered: boolean, instance: number, depth: number): Block[] {
    const {Paragraph} = this.docx
    const level = Math.min(depth, 8)
    return item.children.flatMap((child: BlockContent | DefinitionContent, i) => {
      if (i === 0 && child.type === 'paragraph') {
        const check = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : ''
        const runs = [...(check ? [new this.docx.TextRun(check)] : []), ...this.inlines(child.children, {})]
        return [
          new Paragraph(
            ordered
              ? {children: runs, numbering: {reference: ORDERED, level, instance}}
              : {children: runs, bullet: {level}},
          ),
        ]
      }
      if (child.type === 'list') return this.list(child, depth + 1)
      return this.block(child, depth + 1)
    })
  }

  private table(node: MdTable): InstanceType<Docx['Table']> {
    const {Table, TableRow, TableCell, Paragraph, WidthType} = this.docx
    return new Table({
      width: {size: 100, type: WidthType.PERCENTAGE},
      margins: {top: 60, bottom: 60, left: 100, right: 100},
      rows: node.children.map(
        (row, r) =>
          new TableRow({
            tableHeader: r === 0,
            children: row.children.map(
              cell =>
                new TableCell({
                  children: [
                    new Paragraph({spacing: {after: 0}, children: this.inlines(cell.children, {bold: r === 0})}),
                  ],
                  shading: r === 0 ? {type: 'clear' as never, fill: 'F6F8FA', color: 'auto'} : undefined,
                }),
            ),
          }),
      ),
    })
  }

  private inlines(nodes: readonly PhrasingContent[], style: RunStyle): Inline[] {
    return nodes.flatMap(n => this.inline(n, style))
  }

  private inline(node: PhrasingContent, style: RunStyle): Inline[] {
    const {TextRun, ExternalHyperlink} = this.docx
    switch (node.type) {
      case 'text':
        return [this.run(node.value, style)]
      case 'emphasis':
        return this.inlines(node.children, {...style, italics: true})
      case 'strong':
        return this.inlines(node.children, {...style, bold: true})
      case 'delete':
        return this.inlines(node.children, {...style, strike: true})
      case 'inlineCode':
        return [this.run(node.value, {...style, code: true})]
      case 'break':
        return [new TextRun({break: 1})]
      case 'footnoteReference':
        return [new TextRun({text: `[${node.label ?? node.identifier}]`, superScript: true})]
      case 'link': {
        const text = plain(node.children)
        if (node.url.startsWith('#')) return [this.internalLink(text, node.url.slice(1))]
        return [new ExternalHyperlink({link: node.url, children: [new TextRun({text, style: 'Hyperlink'})]})]
      }
      default:
        return 'children' in node
          ? this.inlines(node.children, style)
          : 'value' in node
            ? [this.run(node.value, style)]
            : []
    }
  }

  private run(text: string, style: RunStyle): InstanceType<Docx['TextRun']> {
    return new this.docx.TextRun({
      text,
      bold: style.bold,
      italics: style.italics,
      strike: style.strike,
      font: style.code ? MONO : undefined,
    } satisfies IRunOptions)
  }
}

function plain(nodes: readonly PhrasingContent[]): string {
  return nodes.map(n => ('value' in n ? n.value : 'children' in n ? plain(n.children) : '')).join('')
}
