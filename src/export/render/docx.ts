// DOCX: a Word document built with `docx` from the same Markdown trees as md and html: cover,
// contents with internal links, one document per page run, appendices. Creator and
// last-modified-by are "sopkit export" (the mark). docx stamps the clock and random link ids
// into the package, so the bytes are normalised afterwards (see `normalise`).
import type {IRunOptions} from 'docx'
import {unzipSync, zipSync, type Zippable} from 'fflate'
import {
  deviations as deviationsOf,
  filterSummary,
  metadataRows,
  notYetEffectiveLine,
  playbookTitle,
  publishKind,
} from '../labels.js'
import {fillPlaceholders} from '../../core/placeholders.js'
import {documentTree, loadMarkdown} from '../markdown.js'
import {GENERATOR, type Playbook, type PlaybookDocument, shortHash} from '../model.js'
import {Bookmarks, type Docx, DocxWriter, MONO, ORDERED} from './docx-content.js'
import {defineExportRenderer} from './renderer.js'

/** The `dc:creator` of a docx's core properties, or undefined when it is not a readable docx. */
function docxCreator(bytes: Uint8Array): string | undefined {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return undefined
  try {
    const files = unzipSync(bytes, {filter: f => f.name === 'docProps/core.xml' && f.originalSize < 1 << 20})
    const core = files['docProps/core.xml']
    if (!core) return undefined
    return /<dc:creator>([^<]*)<\/dc:creator>/.exec(Buffer.from(core).toString('utf8'))?.[1]
  } catch {
    return undefined
  }
}

type Block = ReturnType<DocxWriter['tree']>[number]

/** Cell padding in twentieths of a point: tables read as tables, not as a grid of cramped text. */
export const CELL_MARGINS = {top: 60, bottom: 60, left: 100, right: 100}

function keyValueTable(docx: Docx, rows: ReadonlyArray<{label: string; value: string}>): InstanceType<Docx['Table']> {
  const {Table, TableRow, TableCell, Paragraph, TextRun, WidthType} = docx
  return new Table({
    width: {size: 100, type: WidthType.PERCENTAGE},
    margins: CELL_MARGINS,
    rows: rows.map(
      r =>
        new TableRow({
          children: [
            new TableCell({
              width: {size: 22, type: WidthType.PERCENTAGE},
              shading: {type: docx.ShadingType.CLEAR, fill: 'F6F8FA', color: 'auto'},
              children: [
                new Paragraph({
                  spacing: {after: 0},
                  children: [new TextRun({text: r.label, bold: true, color: '59636E', size: 19} satisfies IRunOptions)],
                }),
              ],
            }),
            new TableCell({
              children: [new Paragraph({spacing: {after: 0}, children: [new TextRun({text: r.value, size: 19})]})],
            }),
          ],
        }),
    ),
  })
}

const heading = (size: number, color = '1F2328', before = 240) => ({
  run: {size, bold: true, color},
  paragraph: {spacing: {before, after: 120}, keepNext: true},
})

/** Readable defaults: body text with room between paragraphs, headings that step down in size. */
const STYLES = {
  default: {
    document: {run: {font: 'Calibri', size: 21, color: '1F2328'}, paragraph: {spacing: {after: 120, line: 276}}},
    title: {run: {size: 56, bold: true, color: '1F2328'}, paragraph: {spacing: {after: 360}}},
    heading1: heading(36),
    heading2: heading(32, '0B5CAD', 0),
    heading3: heading(26, '1F2328', 320),
    heading4: heading(23),
    heading5: heading(21),
    heading6: heading(21, '59636E'),
  },
}

function cover(docx: Docx, playbook: Playbook): Block[] {
  const {Paragraph, TextRun, HeadingLevel} = docx
  return [
    new Paragraph({children: [new TextRun({text: playbook.labels.kicker.toUpperCase(), color: '59636E', size: 18})]}),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun(`${playbook.market.name} (${playbook.market.code})`)],
    }),
    keyValueTable(docx, [
      {label: playbook.labels.date, value: playbook.date},
      {label: playbook.labels.documents, value: String(playbook.documents.length)},
      {label: playbook.labels.selection, value: filterSummary(playbook)},
      {label: playbook.labels.contentHash, value: `sha256:${shortHash(playbook)}`},
    ]),
  ]
}

