// What a diff is: field changes, section changes (with word changes inside), and the drift matrix.

export interface WordChange {
  type: 'same' | 'added' | 'removed'
  text: string
}

/** How a variant's departure from its reference is judged (only when comparing a variant). */
export type Approval = 'approved' | 'drift' | 'expired'

/** For an upstream diff (`--upstream`): whether port can carry the baseline's change into the market's variant. */
export type PortState = 'portable' | 'conflict' | 'ported'

/** A change too large for a word diff, shown line by line or as the whole section replaced. */
export type Coarse = 'lines' | 'section'

export type SectionChange =
  | {kind: 'same'; path: string}
  | {kind: 'changed'; path: string; words: WordChange[]; coarse?: Coarse; approval?: Approval; port?: PortState}
  | {kind: 'added'; path: string; text: string; approval?: Approval; port?: PortState}
  | {kind: 'removed'; path: string; text: string; approval?: Approval; port?: PortState}
  | {kind: 'moved'; path: string; words?: WordChange[]; coarse?: Coarse; approval?: Approval; port?: PortState}

export interface FieldChange {
  field: string
  before?: unknown
  after?: unknown
}

export interface DiffSide {
  file: string
  label: string
  title?: string
  version?: string
  markets: string[]
}

export interface DocumentDiff {
  a: DiffSide
  b: DiffSide
  /** True when b is judged as a variant of a (approved deviation or drift). */
  classified: boolean
  fields: FieldChange[]
  sections: SectionChange[]
}

/** `upstream`: the baseline changed the section since the variant's based_on and port can carry it; `conflict`: both changed it. */
export type MatrixState = 'same' | 'approved' | 'drift' | 'expired' | 'missing' | 'added' | 'upstream' | 'conflict'

export interface MatrixColumn {
  market: string
  file: string
  /** The document the variant is compared with (the baseline unless a region variant applies). */
  reference: string
  basedOn?: string
  outdated: boolean
  /** The variant's status when it is not approved (a draft is not yet what the market reads). */
  status?: string
}

export interface DriftMatrix {
  id: string
  baseline: {file: string; version?: string}
  columns: MatrixColumn[]
  rows: Array<{path: string; cells: MatrixState[]}>
}

export type DiffResult = {kind: 'diff'; diff: DocumentDiff} | {kind: 'matrix'; matrix: DriftMatrix}

/** A column's heading: the market, and the variant's status when it is not approved ("DE (draft)"). */
export function columnLabel(column: MatrixColumn): string {
  return column.status ? `${column.market} (${column.status})` : column.market
}

/** What the renderers say instead of an empty table when a family has no market variant. */
export function noVariantsNote(matrix: DriftMatrix): string {
  return `${matrix.id} has no market variants: every market reads the baseline ${matrix.baseline.file}`
}

/** What a renderer says above a coarse change. */
export function coarseNote(coarse: Coarse | undefined): string | undefined {
  if (coarse === 'lines') return 'too many changes for a word diff: shown line by line'
  if (coarse === 'section') return 'too many changes for a word or line diff: shown as the whole section replaced'
  return undefined
}

/** True when a diff shows any difference at all. */
export function hasDifferences(result: DiffResult): boolean {
  if (result.kind === 'diff') return result.diff.fields.length > 0 || result.diff.sections.some(s => s.kind !== 'same')
  return result.matrix.rows.some(r => r.cells.some(c => c !== 'same')) || result.matrix.columns.some(c => c.outdated)
}
