// The diff format registry: adding a format touches this list and its own file.
import {defineRegistry} from '../../core/registry.js'
import html from './html.js'
import json from './json.js'
import markdown from './markdown.js'
import type {DiffRenderer} from './renderer.js'
import text from './text.js'

export const DIFF_RENDERERS: readonly DiffRenderer[] = [text, markdown, json, html]

export const DIFF_REGISTRY = defineRegistry('diff format', DIFF_RENDERERS)

export const DIFF_FORMATS = DIFF_REGISTRY.names

export function diffRendererNamed(name: string): DiffRenderer {
  return DIFF_REGISTRY.get(name)
}
