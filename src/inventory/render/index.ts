// The ls / coverage format registry: adding a format touches this list and its own file.
import csv from './csv.js'
import html from './html.js'
import json from './json.js'
import markdown from './markdown.js'
import type {InventoryRenderer} from './renderer.js'
import table from './table.js'

export const INVENTORY_RENDERERS: readonly InventoryRenderer[] = [table, csv, json, markdown, html]

export const LS_FORMATS = INVENTORY_RENDERERS.filter((r) => r.ls).map((r) => r.name)
export const COVERAGE_FORMATS = INVENTORY_RENDERERS.filter((r) => r.coverage).map((r) => r.name)

export function inventoryRendererNamed(name: string): InventoryRenderer {
  return INVENTORY_RENDERERS.find((r) => r.name === name) ?? table
}
