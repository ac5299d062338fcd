// The shape every rule has: metadata, messages keyed by id, and one check function. A document
// rule reads one whole document; a library rule reads every document's summary (no text) and
// says where its findings are with a Locator, which the engine places (`locate`) by reading the
// file again. So a library rule that reaches for the text does not compile.
import type {Config} from '../core/config.js'
import type {DocumentSummary, SopDocument} from '../core/document.js'
import type {SeveritySetting} from '../core/finding.js'
import type {Library} from '../core/library.js'

export interface RuleMessage {
  /** What is wrong; `{name}` placeholders are filled from the report's data. */
  message: string
  /** How to mend it. */
  mend: string
}

/**
 * Where a finding points: a front-matter key path, an offset in the text or body, or the file.
 * An end, where the rule knows one, becomes the finding's region end (SARIF, GitLab).
 */
export type Locator =
  | {key: ReadonlyArray<string | number>; part?: 'key' | 'value'}
  | {offset: number; end?: number}
  | {bodyOffset: number; bodyEnd?: number}

/** A replacement inside the front matter; offsets are in the document's text. */
export interface TextEdit {
  start: number
  end: number
  text: string
}

export interface Report {
  messageId: string
  data?: Record<string, string | number>
  at?: Locator
  fix?: TextEdit
}

/** What a document rule reads: one whole document (text, exact YAML, outline with content). */
export interface RuleContext {
  doc: SopDocument
  config: Config
  /** Today as YYYY-MM-DD (UTC), fixed for the whole run. */
  today: string
  /** A plain function: rules take it out of the context (`check({doc, report})`). */
  report: (report: Report) => void
}

/** A library rule's finding: where it is, not a fix (a summary has no text to edit). */
export type LibraryReport = Omit<Report, 'fix'>

/**
 * What a library rule reads: summaries only, of this document and of every other one. `report`
 * takes a Locator like a document rule's; the engine places it with its `locate` callback, which
 * reads this document's file again, only when there is something to report.
 */
export interface LibraryRuleContext {
  doc: DocumentSummary
  library: Library<DocumentSummary>
  config: Config
  /** Today as YYYY-MM-DD (UTC), fixed for the whole run. */
  today: string
  report: (report: LibraryReport) => void
}

interface RuleBase {
  id: string
  description: string
  defaultSeverity: SeveritySetting
  messages: Record<string, RuleMessage>
  /** Runs on documents whose front matter could not be read (the others skip them). */
  readsBrokenDocuments?: boolean
  /** Reads the Markdown body (its outline). */
  readsBody?: boolean
  /**
   * Message data that changes while the problem stays the same (today's date, a count): left out
   * of a finding's identity, so CI fingerprints do not flap from one day to the next.
   */
  volatileData?: readonly string[]
}

/** A rule that reads one document. */
export interface DocumentRule extends RuleBase {
  readsLibrary?: false
  /** Offers a safe fix for some of its findings (front matter only). */
  fixable?: boolean
  check(context: RuleContext): void
}

/** A rule that reads other documents or the file system, so its findings are never cached per file. */
export interface LibraryRule extends RuleBase {
  readsLibrary: true
  fixable?: false
  check(context: LibraryRuleContext): void
}

export type Rule = DocumentRule | LibraryRule

/** Identity helper that types a document rule module. */
export function defineRule(rule: Omit<DocumentRule, 'readsLibrary'>): DocumentRule {
  return rule
}

/** Types a library rule module (see `LibraryRuleContext`). */
export function defineLibraryRule(rule: Omit<LibraryRule, 'readsLibrary'>): LibraryRule {
  return {...rule, readsLibrary: true}
}

export function isLibraryRule(rule: Rule): rule is LibraryRule {
  return rule.readsLibrary === true
}
