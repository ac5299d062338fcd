// What `sopkit import` reports: one result per CSV row, and what the header was read as.
import type {PlannedDocument} from '../scaffold/plan.js'

export type RowAction = 'created' | 'would-create' | 'skipped' | 'error'

export interface RowResult {
  /** The row number a spreadsheet shows (the header is row 1). */
  row: number
  /** The line of the CSV file the row starts on. */
  line: number
  action: RowAction
  id?: string
  markets?: string[]
  /** The document written, that would be written, or that already exists; relative to the current folder. */
  file?: string
  /** Why a row was skipped or refused. */
  reason?: string
  /** How to mend a refused row. */
  mend?: string
  /** Every reason a row is refused, each with its mend, when there is more than one. */
  problems?: RowProblem[]
}

export interface RowProblem {
  reason: string
  mend: string
}

export interface ImportResult {
  csv: string
  dryRun: boolean
  /** Which column each field was read from. */
  columns: Array<{field: string; column: string}>
  /** Columns nothing reads. */
  unusedColumns: string[]
  rows: RowResult[]
  summary: {created: number; skipped: number; errors: number}
}

/** A row's plan: a document to create, an existing one to leave, or a refusal. */
export type RowPlan =
  | {row: number; line: number; kind: 'create'; id: string; markets: string[]; planned: PlannedDocument}
  | {row: number; line: number; kind: 'skip'; id: string; markets: string[]; target: string; reason: string}
  | {
      row: number
      line: number
      kind: 'error'
      id?: string
      markets?: string[]
      reason: string
      mend: string
      problems?: RowProblem[]
    }

export function summarise(rows: readonly RowResult[]): ImportResult['summary'] {
  return {
    created: rows.filter(r => r.action === 'created' || r.action === 'would-create').length,
    skipped: rows.filter(r => r.action === 'skipped').length,
    errors: rows.filter(r => r.action === 'error').length,
  }
}
