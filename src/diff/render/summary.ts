// Counts and labels shared by the human-readable diff formats.
import type {Deviation} from '../../core/document.js'
import type {Approval, DocumentDiff, FieldChange, MatrixState, PortState, SectionChange, WordChange} from '../model.js'

export const STATE_SYMBOL: Record<MatrixState, string> = {
  same: '·',
  approved: '✓',
  drift: '✗',
  expired: '⌛',
  missing: '−',
  added: '+',
  upstream: '↓',
  conflict: '‼',
}

export const STATE_LEGEND =
  '· same  ✓ approved deviation  ✗ drift  ⌛ expired deviation  − missing  + added  ↓ upstream change to port  ‼ conflict'

/** How a section change is judged: its approval in a variant diff, or whether port can take it in an upstream diff. */
export function changeLabel(change: SectionChange): string {
  if ('port' in change && change.port) return portLabel(change.port)
  return approvalLabel('approval' in change ? change.approval : undefined)
}

export function portLabel(port: PortState): string {
  return port === 'portable' ? 'port-able' : port === 'ported' ? 'already in the variant' : 'conflict'
}

export function approvalLabel(approval: Approval | undefined): string {
  return approval === 'approved'
    ? 'approved deviation'
    : approval === 'expired'
      ? 'deviation expired'
      : approval === 'drift'
        ? 'drift'
        : ''
}

export function differing(diff: DocumentDiff): SectionChange[] {
  return diff.sections.filter(s => s.kind !== 'same')
}

/** "3 of 12 sections differ (1 approved, 2 drift)". */
export function sectionSummary(diff: DocumentDiff): string {
  const changes = differing(diff)
  const approvals = diff.classified
    ? (['approved', 'drift', 'expired'] as const)
        .map(a => [a, changes.filter(c => 'approval' in c && c.approval === a).length] as const)
        .filter(([, n]) => n > 0)
        .map(([a, n]) => `${n} ${a}`)
    : (['portable', 'conflict', 'ported'] as const)
        .map(p => [p, changes.filter(c => 'port' in c && c.port === p).length] as const)
        .filter(([, n]) => n > 0)
        .map(([p, n]) => `${n} ${portLabel(p)}`)
  return `${changes.length} of ${diff.sections.length} sections differ${approvals.length > 0 ? ` (${approvals.join(', ')})` : ''}`
}

/** Every line without trailing spaces, also when a colour code follows them. */
export function withoutTrailingSpaces(text: string): string {
  // eslint-disable-next-line no-control-regex -- the escape starts an ANSI colour code
  return text.replace(/[ \t]+((?:\u001B\[[0-9;]*m)*)$/gm, '$1')
}

/** Words with long unchanged runs shortened to their edges, so a change is seen in context. */
export function withContext(words: readonly WordChange[], keep = 60): WordChange[] {
  return words.map((w, i) => {
    if (w.type !== 'same' || w.text.length <= keep * 2) return w
    const head = i === 0 ? '' : w.text.slice(0, keep)
    const tail = i === words.length - 1 ? '' : w.text.slice(-keep)
    return {type: 'same', text: `${head} … ${tail}`}
  })
}

/** A value as a person reads it: lists joined, a mapping as `key: value` pairs; never raw JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—'
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(formatValue).join(', ')
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${formatValue(v)}`)
      .join('; ')
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || typeof value === 'symbol')
    return String(value)
  // Only a function is left (never parsed from a file): it reads as itself.
  return typeof value === 'function' ? value.toString() : ''
}

export interface FieldRow {
  field: string
  before: string
  after: string
}

/**
 * The metadata changes as rows of text, for every human-readable format. Deviations get one row
 * per section they name ("deviations: Procedure"), showing reason, approver and expiry.
 */
export function fieldRows(diff: DocumentDiff): FieldRow[] {
  return diff.fields.flatMap((f): FieldRow[] =>
    f.field === 'deviations'
      ? deviationRows(f)
      : [{field: f.field, before: formatValue(f.before), after: formatValue(f.after)}],
  )
}

function deviationRows(change: FieldChange): FieldRow[] {
  const bySection = (value: unknown) =>
    new Map((Array.isArray(value) ? (value as Deviation[]) : []).map(d => [d.section ?? '(no section)', d]))
  const before = bySection(change.before)
  const after = bySection(change.after)
  const sections = [...new Set([...before.keys(), ...after.keys()])]
  return sections.flatMap(section => {
    const [a, b] = [deviationText(before.get(section)), deviationText(after.get(section))]
    return a === b ? [] : [{field: `deviations: ${section}`, before: a, after: b}]
  })
}

function deviationText(d: Deviation | undefined): string {
  if (!d) return '—'
  const by = [d.approver && `approved by ${d.approver}`, d.expires && `until ${d.expires}`].filter(Boolean).join(', ')
  return `${d.reason ?? 'no reason given'}${by ? ` (${by})` : ''}`
}
