// The playbook model: everything a renderer needs, as plain data, built once by the assembly.
import type {DocumentMeta} from '../core/document.js'
import type {LabelSet} from './label-sets.js'

/** The mark every export carries, so a later export knows it may replace the file. */
export const GENERATOR = 'sopkit export'

/** What the user asked for: one market, filters, and the date printed on the cover. */
export interface PlaybookOptions {
  market: string
  channels: readonly string[]
  types: readonly string[]
  statuses: readonly string[]
  /** YYYY-MM-DD: the only date in the output, so two runs with the same inputs are identical. */
  date: string
  /** The playbook's words (export/label-sets); English when not given. */
  labels?: LabelSet
  /** The label set's language, e.g. `de`. */
  language?: string
}

/** Where a link in a document goes once the document sits in a playbook. */
export type LinkTarget =
  /** A document (or one of its sections) in this playbook. */
  | {kind: 'internal'; id: string; anchor: string}
  /** http(s) or mailto: kept as written. */
  | {kind: 'external'}
  /** A repo file that is not in this playbook: shown as text with its path. */
  | {kind: 'outside'; path: string}
  /** A scheme that could run code or fetch something (javascript:, data:, file: ...): the link is dropped, its text kept. */
  | {kind: 'unsafe'}

export interface PlaybookLink {
  url: string
  target: LinkTarget
}

export interface PlaybookSection {
  /** Heading path, e.g. "Procedure > Refund above limit" (the one section model's path). */
  path: string
  heading: string
  /** Depth as written (2 for ##). */
  depth: number
  /** Depth in the playbook: under the document's title (level 2), capped at 6. */
  level: number
  anchor: string
  /** Offset of the heading in the body: how renderers find this section's heading node. */
  start: number
  /** The section's own text (without sub-sections), Markdown as written. */
  text: string
}

/** How the market came to read this document (the variant resolver's answer). */
export type ResolvedVia = {via: 'market'} | {via: 'region'; region: string} | {via: 'baseline'}

export interface PlaybookDocument {
  id: string
  title: string
  /** `doc-<id>`: stable whatever else the playbook holds. */
  anchor: string
  /** Repo-relative source path. */
  file: string
  resolved: ResolvedVia
  /** The more specific variant the market would read were it in force (a draft): shown as such. */
  pending?: {file: string; status: string}
  meta: DocumentMeta
  /** The Markdown body (front matter removed), as written. */
  body: string
  /** Offset of the H1 title in the body, which the document header replaces. */
  titleStart?: number
  /** Text between the title and the first section. */
  preamble: string
  sections: PlaybookSection[]
  /** One entry per distinct URL in the body. */
  links: PlaybookLink[]
}

export interface TocGroup {
  type: string
  label: string
  /** `variant`: the code of the file the market reads (the market, a region, or GLOBAL). */
  documents: Array<{
    id: string
    title: string
    anchor: string
    variant: string
    sections: Array<{heading: string; anchor: string}>
  }>
}

export interface ComplianceEntry {
  tag: string
  name: string
  /** True when the taxonomy requires this regime in the playbook's market. */
  appliesToMarket: boolean
  documents: Array<{id: string; title: string; anchor: string}>
}

/** A link to a document this playbook does not hold, shown as text with its path. */
export interface OutsideLink {
  id: string
  file: string
  url: string
  path: string
}

/** A more specific variant the market would read, left out because of its status. */
export interface SkippedVariant {
  id: string
  file: string
  status: string
  /** The file shown instead. */
  shown: string
}

/** A problem check finds in a document of the playbook, listed under "Before you publish". */
export interface PublishIssue {
  /** `drift`: unapproved drift (no-drift); `conflict`: upstream conflicts (variant-outdated); `compliance`: a missing required regime (require-compliance). */
  kind: 'drift' | 'conflict' | 'compliance'
  id: string
  title: string
  anchor: string
  /** Repo-relative path and line of the finding. */
  file: string
  line: number
  message: string
  mend: string
}

/** A document the market would read but whose `effective` date is after the playbook's date: left out. */
export interface NotYetEffective {
  id: string
  title: string
  file: string
  effective: string
  /** The file shown instead (what the market reads until then), if any. */
  shown?: string
}

export interface Playbook {
  generator: typeof GENERATOR
  market: {code: string; name: string}
  date: string
  /** The language of its words (the market's `language`), and the words themselves. */
  language: string
  labels: LabelSet
  filters: {channels: string[]; types: string[]; statuses: string[]}
  /** sha256 of every included document's path and text, in playbook order. */
  hash: string
  documents: PlaybookDocument[]
  toc: TocGroup[]
  compliance: ComplianceEntry[]
  outsideLinks: OutsideLink[]
  skipped: SkippedVariant[]
  /** Documents not in effect on the playbook's date, left out. */
  notYetEffective: NotYetEffective[]
  /** What check finds in the playbook's documents that should not reach agents unseen (filled after assembly, see publish.ts). */
  beforePublish: PublishIssue[]
}

/** The short form of the hash printed on covers. */
export function shortHash(playbook: Playbook): string {
  return playbook.hash.slice(0, 12)
}
