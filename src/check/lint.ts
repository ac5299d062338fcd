// The linter core: documents and rules in, findings out. No I/O, no printing.
import type {SopDocument} from '../core/document.js'
import type {Finding, SeveritySetting} from '../core/finding.js'
import type {Library} from '../core/library.js'
import type {Locator, Report, Rule, TextEdit} from '../rules/rule.js'

export interface LintedFinding {
  finding: Finding
  fix?: TextEdit
}

export interface LintOptions {
  rules: readonly Rule[]
  severities: ReadonlyMap<string, SeveritySetting>
  library: Library
  today: string
  /** The full document for a compact one (which has no text), to place its findings. */
  reload?: (doc: SopDocument) => SopDocument
}

/** Run every enabled rule on one document. */
export function lintDocument(doc: SopDocument, options: LintOptions): LintedFinding[] {
  const reports: Array<{rule: Rule; severity: 'warn' | 'error'; report: Report}> = []
  const broken = doc.readProblem !== undefined || doc.problems.length > 0
  // One context for every rule on this document (a library lints a lot of documents).
  let rule: Rule
  let severity: 'warn' | 'error'
  const context = {doc, library: options.library, config: options.library.config, today: options.today,
    report: (report: Report) => reports.push({rule, severity, report})}
  for (rule of options.rules) {
    const setting = options.severities.get(rule.id) ?? rule.defaultSeverity
    if (setting === 'off' || (broken && !rule.readsBrokenDocuments)) continue
    severity = setting
    rule.check(context)
  }
  if (reports.length === 0) return []
  const located = doc.compact ? reloaded(doc, options) : doc
  return reports.map(({rule, severity, report}) => toFinding(located, rule, severity, report))
}

function reloaded(doc: SopDocument, options: LintOptions): SopDocument {
  if (!options.reload) throw new Error(`internal: ${doc.file} is compact and no reload was given to place its findings`)
  return options.reload(doc)
}

function toFinding(doc: SopDocument, rule: Rule, severity: 'warn' | 'error', report: Report): LintedFinding {
  const template = rule.messages[report.messageId]
  if (!template) throw new Error(`rule ${rule.id} reported unknown message id ${report.messageId}`)
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(report.data?.[name] ?? `{${name}}`))
  const {line, column} = locate(doc, report.at)
  return {
    finding: {ruleId: rule.id, messageId: report.messageId, severity, message: fill(template.message), mend: fill(template.mend),
      file: doc.file, line, column, fixable: report.fix !== undefined, ...stableData(rule, report)},
    fix: report.fix,
  }
}

function locate(doc: SopDocument, at: Locator | undefined): {line: number; column: number} {
  if (!at) return {line: 1, column: 1}
  if ('key' in at) return doc.positionOf(at.key, at.part)
  if ('bodyOffset' in at) return doc.bodyPosition(at.bodyOffset)
  return doc.position(at.offset)
}

function stableData(rule: Rule, report: Report): Pick<Finding, 'stable'> {
  if (!report.data) return {}
  const volatile = rule.volatileData ?? []
  return {stable: Object.fromEntries(Object.entries(report.data).filter(([key]) => !volatile.includes(key)))}
}
