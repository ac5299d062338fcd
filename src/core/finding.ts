// The finding: one problem in one document, with where it is and how to mend it.
import {groupBy} from './group.js'

export type Severity = 'error' | 'warn'
export type SeveritySetting = Severity | 'off'

export interface Finding {
  ruleId: string
  messageId: string
  severity: Severity
  /** What is wrong. */
  message: string
  /** How to mend it. */
  mend: string
  /** Repo-relative path with forward slashes. */
  file: string
  line: number
  column: number
  endLine?: number
  endColumn?: number
  /** True when `--fix` can mend it. */
  fixable: boolean
  /** The message's data that identifies the problem (volatile parts, e.g. today's date, left out): for fingerprints. */
  stable?: Record<string, string | number>
}

/** Stable ordering for every output: file, line, column, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  )
}

/**
 * Findings grouped by file, files in the order of `files` first, then of their first finding
 * (a large library has tens of thousands of files and findings).
 */
export function groupByFile(findings: readonly Finding[], files: readonly string[] = []): Map<string, Finding[]> {
  return groupBy(findings, f => f.file, files)
}

export interface FindingCounts {
  errorCount: number
  warningCount: number
  fixableCount: number
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  let errorCount = 0
  let warningCount = 0
  let fixableCount = 0
  for (const f of findings) {
    if (f.severity === 'error') errorCount++
    else warningCount++
    if (f.fixable) fixableCount++
  }
  return {errorCount, warningCount, fixableCount}
}
