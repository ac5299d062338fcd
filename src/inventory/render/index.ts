// The ls / coverage format registry: adding a format touches this list and its own file.
import {defineRegistry} from '../../core/registry.js'
import csv from './csv.js'
import html from './html.js'
import json from './json.js'
import markdown from './markdown.js'
import type {InventoryRenderer} from './renderer.js'
import table from './table.js'

export const INVENTORY_RENDERERS: readonly InventoryRenderer[] = [table, csv, json, markdown, html]

/** `ls` and `coverage` each list only the formats that have their view. */
export const LS_REGISTRY = defineRegistry(
  'ls format',
  INVENTORY_RENDERERS.filter(r => r.ls),
)
export const COVERAGE_REGISTRY = defineRegistry(
  'coverage format',
  INVENTORY_RENDERERS.filter(r => r.coverage),
)

export const LS_FORMATS = LS_REGISTRY.names
export const COVERAGE_FORMATS = COVERAGE_REGISTRY.names

const INVENTORY_REGISTRY = defineRegistry('ls or coverage format', INVENTORY_RENDERERS)

export function inventoryRendererNamed(name: string): InventoryRenderer {
  return INVENTORY_REGISTRY.get(name)
}
