// GitLab Code Quality JSON: one issue per finding, each with a fingerprint that survives edits elsewhere in the file.
import type {Finding} from '../core/finding.js'
import {fingerprints} from './fingerprint.js'
import {defineFormatter} from './formatter.js'

export default defineFormatter({
  name: 'gitlab',
  extensions: ['json'],
  description: 'GitLab Code Quality report (artifacts:reports:codequality)',
  format({result}) {
    const prints = fingerprints(result.findings, 'md5')
    return JSON.stringify(
      result.findings.map((f, i) => codeQualityIssue(f, prints[i]!)),
      null,
      2,
    )
  },
})

function codeQualityIssue(f: Finding, fingerprint: string) {
  return {
    description: `${f.message}. Mend: ${f.mend}`,
    check_name: f.ruleId,
    fingerprint,
    severity: f.severity === 'error' ? 'major' : 'minor',
    location: {path: f.file, lines: {begin: f.line, ...(f.endLine === undefined ? {} : {end: f.endLine})}},
  }
}
