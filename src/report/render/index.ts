// The report format registry: adding a format touches this list and its own file.
import html from './html.js'
import json from './json.js'
import markdown from './markdown.js'
import type {ReportRenderer} from './renderer.js'
import table from './table.js'

export const REPORT_RENDERERS: readonly ReportRenderer[] = [table, markdown, json, html]

export const REPORT_FORMATS = REPORT_RENDERERS.map((r) => r.name)

export function reportRendererNamed(name: string): ReportRenderer {
  return REPORT_RENDERERS.find((r) => r.name === name) ?? table
}
