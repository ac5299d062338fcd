// The report format registry: adding a format touches this list and its own file.
import {defineRegistry} from '../../core/registry.js'
import html from './html.js'
import json from './json.js'
import markdown from './markdown.js'
import type {ReportRenderer} from './renderer.js'
import table from './table.js'

export const REPORT_RENDERERS: readonly ReportRenderer[] = [table, markdown, json, html]

export const REPORT_REGISTRY = defineRegistry('report format', REPORT_RENDERERS)

export const REPORT_FORMATS = REPORT_REGISTRY.names

export function reportRendererNamed(name: string): ReportRenderer {
  return REPORT_REGISTRY.get(name)
}
