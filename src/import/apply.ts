// The one write step of `sopkit import`: each planned document through the atomic writer, never
// clobbering, a batch of documents at a time (one file-system flush a batch, not one fsync a file;
// a large batch is written on the writer thread while the next rows are planned). A signal lands
// between two rows; the staged files of the unfinished batches are removed.
import path from 'node:path'
import {SopkitError} from '../core/errors.js'
import {type Outcome, WriteBatch} from '../core/writer.js'
import type {RowPlan, RowResult} from './model.js'

type RowAt = Pick<RowResult, 'row' | 'line' | 'id' | 'markets'>
/** A row's result, or a staged row waiting for its file's outcome. */
type PendingRow = RowResult | {at: RowAt; file: string}

/** Turns row plans into row results, writing the planned documents unless a dry run; results come out in row order. */
export class RowWriter {
  private readonly batch = new WriteBatch()
  /** Results in row order; a staged row's is filled in when its batch is written. */
  private rows: PendingRow[] = []
  /** The batch being flushed, as its rows' results. */
  private inFlight: Promise<RowResult[]> = Promise.resolve([])

  constructor(private readonly options: {dryRun: boolean; cwd: string}) {}

  add(plan: RowPlan): void {
    const at = {row: plan.row, line: plan.line, id: plan.id, markets: plan.markets}
    if (plan.kind === 'error') {
      const {reason, mend, problems} = plan
      this.rows.push({...at, action: 'error', reason, mend, ...(problems ? {problems} : {})})
      return
    }
    if (plan.kind === 'skip') {
      this.rows.push({...at, action: 'skipped', file: this.show(plan.target), reason: plan.reason})
      return
    }
    const file = this.show(plan.planned.target)
    if (this.options.dryRun) {
      this.rows.push({...at, action: 'would-create', file})
      return
    }
    try {
      this.batch.add(plan.planned.target, plan.planned.content, {overwrite: false})
      this.rows.push({at, file})
    } catch (error) {
      this.rows.push(failed(at, file, error))
    }
  }

  /** Whether the rows added so far should be written now rather than held. */
  get full(): boolean {
    return this.batch.full
  }

  /**
   * Start writing the rows staged so far, and hand over the results of the batch started before
   * them (awaited if it is still being written): the rows after it are planned while it is written.
   */
  async take(): Promise<RowResult[]> {
    const rows = this.rows
    this.rows = []
    const written = this.batch.commit().then(outcomes => resultsOf(rows, outcomes))
    // Awaited at the next take; until then a failure must not count as unhandled.
    written.catch(() => undefined)
    const before = this.inFlight
    this.inFlight = written
    return before
  }

  /** The results of every row not handed over yet, once all of them are written. */
  async finish(): Promise<RowResult[]> {
    const before = await this.take()
    return [...before, ...(await this.inFlight)]
  }

  private show(target: string): string {
    return path.relative(this.options.cwd, target) || target
  }
}

/** A batch's rows, each staged one's result from its file's outcome (in the order staged). */
function resultsOf(rows: readonly PendingRow[], outcomes: readonly Outcome[]): RowResult[] {
  let next = 0
  return rows.map(row => {
    if (!('at' in row)) return row
    const error = outcomes[next++]
    return error ? failed(row.at, row.file, error) : {...row.at, action: 'created' as const, file: row.file}
  })
}

function failed(at: RowAt, file: string, error: unknown): RowResult {
  // Made by someone else between planning and writing: theirs is kept.
  if (error instanceof SopkitError && error.code === 'FILE_EXISTS')
    return {...at, action: 'skipped', file, reason: `already exists: ${file}`}
  // A file-system failure (the writer maps each errno to a user error) is this row's error; the next rows go on.
  if (error instanceof SopkitError) return {...at, action: 'error', reason: error.message, mend: error.mend}
  throw error
}
