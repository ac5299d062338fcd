// Bulk suppressions, as eslint has them: record today's error counts per file and rule, so that a
// legacy library can adopt sopkit and fail only on new problems.
import {existsSync, readFileSync} from 'node:fs'
import {SopkitError} from '../core/errors.js'
import type {Finding} from '../core/finding.js'
import {memo} from '../core/memo.js'
import {shownPath} from '../core/paths.js'

export const DEFAULT_SUPPRESSIONS_FILE = 'sopkit-suppressions.json'

/** file → rule id → number of errors tolerated. */
export type Suppressions = Record<string, Record<string, {count: number}>>

export function readSuppressions(file: string): Suppressions {
  if (!existsSync(file)) return {}
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown
    if (!isSuppressions(data)) throw new Error('expected {"file": {"rule-id": {"count": N}}}')
    return data
  } catch (error) {
    throw new SopkitError(
      'BAD_SUPPRESSIONS',
      `${shownPath(file)}: ${(error as Error).message}`,
      'fix the file, or delete it and run `sopkit check --suppress-all` again',
    )
  }
}

function isSuppressions(data: unknown): data is Suppressions {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false
  return Object.values(data).every(
    (rules: unknown) =>
      typeof rules === 'object' &&
      rules !== null &&
      Object.values(rules).every(
        r => typeof r === 'object' && r !== null && Number.isInteger((r as {count: unknown}).count),
      ),
  )
}

/**
 * Counts of today's errors in the files checked, over what `previous` recorded for the files this
 * run did not check (a run on some files, a shard or `--changed-since` keeps the rest), by file.
 */
export function recordSuppressions(
  findings: readonly Finding[],
  checked: readonly string[],
  previous: Suppressions = {},
): Suppressions {
  const checkedSet = new Set(checked)
  const merged: Suppressions = {}
  for (const [file, rules] of Object.entries(previous)) if (!checkedSet.has(file)) merged[file] = rules
  for (const f of findings) {
    if (f.severity !== 'error') continue
    const rules = (merged[f.file] ??= {})
    rules[f.ruleId] = {count: (rules[f.ruleId]?.count ?? 0) + 1}
  }
  const out: Suppressions = {}
  for (const file of Object.keys(merged).sort()) out[file] = merged[file]!
  return out
}

export interface SuppressionResult {
  kept: Finding[]
  suppressedCount: number
  /** Entries whose recorded count is above what occurs now: they can be pruned. */
  unusedCount: number
}

/**
 * Drop errors covered by a suppression; a file and rule with more errors than recorded keeps all
 * of them. Only entries of the files checked can be unused: the others were not looked at.
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: Suppressions,
  checked: readonly string[],
): SuppressionResult {
  const groups = new Map<string, Finding[]>()
  for (const f of findings) {
    if (f.severity !== 'error') continue
    memo(groups, `${f.file}\0${f.ruleId}`, () => []).push(f)
  }
  const dropped = new Set<Finding>()
  for (const [key, group] of groups) {
    const [file = '', ruleId = ''] = key.split('\0')
    const allowed = suppressions[file]?.[ruleId]?.count ?? 0
    if (group.length <= allowed) for (const f of group) dropped.add(f)
  }
  let unusedCount = 0
  const checkedSet = new Set(checked)
  for (const [file, rules] of Object.entries(suppressions)) {
    if (!checkedSet.has(file)) continue
    for (const [ruleId, {count}] of Object.entries(rules)) {
      if ((groups.get(`${file}\0${ruleId}`)?.length ?? 0) < count) unusedCount++
    }
  }
  return {kept: findings.filter(f => !dropped.has(f)), suppressedCount: dropped.size, unusedCount}
}
