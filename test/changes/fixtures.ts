// A temp git repository whose last commit changes every kind of thing `sopkit changes` reports.
import {SOP_BODY, doc} from '../helpers/docs.js'
import {commit, gitRepo} from '../helpers/git.js'

const BASELINE = 'sops/global/refund-escalation.md'
const family = (id: string, title: string, front: Record<string, unknown> = {}) =>
  doc({front: {id, title, ...front}, body: SOP_BODY.replace('# Refund escalation', `# ${title}`)})

/**
 * At `before`: a refund baseline with a DE overlay of its Scope; an order baseline (later retired);
 * an account baseline with a draft DE variant (later approved); a legacy document (later deleted).
 * The next commit edits the refund baseline's Procedure, its version and effective date, and adds a safety SOP.
 */
export function changesRepo(): string {
  const root = gitRepo({
    [BASELINE]: doc(),
    'sops/DE/refund-escalation.md': doc({
      front: {markets: ['DE'], inherit: 'sections', version: '1.4.1', based_on: '1.4.0', compliance: ['GDPR']},
      body: '# Refund escalation\n\n## Scope\n\nRefunds in Germany.\n',
    }),
    'sops/global/order-not-received.md': family('order-not-received', 'Order not received'),
    'sops/global/account-recovery.md': family('account-recovery', 'Account recovery'),
    'sops/DE/account-recovery.md': family('account-recovery', 'Account recovery (Germany)', {
      markets: ['DE'],
      status: 'draft',
      based_on: '1.4.0',
    }),
    'sops/global/legacy-callback.md': family('legacy-callback', 'Legacy callback'),
  })
  commit(root, {
    [BASELINE]: doc({
      front: {version: '1.5.0', effective: '2026-03-01'},
      body: SOP_BODY.replace('Escalate to a team lead.', 'Escalate to a team lead and log the approver.'),
    }),
    'sops/global/order-not-received.md': family('order-not-received', 'Order not received', {status: 'retired'}),
    'sops/DE/account-recovery.md': family('account-recovery', 'Account recovery (Germany)', {
      markets: ['DE'],
      based_on: '1.4.0',
    }),
    'sops/global/safety-report.md': family('safety-report', 'Safety report escalation'),
    'sops/global/legacy-callback.md': null,
  })
  return root
}
