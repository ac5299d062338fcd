// The export format registry: adding a format touches this list and its own file.
import {defineRegistry} from '../../core/registry.js'
import docx from './docx.js'
import html from './html.js'
import json from './json.js'
import jsonl from './jsonl.js'
import md from './md.js'
import pdf from './pdf.js'
import type {ExportRenderer} from './renderer.js'

export const EXPORT_RENDERERS: readonly ExportRenderer[] = [html, md, pdf, docx, json, jsonl]

export const EXPORT_REGISTRY = defineRegistry('export format', EXPORT_RENDERERS)

export const EXPORT_FORMATS = EXPORT_REGISTRY.names

export function exportRendererNamed(name: string): ExportRenderer {
  return EXPORT_REGISTRY.get(name)
}
