// The shape every report output format has: one name, one function from the report to text.
import type {ChalkInstance} from 'chalk'
import type {MetricsReport} from '../model.js'
import type {Named} from '../../core/registry.js'

export interface ReportRenderContext {
  color: ChalkInstance
}

/** `extensions` (from Named): the -o file extensions that pick this format. */
export interface ReportRenderer extends Named {
  name: string
  description: string
  render(report: MetricsReport, context: ReportRenderContext): string
}

export function defineReportRenderer(renderer: ReportRenderer): ReportRenderer {
  return renderer
}
