// What changed in one market's effective playbook between two revisions: plain data, built once,
// drawn by every `sopkit changes` format.
import type {FieldChange, SectionChange} from '../diff/model.js'

export const CHANGES_GENERATOR = 'sopkit changes'

/**
 * How a document's place in the playbook changed: it came in (`added`), came into force
 * (`approved`: its status became one the market reads), changed (`changed`), went out of force
 * (`retired`: retired or deprecated now) or went away (`removed`: deleted, or no longer for the market).
 */
export type ChangeKind = 'added' | 'approved' | 'changed' | 'retired' | 'removed'

/** The order a briefing reads in: what is new first, what is gone last. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'approved', 'changed', 'retired', 'removed']

/** One side of a document change: the file the market read, and its version and status there. */
export interface ReadSide {
  file: string
  version?: string
  status?: string
  effective?: string
}

/** A section change, marked when it reached the market through the GLOBAL baseline (inherited). */
export type PlaybookSectionChange = Exclude<SectionChange, {kind: 'same'}> & {inherited: boolean}

export interface DocumentChange {
  id: string
  title: string
  type?: string
  kind: ChangeKind
  /** What the market read at --since; absent for `added` and `approved` from nothing. */
  before?: ReadSide
  /** What the market reads at --until; absent for `retired` and `removed`. */
  after?: ReadSide
  /** Metadata that changed (status and `effective` among them). */
  fields: FieldChange[]
  sections: PlaybookSectionChange[]
  /** Said when the market now reads another file of the family, or why a document left. */
  note?: string
}

export interface Revision {
  /** As the user named it (`v1.2`, `HEAD~3`), or `working tree`. */
  ref: string
  /** The commit id; absent for the working tree. */
  commit?: string
}

export interface MarketChanges {
  generator: typeof CHANGES_GENERATOR
  market: {code: string; name: string}
  since: Revision
  until: Revision
  /** YYYY-MM-DD printed on the briefing: --date, SOURCE_DATE_EPOCH or today. */
  date: string
  counts: Record<ChangeKind, number>
  documents: DocumentChange[]
}

export const WORKING_TREE = 'working tree'

/** "1 added, 2 changed" (kinds with none left out), or "no changes". */
export function countSummary(changes: MarketChanges): string {
  const parts = CHANGE_KINDS.filter(k => changes.counts[k] > 0).map(k => `${changes.counts[k]} ${k}`)
  return parts.length === 0 ? 'no changes' : parts.join(', ')
}

/** "v1.2 (3f2a9c1)" or "the working tree". */
export function revisionLabel(revision: Revision): string {
  if (revision.commit === undefined) return `the ${revision.ref}`
  const short = revision.commit.slice(0, 7)
  return revision.ref.startsWith(short) ? short : `${revision.ref} (${short})`
}
