// GitHub Actions workflow commands: one annotation per finding, plus a Markdown job summary for $GITHUB_STEP_SUMMARY.
import type {CheckResult} from '../check/engine.js'
import {markdownCell} from '../core/escape.js'
import {countFindings, type Finding} from '../core/finding.js'
import {defineFormatter} from './formatter.js'
import {plural} from './text.js'

/** GitHub shows only 10 annotations of each level per step; the job summary lists this many. */
const SUMMARY_ROWS = 200

export default defineFormatter({
  name: 'github',
  description: 'GitHub Actions annotations (pair with $GITHUB_STEP_SUMMARY)',
  format({result}) {
    return [...result.findings.map(annotation), countLine(result)].join('\n')
  },
})

function annotation(f: Finding): string {
  const command = f.severity === 'error' ? 'error' : 'warning'
  const properties = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(f.ruleId)}`
  return `::${command} ${properties}::${escapeData(`${f.message}. Mend: ${f.mend}`)}`
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

function countLine(result: CheckResult): string {
  const documents = `${plural(result.files.length, 'document')} checked`
  const suppressed = result.suppressedCount > 0 ? `, ${result.suppressedCount} suppressed` : ''
  if (result.findings.length === 0) return `${documents}, no problems${suppressed}`
  const {errorCount, warningCount} = countFindings(result.findings)
  return `${documents}: ${plural(result.findings.length, 'problem')} (${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')})${suppressed}`
}

/** A Markdown job summary: a heading, the counts, and a table of the first findings. */
export function stepSummary(result: CheckResult): string {
  const lines = ['## sopkit check', '', countLine(result)]
  if (result.findings.length === 0) return `${lines.join('\n')}\n`
  lines.push('', '| Location | Severity | Rule | Message |', '| --- | --- | --- | --- |')
  for (const f of result.findings.slice(0, SUMMARY_ROWS)) lines.push(summaryRow(f))
  if (result.findings.length > SUMMARY_ROWS)
    lines.push('', `Showing the first ${SUMMARY_ROWS} of ${result.findings.length} findings.`)
  return `${lines.join('\n')}\n`
}

function summaryRow(f: Finding): string {
  const cells = [`${f.file}:${f.line}`, f.severity === 'error' ? 'error' : 'warning', f.ruleId, f.message]
  return `| ${cells.map(markdownCell).join(' | ')} |`
}
