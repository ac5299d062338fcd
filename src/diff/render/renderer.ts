// The shape every diff output format has: one name, one function from a diff result to text.
import type {ChalkInstance} from 'chalk'
import type {DiffResult} from '../model.js'

export interface DiffRenderContext {
  color: ChalkInstance
}

export interface DiffRenderer {
  name: string
  description: string
  render(result: DiffResult, context: DiffRenderContext): string
}

export function defineDiffRenderer(renderer: DiffRenderer): DiffRenderer {
  return renderer
}
