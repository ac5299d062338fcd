// The shape every report output format has: one name, one function from the report to text.
import type {ChalkInstance} from 'chalk'
import type {MetricsReport} from '../model.js'

export interface ReportRenderContext {
  color: ChalkInstance
}

export interface ReportRenderer {
  name: string
  description: string
  render(report: MetricsReport, context: ReportRenderContext): string
}

export function defineReportRenderer(renderer: ReportRenderer): ReportRenderer {
  return renderer
}
