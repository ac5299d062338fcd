// The linter core: documents and rules in, findings out. No I/O, no printing.
import type {Config} from '../core/config.js'
import {type DocumentSummary, type Placed, SopDocument, summaryOnce} from '../core/document.js'
import type {Finding, SeveritySetting} from '../core/finding.js'
import type {Span} from '../core/positions.js'
import {fillPlaceholders} from '../core/placeholders.js'
import {addDocument, buildLibrary, type Library, type LibraryDoc, removeLastDocument} from '../core/library.js'
import {memo} from '../core/memo.js'
import {
  type LibraryRule,
  type LibraryRuleContext,
  type Locator,
  type Report,
  type Rule,
  type RuleContext,
  type TextEdit,
  isLibraryRule,
} from '../rules/rule.js'

export interface LintedFinding {
  finding: Finding
  fix?: TextEdit
}

interface Reported {
  rule: Rule
  severity: 'warn' | 'error'
  report: Report
}

export interface LintOptions {
  /** The document rules among them run (the library rules run on summaries: see `lintSummary`). */
  rules: readonly Rule[]
  severities: ReadonlyMap<string, SeveritySetting>
  config: Config
  today: string
}

export interface LibraryLintOptions {
  rules: readonly LibraryRule[]
  severities: ReadonlyMap<string, SeveritySetting>
  library: Library<DocumentSummary>
  today: string
  /** The whole document a summary stands for, to place its findings (read only when there are some). */
  locate: (doc: DocumentSummary) => Placed | Promise<Placed>
}

/** Run every enabled document rule on one document. */
export function lintDocument(doc: SopDocument, options: LintOptions): LintedFinding[] {
  const reports: Reported[] = []
  const broken = isBroken(doc)
  // One context for every rule on this document (a library lints a lot of documents).
  let current: Omit<Reported, 'report'> | undefined
  const report = (r: Report) => current && reports.push({...current, report: r})
  const context: RuleContext = {doc, config: options.config, today: options.today, report}
  for (const rule of options.rules) {
    const severity = severityOf(rule, broken, options.severities)
    if (severity === undefined || isLibraryRule(rule)) continue
    current = {rule, severity}
    rule.check(context)
  }
  return reports.map(r => toFinding(doc, r))
}

/**
 * Run every enabled library rule on one document's summary; findings are placed in the whole
 * document. Without a promise unless placing them reads a file: most documents have no finding.
 */
export function lintSummary(
  doc: DocumentSummary,
  options: LibraryLintOptions,
): LintedFinding[] | Promise<LintedFinding[]> {
  const reports: Reported[] = []
  const broken = isBroken(doc)
  const {library, today} = options
  let current: Omit<Reported, 'report'> | undefined
  const report = (r: Report) => current && reports.push({...current, report: r})
  const context: LibraryRuleContext = {doc, library, config: library.config, today, report}
  for (const rule of options.rules) {
    const severity = severityOf(rule, broken, options.severities)
    if (severity === undefined) continue
    current = {rule, severity}
    rule.check(context)
  }
  if (reports.length === 0) return []
  const whole = options.locate(doc)
  const place = (placed: Placed) => reports.map(r => toFinding(placed, r))
  return whole instanceof Promise ? whole.then(place) : place(whole)
}

const summaryLibraries = new WeakMap<Library<LibraryDoc>, Library<DocumentSummary>>()

/**
 * Every rule on a whole document of a library (whole documents or summaries): what check finds
 * for it. The library rules read the documents' summaries, as in check (made once per library).
 */
export async function lintWhole(
  doc: SopDocument,
  library: Library<LibraryDoc>,
  options: Omit<LintOptions, 'config'>,
): Promise<LintedFinding[]> {
  const summaries = summariesOf(library)
  const summary = summaries.byPath.get(doc.absPath) ?? summaryOnce(doc)
  const libraryRules = options.rules.filter(isLibraryRule)
  return [
    ...lintDocument(doc, {...options, config: library.config}),
    ...(await lintSummary(summary, {...options, rules: libraryRules, library: summaries, locate: () => doc})),
  ]
}

/**
 * The summaries of a library's documents, made once per library. \`import\` grows a library
 * row by row (and takes a refused candidate back): the summaries follow it at its end, in O(1) a row.
 */
function summariesOf(library: Library<LibraryDoc>): Library<DocumentSummary> {
  const summaries = memo(summaryLibraries, library, l => buildLibrary(l.config, l.documents.map(summaryOf)))
  for (let last = summaries.documents.at(-1); last; last = summaries.documents.at(-1)) {
    if (library.documents[summaries.documents.length - 1]?.absPath === last.absPath) break
    removeLastDocument(summaries, last)
  }
  for (let i = summaries.documents.length; i < library.documents.length; i++)
    addDocument(summaries, summaryOf(at(library.documents, i)))
  return summaries
}

/** A whole document's summary; a summary is its own. */
function summaryOf(doc: LibraryDoc): DocumentSummary {
  return doc instanceof SopDocument ? summaryOnce(doc) : doc
}

function at<T>(list: readonly T[], index: number): T {
  const item = list[index]
  if (item === undefined) throw new Error(`internal: no item ${index} of ${list.length}`)
  return item
}

function isBroken(doc: Pick<DocumentSummary, 'readProblem' | 'problems'>): boolean {
  return doc.readProblem !== undefined || doc.problems.length > 0
}

/** A rule's severity on a document, or undefined when it does not run: off, or a broken document it does not read. */
function severityOf(
  rule: Rule,
  broken: boolean,
  severities: ReadonlyMap<string, SeveritySetting>,
): 'warn' | 'error' | undefined {
  const setting = severities.get(rule.id) ?? rule.defaultSeverity
  return setting === 'off' || (broken && !rule.readsBrokenDocuments) ? undefined : setting
}

function toFinding(doc: Placed, {rule, severity, report}: Reported): LintedFinding {
  const template = rule.messages[report.messageId]
  if (!template) throw new Error(`rule ${rule.id} reported unknown message id ${report.messageId}`)
  const {line, column, end} = locate(doc, report.at)
  return {
    finding: {
      ruleId: rule.id,
      messageId: report.messageId,
      severity,
      message: fillPlaceholders(template.message, report.data),
      mend: fillPlaceholders(template.mend, report.data),
      file: doc.file,
      line,
      column,
      ...(end && {endLine: end.line, endColumn: end.column}),
      fixable: report.fix !== undefined,
      ...stableData(rule, report),
    },
    fix: report.fix,
  }
}

function locate(doc: Placed, at: Locator | undefined): Span {
  if (!at) return {line: 1, column: 1}
  if ('key' in at) return doc.positionOf(at.key, at.part)
  if ('bodyOffset' in at) return doc.bodySpan(at.bodyOffset, at.bodyEnd)
  return doc.span(at.offset, at.end)
}

function stableData(rule: Rule, report: Report): Pick<Finding, 'stable'> {
  if (!report.data) return {}
  const volatile = rule.volatileData
  if (!volatile) return {stable: report.data}
  return {stable: Object.fromEntries(Object.entries(report.data).filter(([key]) => !volatile.includes(key)))}
}
