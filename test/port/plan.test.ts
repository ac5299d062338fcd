// Port planned in-process: what is carried over, what conflicts, and that every other byte stays.
import {describe, expect, it} from 'vitest'
import {SopDocument} from '../../src/core/document.js'
import {planPort} from '../../src/port/plan.js'

const TODAY = '2026-11-22'

function front(lines: string[]): string {
  return `---\n${lines.join('\n')}\n---\n`
}

const BASE_FRONT = front([
  'id: refund-escalation',
  'title: Refund escalation',
  'type: sop',
  'version: "1.4.0"',
  'status: approved',
  'owner: cs@example.com',
  'markets: [GLOBAL]',
])

const B0_BODY = `# Refund escalation

## Purpose

Resolve refund disputes fast.

## Procedure

1. Check the order.

### Refund above limit

Escalate to a team lead.

## Escalation

Hand off to tier 2.
`

/** A DE variant: its own front matter (with a comment and odd spacing, to prove it is kept) and body. */
function variantText(body: string, extra: string[] = []): string {
  return (
    front([
      'id: refund-escalation',
      '# adapted for Germany',
      'title:   Refund escalation (DE)',
      'type: sop',
      "version: '1.4.1'",
      'status: approved',
      'owner: de@example.com',
      'markets: [DE]',
      'based_on: 1.4.0',
      ...extra,
    ]) + body
  )
}

async function docs(...texts: string[]): Promise<SopDocument[]> {
  return Promise.all(texts.map(async (t, i) => SopDocument.parse(`doc${i}.md`, `/repo/doc${i}.md`, t)))
}

async function port(b0Body: string, b1Body: string, variant: string) {
  const [base, baseline, v] = await docs(BASE_FRONT + b0Body, BASE_FRONT.replace('1.4.0', '1.5.0') + b1Body, variant)
  return planPort(v!, baseline!, base, TODAY)
}

const B1_ESCALATION = B0_BODY.replace('Hand off to tier 2.', 'Hand off to tier 2 within 4 hours.')

