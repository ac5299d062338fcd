// The shape every rule has: metadata, messages keyed by id, and one check function.
import type {Config} from '../core/config.js'
import type {SopDocument} from '../core/document.js'
import type {SeveritySetting} from '../core/finding.js'
import type {Library} from '../core/library.js'

export interface RuleMessage {
  /** What is wrong; `{name}` placeholders are filled from the report's data. */
  message: string
  /** How to mend it. */
  mend: string
}

/** Where a finding points: a front-matter key path, an offset in the text or body, or the file. */
export type Locator =
  | {key: ReadonlyArray<string | number>; part?: 'key' | 'value'}
  | {offset: number}
  | {bodyOffset: number}

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

export interface RuleContext {
  doc: SopDocument
  library: Library
  config: Config
  /** Today as YYYY-MM-DD (UTC), fixed for the whole run. */
  today: string
  report(report: Report): void
}

export interface Rule {
  id: string
  description: string
  defaultSeverity: SeveritySetting
  messages: Record<string, RuleMessage>
  /** Runs on documents whose front matter could not be read (the others skip them). */
  readsBrokenDocuments?: boolean
  /** Offers a safe fix for some of its findings (front matter only). */
  fixable?: boolean
  /** Reads other documents or the file system, so its findings are never cached per file. */
  readsLibrary?: boolean
  /** Reads the Markdown body, so the outline is parsed for it. */
  readsBody?: boolean
  /**
   * Message data that changes while the problem stays the same (today's date, a count): left out
   * of a finding's identity, so CI fingerprints do not flap from one day to the next.
   */
  volatileData?: readonly string[]
  check(context: RuleContext): void
}

/** Identity helper that types a rule module. */
export function defineRule(rule: Rule): Rule {
  return rule
}
