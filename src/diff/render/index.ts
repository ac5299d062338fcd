// The diff format registry: adding a format touches this list and its own file.
import html from './html.js'
import json from './json.js'
import markdown from './markdown.js'
import type {DiffRenderer} from './renderer.js'
import text from './text.js'

export const DIFF_RENDERERS: readonly DiffRenderer[] = [text, markdown, json, html]

export const DIFF_FORMATS = DIFF_RENDERERS.map((r) => r.name)

export function diffRendererNamed(name: string): DiffRenderer {
  return DIFF_RENDERERS.find((r) => r.name === name) ?? text
}