/** "Before you publish" and "Not yet in effect", under the cover, when there is anything to say. */
function beforePublish(docx: Docx, writer: DocxWriter, playbook: Playbook): Block[] {
  const {Paragraph, TextRun} = docx
  const l = playbook.labels
  const blocks: Block[] = []
  if (playbook.beforePublish.length > 0) {
    blocks.push(writer.heading(l.beforePublish, 2, 'before-you-publish', true), new Paragraph(l.beforePublishNote))
    for (const issue of playbook.beforePublish)
      blocks.push(
        new Paragraph({
          bullet: {level: 0},
          children: [
            new TextRun({text: `${publishKind(issue, l)}: `, bold: true} satisfies IRunOptions),
            writer.internalLink(issue.title, issue.anchor),
            new TextRun(` (${issue.file}:${issue.line}): ${issue.message} — ${issue.mend}`),
          ],
        }),
      )
  }
  if (playbook.notYetEffective.length > 0) {
    blocks.push(writer.heading(l.notYetEffective, 2, 'not-yet-effective', playbook.beforePublish.length === 0))
    for (const doc of playbook.notYetEffective)
      blocks.push(new Paragraph({bullet: {level: 0}, children: [new TextRun(notYetEffectiveLine(doc, l))]}))
  }
  return blocks
}

function contents(docx: Docx, writer: DocxWriter, playbook: Playbook): Block[] {
  const {Paragraph, TextRun} = docx
  const blocks: Block[] = [writer.heading(playbook.labels.contents, 2, 'toc', true)]
  for (const group of playbook.toc) {
    blocks.push(
      new Paragraph({
        spacing: {before: 200},
        children: [new TextRun({text: group.label, bold: true} satisfies IRunOptions)],
      }),
    )
    for (const d of group.documents) {
      blocks.push(
        new Paragraph({
          bullet: {level: 0},
          children: [
            writer.internalLink(d.title, d.anchor),
            new TextRun({text: `  ${d.variant}`, color: '59636E', size: 17}),
          ],
        }),
      )
    }
  }
  if (playbook.compliance.length > 0)
    blocks.push(
      new Paragraph({
        spacing: {before: 200},
        children: [writer.internalLink(playbook.labels.compliance, 'compliance')],
      }),
    )
  return blocks
}

function documentBlocks(docx: Docx, writer: DocxWriter, playbook: Playbook, doc: PlaybookDocument): Block[] {
  const {Paragraph, TextRun} = docx
  const deviations = deviationsOf(doc, playbook.labels)
  return [
    writer.heading(doc.title, 2, doc.anchor, true),
    keyValueTable(docx, metadataRows(doc, playbook)),
    ...(deviations.length === 0
      ? []
      : [
          new Paragraph({
            spacing: {before: 200},
            children: [new TextRun({text: playbook.labels.deviationsHeading, bold: true} satisfies IRunOptions)],
          }),
          ...deviations.map(
            d =>
              new Paragraph({
                bullet: {level: 0},
                children: [
                  new TextRun({text: `${d.section}: `, bold: true} satisfies IRunOptions),
                  new TextRun(d.detail),
                ],
              }),
          ),
        ]),
    ...writer.tree(documentTree(doc)),
  ]
}

function appendix(docx: Docx, writer: DocxWriter, playbook: Playbook): Block[] {
  const {Paragraph, TextRun} = docx
  if (playbook.compliance.length === 0) return []
  const blocks: Block[] = [writer.heading(playbook.labels.compliance, 2, 'compliance', true)]
  for (const c of playbook.compliance) {
    blocks.push(writer.heading(`${c.tag}: ${c.name}`, 3))
    if (c.appliesToMarket)
      blocks.push(
        new Paragraph({
          children: [
            new TextRun({
              text: fillPlaceholders(playbook.labels.appliesIn, {market: playbook.market.name}),
              bold: true,
              color: '1A7F37',
            } satisfies IRunOptions),
          ],
        }),
      )
    if (c.documents.length === 0) blocks.push(new Paragraph(playbook.labels.noDocumentDeclares))
    for (const d of c.documents)
      blocks.push(new Paragraph({bullet: {level: 0}, children: [writer.internalLink(d.title, d.anchor)]}))
  }
  for (const l of playbook.outsideLinks)
    blocks.push(
      new Paragraph({
        bullet: {level: 0},
        children: [
          new TextRun({text: `${l.file} → ${l.path} (${playbook.labels.outsideLinks})`, font: MONO, size: 18}),
        ],
      }),
    )
  return blocks
}

