// PDF: the HTML playbook printed by a headless Chromium found on the system (JavaScript off,
// network blocked), then its document properties set by pdf-lib: creator and producer
// "sopkit export" (the mark) and both dates from the playbook's date, so that the same inputs,
// date and Chromium build give the same bytes.
import {playbookTitle} from '../labels.js'
import {requireChromium, withPage} from '../chromium.js'
import {GENERATOR, type Playbook} from '../model.js'
import {escapeHtml} from '../../core/escape.js'
import html from './html.js'
import {defineExportRenderer, headText} from './renderer.js'

/** pdf-lib writes text strings as UTF-16BE hex; a literal string is accepted too. */
const PDF_NAME_HEX =
  `FEFF${Array.from({length: GENERATOR.length}, (_, i) => GENERATOR.charCodeAt(i).toString(16).padStart(4, '0')).join('')}`.toUpperCase()

/** The mark is the document's /Producer property. */
function producedBySopkit(bytes: Uint8Array): boolean {
  if (headText(bytes, 5) !== '%PDF-') return false
  const producer = /\/Producer\s*(<[0-9A-Fa-f\s]*>|\((?:[^()\\]|\\.)*\))/.exec(headText(bytes))?.[1]
  if (!producer) return false
  return producer.startsWith('<')
    ? producer.slice(1, -1).replace(/\s/g, '').toUpperCase() === PDF_NAME_HEX
    : producer === `(${GENERATOR})`
}

/** Chromium fills .pageNumber and .totalPages itself; no script is involved. */
function footer(playbook: Playbook): string {
  const label = escapeHtml(`${playbookTitle(playbook)} · ${playbook.date}`)
  return (
    `<div style="font:8px system-ui,sans-serif;color:#59636e;width:100%;padding:0 15mm;display:flex;justify-content:space-between">` +
    `<span>${label}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
  )
}

async function stamp(pdf: Uint8Array, playbook: Playbook): Promise<Uint8Array> {
  const {PDFDocument} = await import('pdf-lib')
  const doc = await PDFDocument.load(pdf, {updateMetadata: false})
  const date = new Date(`${playbook.date}T00:00:00Z`)
  doc.setTitle(playbookTitle(playbook))
  doc.setSubject(`${playbook.documents.length} documents; sha256:${playbook.hash}`)
  doc.setCreator(GENERATOR)
  doc.setProducer(GENERATOR)
  doc.setCreationDate(date)
  doc.setModificationDate(date)
  // No object streams: the document properties stay plain text, where the mark can be found.
  return doc.save({useObjectStreams: false})
}

export default defineExportRenderer({
  name: 'pdf',
  extension: 'pdf',
  extensions: ['pdf'],
  description: 'the HTML playbook printed to PDF by a headless Chromium on the system (A4, page numbers)',
  binary: true,
  async render(playbook: Playbook, context) {
    const executable = requireChromium(context.env)
    const page = (await html.render(playbook, context)) as string
    const printed = await withPage(executable, page, p =>
      p.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        outline: true,
        tagged: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footer(playbook),
        margin: {top: '16mm', bottom: '18mm', left: '15mm', right: '15mm'},
      }),
    )
    return stamp(printed, playbook)
  },
  recognises: producedBySopkit,
})
