// Counts and labels shared by the human-readable diff formats.
import type {Approval, DocumentDiff, MatrixState, PortState, SectionChange, WordChange} from '../model.js'

export const STATE_SYMBOL: Record<MatrixState, string> = {same: '·', approved: '✓', drift: '✗', expired: '⌛', missing: '−', added: '+',
  upstream: '↓', conflict: '‼'}

export const STATE_LEGEND = '· same  ✓ approved deviation  ✗ drift  ⌛ expired deviation  − missing  + added  ↓ upstream change to port  ‼ conflict'

/** How a section change is judged: its approval in a variant diff, or whether port can take it in an upstream diff. */
export function changeLabel(change: SectionChange): string {
  if ('port' in change && change.port) return portLabel(change.port)
  return approvalLabel('approval' in change ? change.approval : undefined)
}

export function portLabel(port: PortState): string {
  return port === 'portable' ? 'port-able' : port === 'ported' ? 'already in the variant' : 'conflict'
}

export function approvalLabel(approval: Approval | undefined): string {
  return approval === 'approved' ? 'approved deviation' : approval === 'expired' ? 'deviation expired' : approval === 'drift' ? 'drift' : ''
}

export function differing(diff: DocumentDiff): SectionChange[] {
  return diff.sections.filter((s) => s.kind !== 'same')
}

/** "3 of 12 sections differ (1 approved, 2 drift)". */
export function sectionSummary(diff: DocumentDiff): string {
  const changes = differing(diff)
  const approvals = diff.classified
    ? (['approved', 'drift', 'expired'] as const).map((a) => [a, changes.filter((c) => 'approval' in c && c.approval === a).length] as const)
      .filter(([, n]) => n > 0).map(([a, n]) => `${n} ${a}`)
    : (['portable', 'conflict', 'ported'] as const).map((p) => [p, changes.filter((c) => 'port' in c && c.port === p).length] as const)
      .filter(([, n]) => n > 0).map(([p, n]) => `${n} ${portLabel(p)}`)
  return `${changes.length} of ${diff.sections.length} sections differ${approvals.length > 0 ? ` (${approvals.join(', ')})` : ''}`
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

export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '—'
  return typeof value === 'string' ? value : JSON.stringify(value)
}
