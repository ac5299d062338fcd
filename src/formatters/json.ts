// The machine-readable result, also what `--json` prints: version, files, counts and the findings as they are.
import type {CheckResult} from '../check/engine.js'
import {countFindings, type Finding} from '../core/finding.js'
import {defineFormatter} from './formatter.js'

export interface CheckJson {
  version: 1
  files: string[]
  summary: {documents: number; errors: number; warnings: number; fixable: number; suppressed: number}
  findings: Finding[]
}

export function checkJson(result: CheckResult): CheckJson {
  const {errorCount, warningCount, fixableCount} = countFindings(result.findings)
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
  }
}

export default defineFormatter({
  name: 'json',
  description: 'the full result as JSON (the same as --json)',
  format({result}) {
    return JSON.stringify(checkJson(result), null, 2)
  },
})
