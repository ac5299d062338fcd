// One line per finding, `file:line:col: severity [rule] message (mend)`, for editors and grep.
import type {Finding} from '../core/finding.js'
import {defineFormatter} from './formatter.js'
import {plainText, plural} from './text.js'

export default defineFormatter({
  name: 'compact',
  description: 'one line per finding, for editors and grep',
  format({result}) {
    if (result.findings.length === 0) return ''
    return [...result.findings.map(compactLine), plural(result.findings.length, 'problem')].join('\n')
  },
})

function compactLine(f: Finding): string {
  const severity = f.severity === 'error' ? 'error' : 'warning'
  return `${f.file}:${f.line}:${f.column}: ${severity} [${f.ruleId}] ${plainText(f.message)} (${plainText(f.mend)})`
}
