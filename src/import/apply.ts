// The one write step of `sopkit import`: each planned document through `sopkit new`'s writer
// (atomic, never clobbering). Writes are synchronous, so Ctrl-C lands between files (base command).
import path from 'node:path'
import {SopkitError} from '../core/errors.js'
import {writeDocument} from '../scaffold/write.js'
import type {RowPlan, RowResult} from './model.js'

/** Write a planned document (unless `dryRun`) and turn the plan into the row's result. */
export function applyRow(plan: RowPlan, options: {dryRun: boolean; cwd: string}): RowResult {
  return resultOf(plan, options.dryRun, target => path.relative(options.cwd, target) || target)
}

function resultOf(plan: RowPlan, dryRun: boolean, show: (target: string) => string): RowResult {
  const at = {row: plan.row, line: plan.line, id: plan.id, markets: plan.markets}
  if (plan.kind === 'error')
    return {
      ...at,
      action: 'error',
      reason: plan.reason,
      mend: plan.mend,
      ...(plan.problems ? {problems: plan.problems} : {}),
    }
  if (plan.kind === 'skip') return {...at, action: 'skipped', file: show(plan.target), reason: plan.reason}
  const file = show(plan.planned.target)
  if (dryRun) return {...at, action: 'would-create', file}
  try {
    writeDocument(plan.planned.target, plan.planned.content, false)
    return {...at, action: 'created', file}
  } catch (error) {
    // Made by someone else between planning and writing: theirs is kept.
    if (error instanceof SopkitError && error.code === 'FILE_EXISTS')
      return {...at, action: 'skipped', file, reason: `already exists: ${file}`}
    // A file-system failure (the writer maps each errno to a user error) is this row's error; the next rows go on.
    if (error instanceof SopkitError) return {...at, action: 'error', reason: error.message, mend: error.mend}
    throw error
  }
}
