// GitLab Code Quality JSON: one issue per finding, each with a fingerprint that survives edits elsewhere in the file.
import {createHash} from 'node:crypto'
import type {Finding} from '../core/finding.js'
import {defineFormatter} from './formatter.js'

export default defineFormatter({
  name: 'gitlab',
  description: 'GitLab Code Quality report (artifacts:reports:codequality)',
  format({result}) {
    const ordinals = new Map<string, number>()
    return JSON.stringify(result.findings.map((f) => codeQualityIssue(f, nextOrdinal(ordinals, findingKey(f)))), null, 2)
  },
})

function findingKey(f: Finding): string {
  return [f.ruleId, f.file, f.message].join('\u0000')
}

/** Identical findings in one file are told apart by their order, so fingerprints stay unique. */
function nextOrdinal(ordinals: Map<string, number>, key: string): number {
  const ordinal = ordinals.get(key) ?? 0
  ordinals.set(key, ordinal + 1)
  return ordinal
}

function codeQualityIssue(f: Finding, ordinal: number) {
  return {
    description: `${f.message}. Mend: ${f.mend}`,
    check_name: f.ruleId,
    fingerprint: createHash('md5').update(`${findingKey(f)}\u0000${ordinal}`).digest('hex'),
    severity: f.severity === 'error' ? 'major' : 'minor',
    location: {path: f.file, lines: {begin: f.line}},
  }
}
