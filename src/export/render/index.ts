// The export format registry: adding a format touches this list and its own file.
import docx from './docx.js'
import html from './html.js'
import json from './json.js'
import jsonl from './jsonl.js'
import md from './md.js'
import pdf from './pdf.js'
import type {ExportRenderer} from './renderer.js'

export const EXPORT_RENDERERS: readonly ExportRenderer[] = [html, md, pdf, docx, json, jsonl]

export const EXPORT_FORMATS = EXPORT_RENDERERS.map((r) => r.name)

export function exportRendererNamed(name: string): ExportRenderer {
  const found = EXPORT_RENDERERS.find((r) => r.name === name)
  if (!found) throw new Error(`internal: unknown export format ${name}`)
  return found
}
