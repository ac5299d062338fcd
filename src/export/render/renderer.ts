// The shape every export format has: a name, a file extension, one function from a playbook to bytes.
import type {Config} from '../../core/config.js'
import type {ConvertedBodies} from '../convert.js'
import type {Playbook} from '../model.js'
import type {Named} from '../../core/registry.js'

export interface ExportContext {
  config: Config
  /** Told after each document is rendered (for a progress line). */
  onDocument?: (done: number, total: number) => void
  /** Environment, for finding a browser (pdf). */
  env: NodeJS.ProcessEnv
  /** Bodies converted already by this run (`--market all`: a baseline in many playbooks is converted once). */
  converted?: ConvertedBodies
}

/** `extensions` (from Named): the -o file extensions that pick this format. */
export interface ExportRenderer extends Named {
  name: string
  /** File extension without the dot: playbooks are written as `<MARKET>.<extension>`. */
  extension: string
  description: string
  /** Binary output (docx, pdf) is never written to a terminal. */
  binary: boolean
  render(playbook: Playbook, context: ExportContext): Promise<string | Uint8Array>
  /**
   * True when `bytes` are a file this format's export wrote: its generator mark, found only
   * where this format puts it (so a file that merely quotes the mark is not taken for ours).
   */
  recognises(bytes: Uint8Array): boolean
}

/** The first `end` bytes as latin1 text: enough to match ASCII marks without decoding the whole file. */
export function headText(bytes: Uint8Array, end = bytes.length): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(end, bytes.length)).toString('latin1')
}

export function defineExportRenderer(renderer: ExportRenderer): ExportRenderer {
  return renderer
}
