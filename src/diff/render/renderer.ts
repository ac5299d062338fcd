// The shape every diff output format has: one name, one function from a diff result to text.
import type {ChalkInstance} from 'chalk'
import type {DiffResult} from '../model.js'
import type {Named} from '../../core/registry.js'

export interface DiffRenderContext {
  color: ChalkInstance
}

/** `extensions` (from Named): the -o file extensions that pick this format. */
export interface DiffRenderer extends Named {
  name: string
  description: string
  /** What must be imported before `render` (the remark pipeline for the formats that render Markdown). */
  load?: () => Promise<void>
  render(result: DiffResult, context: DiffRenderContext): string
}

export function defineDiffRenderer(renderer: DiffRenderer): DiffRenderer {
  return renderer
}
