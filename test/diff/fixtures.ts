// Small documents for diff tests; each pair states what the diff must find.
import {SopDocument} from '../../src/core/document.js'

export const BASELINE = `---
id: refund
title: Refund
version: "1.4.0"
markets: [GLOBAL]
---
# Refund

## Purpose

Resolve refund disputes fast.

## Procedure

Check the order.

### Refund above limit

Escalate to a team lead above USD 500.

## Escalation

Hand off to tier 2.
`

export function variant(options: {title?: string; deviations?: string; body?: (base: string) => string} = {}): string {
  const front = `---
id: refund
title: ${options.title ?? 'Refund (Singapore)'}
version: "1.4.1"
markets: [SG]
based_on: "1.4.0"
${options.deviations ?? ''}---
`
  const body = BASELINE.slice(BASELINE.indexOf('# Refund'))
  return front + (options.body ? options.body(body) : body)
}

export const make = (text: string, file = 'sops/SG/refund.md') => new SopDocument(file, `/repo/${file}`, text)