function ordered(docx: Docx) {
  const {AlignmentType, LevelFormat} = docx
  return {
    config: [
      {
        reference: ORDERED,
        levels: Array.from({length: 9}, (_, level) => ({
          level,
          format: LevelFormat.DECIMAL,
          text: `%${level + 1}.`,
          alignment: AlignmentType.START,
          style: {paragraph: {indent: {left: 720 * (level + 1), hanging: 360}}},
        })),
      },
    ],
  }
}

/**
 * Same inputs, same bytes: docx writes the clock into docProps/core.xml, random relationship ids
 * for web links and process-wide bookmark counters. Pin the dates to the playbook's date, number
 * the ids in order of appearance, and zip with a fixed file time.
 */
export function normalise(bytes: Uint8Array, date: string): Uint8Array {
  const files = unzipSync(bytes)
  const decoder = new TextDecoder()
  const isXml = (name: string) => name.endsWith('.xml') || name.endsWith('.rels')
  const texts = new Map(
    Object.entries(files)
      .filter(([name]) => isXml(name))
      .map(([name, data]) => [name, decoder.decode(data)]),
  )
  const stamp = `${date}T00:00:00Z`
  const core = texts.get('docProps/core.xml')
  if (core) texts.set('docProps/core.xml', core.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${stamp}`))
  const ids = new Map<string, string>()
  for (const [, id] of (texts.get('word/_rels/document.xml.rels') ?? '').matchAll(/Id="([^"]+)"/g)) {
    if (!/^rId\d+$/.test(id!) && !ids.has(id!)) ids.set(id!, `rIdLink${ids.size + 1}`)
  }
  const bookmarks = new Map<string, string>()
  const document = (texts.get('word/document.xml') ?? '').replace(
    /(<w:bookmark(?:Start|End)\b[^>]*?w:id=")(\d+)"/g,
    (_, head: string, id: string) => {
      if (!bookmarks.has(id)) bookmarks.set(id, String(bookmarks.size + 1))
      return `${head}${bookmarks.get(id)}"`
    },
  )
  texts.set('word/document.xml', document)
  const out: Zippable = {}
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  // Zip times are local wall-clock fields: midnight local time writes the same fields in every time zone.
  const mtime = new Date(Math.max(y, 1980), m - 1, d)
  for (const [name, data] of Object.entries(files)) {
    let text = texts.get(name)
    if (text === undefined) {
      out[name] = [data, {mtime}]
      continue
    }
    for (const [from, to] of ids) text = text.split(`"${from}"`).join(`"${to}"`)
    out[name] = [new TextEncoder().encode(text), {mtime}]
  }
  return zipSync(out, {level: 6})
}

export default defineExportRenderer({
  name: 'docx',
  extension: 'docx',
  extensions: ['docx'],
  description: 'a Word document (cover, linked contents, one document after another, compliance appendix)',
  binary: true,
  async render(playbook: Playbook, context) {
    await loadMarkdown()
    const docx = await import('docx')
    const writer = new DocxWriter(docx, new Bookmarks())
    const body: Block[] = [
      ...cover(docx, playbook),
      ...beforePublish(docx, writer, playbook),
      ...contents(docx, writer, playbook),
    ]
    playbook.documents.forEach((doc, i) => {
      body.push(...documentBlocks(docx, writer, playbook, doc))
      context.onDocument?.(i + 1, playbook.documents.length)
    })
    body.push(...appendix(docx, writer, playbook))
    const document = new docx.Document({
      creator: GENERATOR,
      lastModifiedBy: GENERATOR,
      title: playbookTitle(playbook),
      description: `sha256:${playbook.hash}`,
      styles: STYLES,
      numbering: ordered(docx),
      sections: [{children: body}],
    })
    return normalise(await docx.Packer.toBuffer(document), playbook.date)
  },
  // The mark is the package's creator property.
  recognises: bytes => docxCreator(bytes) === GENERATOR,
})
