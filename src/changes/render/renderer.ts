// The shape every `sopkit changes` format has: a name, a file extension, one function from changes to text.
import type {ChalkInstance} from 'chalk'
import type {MarketChanges} from '../model.js'

export interface ChangesRenderContext {
  color: ChalkInstance
}

export interface ChangesRenderer {
  name: string
  /** Without the dot, its own first: `--market all` writes `<MARKET>.<first>`; `-o x.<any>` picks this format. */
  extensions: readonly string[]
  description: string
  /** What must be loaded before `render` (the Markdown parser and printer of the diff renderers). */
  load?: () => Promise<void>
  render(changes: MarketChanges, context: ChangesRenderContext): string
}

export function defineChangesRenderer(renderer: ChangesRenderer): ChangesRenderer {
  return renderer
}
