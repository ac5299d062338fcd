// Builders for valid documents, so each test states only what it breaks.
import YAML from 'yaml'

export interface DocOptions {
  front?: Record<string, unknown>
  /** Raw front-matter text, used instead of `front`. */
  rawFront?: string
  body?: string
}

export const BASE_FRONT = {
  id: 'refund-escalation',
  title: 'Refund escalation',
  type: 'sop',
  version: '1.4.0',
  status: 'approved',
  owner: 'cs-strategy@example.com',
  markets: ['GLOBAL'],
  channels: ['chatbot', 'agent-assisted'],
  compliance: [],
  effective: '2026-01-15',
  review_by: '2099-12-31',
}

export const SOP_BODY = `# Refund escalation

## Purpose

Resolve refund disputes fast.

## Scope

All refunds.

## Procedure

1. Check the order.

### Refund above limit

Escalate to a team lead.

## Escalation

Hand off to tier 2.
`

/** A document: front matter merged over a valid GLOBAL sop, then the body. */
export function doc(options: DocOptions = {}): string {
  const front = options.rawFront ?? YAML.stringify({...BASE_FRONT, ...options.front}, {compat: 'yaml-1.1'} as never)
  return `---\n${front.endsWith('\n') ? front : `${front}\n`}---\n${options.body ?? SOP_BODY}`
}
