// The default terminal format, after eslint's stylish: findings grouped by file, in aligned columns, each with its mend.
import type {ChalkInstance} from 'chalk'
import type {CheckResult} from '../check/engine.js'
import {countFindings, type Finding, groupByFile} from '../core/finding.js'
import {defineFormatter} from './formatter.js'
import {plainText, plural} from './text.js'

const SEVERITY_WIDTH = 'warning'.length

export default defineFormatter({
  name: 'stylish',
  description: 'findings grouped by file, for people at a terminal (the default)',
  format({result, color}) {
    if (result.findings.length === 0) return cleanLine(result, color)
    const blocks = [...groupByFile(result.findings)].map(([file, findings]) => fileBlock(file, findings, color))
    return [...blocks, summary(result, color)].join('\n\n')
  },
})

function fileBlock(file: string, findings: readonly Finding[], color: ChalkInstance): string {
  const positions = findings.map(f => `${f.line}:${f.column}`)
  const messages = findings.map(f => plainText(f.message))
  const positionWidth = Math.max(...positions.map(p => p.length))
  const messageWidth = Math.max(...messages.map(m => m.length))
  const rows = findings.map((f, i) => {
    const row = [
      color.dim(positions[i]!.padEnd(positionWidth)),
      severityLabel(f, color),
      messages[i]!.padEnd(messageWidth),
      color.dim(f.ruleId),
    ].join('  ')
    return `  ${row}\n${color.dim(`    → ${plainText(f.mend)}`)}`
  })
  return [color.underline(file), ...rows].join('\n')
}

function severityLabel(finding: Finding, color: ChalkInstance): string {
  return finding.severity === 'error' ? color.red('error'.padEnd(SEVERITY_WIDTH)) : color.yellow('warning')
}

function summary(result: CheckResult, color: ChalkInstance): string {
  const {errorCount, warningCount, fixableCount} = countFindings(result.findings)
  const paint = errorCount > 0 ? color.red.bold : color.yellow.bold
  const lines = [
    paint(
      `✖ ${plural(result.findings.length, 'problem')} (${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')})`,
    ),
  ]
  if (fixableCount > 0) lines.push(`  ${fixableCount} fixable with --fix`)
  if (result.suppressedCount > 0) lines.push(color.dim(`  ${result.suppressedCount} suppressed`))
  return lines.join('\n')
}

function cleanLine(result: CheckResult, color: ChalkInstance): string {
  const suppressed = result.suppressedCount > 0 ? ` (${result.suppressedCount} suppressed)` : ''
  return color.green(`✔ ${plural(result.files.length, 'document')} checked, no problems${suppressed}`)
}
