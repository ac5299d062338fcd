// One fingerprint per finding for the CI formats that track alerts across runs (GitLab, SARIF).
import {createHash} from 'node:crypto'
import type {Finding} from '../core/finding.js'

/**
 * A fingerprint for each finding, in order: from the rule, the file, the message id and the
 * message's stable data (never its rendered text, whose date or count changes while the problem
 * stays), and an ordinal among equal findings of a file so that two identical ones stay two alerts.
 * Not keyed on the line, so a finding keeps its identity when lines are added above it.
 */
export function fingerprints(findings: readonly Finding[], algorithm: 'md5' | 'sha256' = 'sha256'): string[] {
  const ordinals = new Map<string, number>()
  return findings.map(f => {
    const key = JSON.stringify([f.ruleId, f.file, f.messageId, sortedEntries(f.stable ?? {})])
    const ordinal = ordinals.get(key) ?? 0
    ordinals.set(key, ordinal + 1)
    return createHash(algorithm).update(`${key}\u0000${ordinal}`).digest('hex')
  })
}

function sortedEntries(data: Record<string, string | number>): Array<[string, string | number]> {
  return Object.entries(data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}
