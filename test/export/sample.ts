// One sample playbook every renderer is tested on: two families (one DE variant), links of every
// kind, a table, a footnote, and everything a hostile document could try (raw HTML, scripts,
// javascript: links, remote images).
import type {Playbook} from '../../src/export/model.js'
import {baseline, playbookOf, variant} from './fixtures.js'

export const HOSTILE_BODY = `# Refund escalation (Germany)

Read this first.<script>alert('preamble')</script>

## Purpose

Decide refunds <b onclick="steal()">fast</b> and fairly.[^1]

<iframe src="https://tracker.example/pixel"></iframe>

![tracking pixel](https://tracker.example/pixel.png)

[^1]: Within the SLA.

## Procedure

### Refund above limit

| Amount | Who decides |
|---|---|
| up to EUR 50 | the bot |
| above EUR 500 | Tier 2 |

1. Check the order.
2. Follow [the payment dispute SOP](../global/payment-dispute.md#escalation).
   - Never [click me](javascript:alert(document.cookie)) or [this](JaVaScRiPt:alert(1)).
3. Read [the policy](https://example.com/policy) and [the draft](../global/draft-only.md).

\`\`\`
<script>not code that runs</script>
\`\`\`

## Escalation

Hand off to [our purpose](#purpose) or mail [support](mailto:support@example.com).
`

export const SAMPLE_FILES = {
  'sops/global/refund-escalation.md': baseline('refund-escalation', {title: 'Refund escalation'}),
  'sops/DE/refund-escalation.md': variant(
    'refund-escalation',
    ['DE'],
    {
      title: 'Refund escalation (Germany)',
      compliance: ['GDPR'],
      deviations: [{section: 'Purpose', reason: 'German law', approver: 'de-dpo@example.com', expires: '2099-01-01'}],
    },
    HOSTILE_BODY,
  ),
  'sops/global/payment-dispute.md': baseline('payment-dispute', {title: 'Payment dispute'}),
  'sops/global/draft-only.md': baseline('draft-only', {status: 'draft'}),
}

export function samplePlaybook(): Promise<Playbook> {
  return playbookOf(SAMPLE_FILES, 'DE')
}
