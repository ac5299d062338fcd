// The shape every ls / coverage output format has: one name, and a function per view it renders.
import type {ChalkInstance} from 'chalk'
import type {Coverage, Inventory} from '../model.js'
import type {Named} from '../../core/registry.js'

export interface InventoryRenderContext {
  color: ChalkInstance
}

/** `extensions` (from Named): the -o file extensions that pick this format. */
export interface InventoryRenderer extends Named {
  name: string
  description: string
  /** `sopkit ls` in this format, when the format has one. */
  ls?: (inventory: Inventory, context: InventoryRenderContext) => string
  /** `sopkit coverage` in this format, when the format has one. */
  coverage?: (coverage: Coverage, context: InventoryRenderContext) => string
}

export function defineInventoryRenderer(renderer: InventoryRenderer): InventoryRenderer {
  return renderer
}