describe('planPort', () => {
  it('carries an upstream change into a section the market left alone; every other byte stays', async () => {
    const v = variantText(B0_BODY.replace('Resolve refund disputes fast.', 'Resolve refund disputes fast, in German.'))
    const plan = await port(B0_BODY, B1_ESCALATION, v)
    expect(plan.ported.map(p => `${p.path}:${p.change}`)).toEqual(['Escalation:changed'])
    expect(plan.conflicts).toEqual([])
    expect(plan.text).toBe(
      v
        .replace('Hand off to tier 2.', 'Hand off to tier 2 within 4 hours.')
        .replace("version: '1.4.1'", "version: '1.4.2'")
        .replace('based_on: 1.4.0', 'based_on: 1.5.0'),
    )
    expect(plan.version).toEqual({from: '1.4.1', to: '1.4.2'})
    expect(plan.rebased).toBe(true)
  })

  it('keeps a conflict as it is, reports the upstream word diff, and leaves based_on while it remains', async () => {
    const b1 = B1_ESCALATION.replace('Resolve refund disputes fast.', 'Resolve refund disputes fast and fairly.')
    const v = variantText(B0_BODY.replace('Hand off to tier 2.', 'Hand off to the Berlin team.'))
    const plan = await port(B0_BODY, b1, v)
    expect(plan.ported.map(p => p.path)).toEqual(['Purpose'])
    expect(plan.conflicts.map(c => `${c.path}:${c.upstream}/${c.local}`)).toEqual(['Escalation:changed/changed'])
    expect(plan.conflicts[0]!.words.filter(w => w.type !== 'same').map(w => `${w.type}:${w.text.trim()}`)).toEqual([
      'added:within 4 hours',
    ])
    expect(plan.rebased).toBe(false)
    expect(plan.text).toBe(v.replace('fast.', 'fast and fairly.').replace("'1.4.1'", "'1.4.2'"))
  })

  it('changes nothing (not even the version) when every upstream change conflicts', async () => {
    const plan = await port(
      B0_BODY,
      B1_ESCALATION,
      variantText(B0_BODY.replace('Hand off to tier 2.', 'Hand off to the Berlin team.')),
    )
    expect(plan.conflicts).toHaveLength(1)
    expect(plan.text).toBeUndefined()
    expect(plan.version).toBeUndefined()
  })

  it("treats an upstream change under a live deviation as a conflict even where the text is the baseline's", async () => {
    const deviation = [
      'deviations:',
      '  - section: Escalation',
      '    reason: Works council',
      '    approver: legal@example.com',
      '    expires: 2027-12-31',
    ]
    const plan = await port(B0_BODY, B1_ESCALATION, variantText(B0_BODY, deviation))
    expect(plan.conflicts.map(c => `${c.path}:${c.local ?? 'deviation'}`)).toEqual(['Escalation:deviation'])
    const expired = deviation.map(l => l.replace('2027-12-31', '2026-01-01'))
    expect((await port(B0_BODY, B1_ESCALATION, variantText(B0_BODY, expired))).ported.map(p => p.path)).toEqual([
      'Escalation',
    ])
  })

  it("inserts a section added upstream after the one it follows, past that one's deeper sub-sections, with new sub-sections in order", async () => {
    const b1 = B0_BODY.replace(
      '## Escalation',
      '## Records\n\nKeep the log.\n\n### Retention\n\nFive years.\n\n## Escalation',
    )
    const v = variantText(
      B0_BODY.replace(
        'Escalate to a team lead.\n',
        'Escalate to a team lead.\n\n#### DE lead\n\nThe DACH lead decides.\n',
      ),
      ['deviations:', '  - section: Procedure', '    reason: local', '    approver: legal@example.com'],
    )
    const plan = await port(B0_BODY, b1, v)
    expect(plan.ported.map(p => `${p.path}:${p.change}`)).toEqual(['Records:added', 'Records > Retention:added'])
    expect(plan.text).toContain(
      'The DACH lead decides.\n\n## Records\n\nKeep the log.\n\n### Retention\n\nFive years.\n\n## Escalation\n',
    )
  })

  it('removes a section removed upstream when the market left it alone, and reports a conflict when it changed it', async () => {
    const b1 = B0_BODY.replace('### Refund above limit\n\nEscalate to a team lead.\n\n', '')
    const left = variantText(B0_BODY)
    expect((await port(B0_BODY, b1, left)).text).toBe(
      left
        .replace('### Refund above limit\n\nEscalate to a team lead.\n\n', '')
        .replace("'1.4.1'", "'1.4.2'")
        .replace('based_on: 1.4.0', 'based_on: 1.5.0'),
    )
    const changed = await port(
      B0_BODY,
      b1,
      variantText(B0_BODY.replace('Escalate to a team lead.', 'Escalate to the DE lead.')),
    )
    expect(changed.conflicts.map(c => `${c.path}:${c.upstream}/${c.local}`)).toEqual([
      'Procedure > Refund above limit:removed/changed',
    ])
  })

  it('is idempotent: planning again on its own result changes nothing', async () => {
    const b1 = B1_ESCALATION.replace('Resolve refund disputes fast.', 'Resolve refund disputes fast and fairly.')
    const v = variantText(B0_BODY.replace('Hand off to tier 2.', 'Hand off to the Berlin team.'))
    const first = await port(B0_BODY, b1, v)
    const second = await port(B0_BODY, b1, first.text!)
    expect(second.text).toBeUndefined()
    expect(second.conflicts.map(c => c.path)).toEqual(['Escalation'])
  })

  it("writes ported text in the variant's line endings and keeps its CRLF elsewhere", async () => {
    const v = variantText(B0_BODY).replace(/\n/g, '\r\n')
    const plan = await port(B0_BODY, B1_ESCALATION, v)
    expect(plan.text).toBe(
      v
        .replace('tier 2.', 'tier 2 within 4 hours.')
        .replace("'1.4.1'", "'1.4.2'")
        .replace('based_on: 1.4.0', 'based_on: 1.5.0'),
    )
  })

  it('sets based_on and bumps the version when only metadata moved upstream', async () => {
    const plan = await port(B0_BODY, B0_BODY, variantText(B0_BODY))
    expect(plan.ported).toEqual([])
    expect(plan.rebased).toBe(true)
    expect(plan.version?.to).toBe('1.4.2')
  })

  it('fills a section the variant left empty', async () => {
    const b0 = B0_BODY.replace('Hand off to tier 2.\n', '')
    const plan = await port(b0, B0_BODY, variantText(b0))
    expect(plan.text?.endsWith('## Escalation\n\nHand off to tier 2.\n')).toBe(true)
  })
})
