// The `sopkit changes` format registry: adding a format touches this list and its own file.
import {defineRegistry} from '../../core/registry.js'
import html from './html.js'
import json from './json.js'
import md from './md.js'
import type {ChangesRenderer} from './renderer.js'
import text from './text.js'

export const CHANGES_RENDERERS: readonly ChangesRenderer[] = [text, md, html, json]

export const CHANGES_REGISTRY = defineRegistry('changes format', CHANGES_RENDERERS)
