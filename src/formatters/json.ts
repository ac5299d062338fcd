// The machine-readable result, also what `--json` prints: version, files, counts and the findings as they are.
import type {CheckResult} from '../check/engine.js'
import {countFindings, type Finding} from '../core/finding.js'
import {defineFormatter} from './formatter.js'
import {plural} from './text.js'

export interface CheckJson {
  version: 1
  files: string[]
  summary: {documents: number; errors: number; warnings: number; fixable: number; suppressed: number}
  findings: Finding[]
  /** Why the run exits 1, when it does: the errors, or more warnings than --max-warnings allows. */
  failure?: string
}

export function checkJson(result: CheckResult, limits: {maxWarnings?: number} = {}): CheckJson {
  const {errorCount, warningCount, fixableCount} = countFindings(result.findings)
  const failure =
    errorCount > 0
      ? plural(errorCount, 'error')
      : limits.maxWarnings !== undefined && warningCount > limits.maxWarnings
        ? `${plural(warningCount, 'warning')}, more than --max-warnings ${limits.maxWarnings}`
        : undefined
  return {
    version: 1,
    files: result.files,
    summary: {
      documents: result.files.length,
      errors: errorCount,
      warnings: warningCount,
      fixable: fixableCount,
      suppressed: result.suppressedCount,
    },
    findings: result.findings,
    ...(failure === undefined ? {} : {failure}),
  }
}

export default defineFormatter({
  name: 'json',
  extensions: ['json'],
  description: 'the full result as JSON (the same as --json)',
  format({result}) {
    return JSON.stringify(checkJson(result), null, 2)
  },
})
