import {describe, expect, it} from 'vitest'
import {SOP_BODY} from '../helpers/docs.js'
import {checkRepo, commit, gitRepo, writeFiles} from '../helpers/git.js'
import {positionOf, lintFixture, ofRule, runFixture, sop} from './harness.js'

const RULE = 'no-drift'
const BASELINE = sop()

/** A DE variant of refund-escalation with this body and these extra front-matter lines. */
function variant(body: string, extra: string[] = [], market = 'DE', compliance = 'GDPR'): string {
  return sop({markets: `[${market}]`, compliance: `[${compliance}]`}, {extra: ['based_on: 1.4.0', ...extra], body})
}

function deviation(section: string, expires?: string): string[] {
  return [
    'deviations:',
    `  - section: ${section}`,
    '    reason: Local law',
    '    approver: legal@example.com',
    ...(expires ? [`    expires: ${expires}`] : []),
  ]
}

/** no-drift findings of sops/DE/refund-escalation.md beside the baseline (and any other files). */
async function drift(text: string, others: Record<string, string> = {}): Promise<string[]> {
  const files = {'sops/global/refund-escalation.md': BASELINE, 'sops/DE/refund-escalation.md': text, ...others}
  return ofRule(await lintFixture(files), RULE)
    .filter(f => f.file === 'sops/DE/refund-escalation.md')
    .map(f => `${f.messageId}@${f.line}:${f.column}`)
}

/** `messageId@line:col` of the body heading `needle` in `text`. */
function atHeading(messageId: string, text: string, needle: string): string {
  const {line, column} = positionOf(text, needle, text.indexOf('\n---\n'))
  return `${messageId}@${line}:${column}`
}

const CHANGED_ESCALATION = SOP_BODY.replace('Hand off to tier 2.', 'Hand off to tier 2 in Berlin.')

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('warns `changed` at a changed section that no deviation approves', async () => {
    const text = variant(CHANGED_ESCALATION)
    expect(await drift(text)).toEqual([atHeading('changed', text, '## Escalation')])
    const files = {'sops/global/refund-escalation.md': BASELINE, 'sops/DE/refund-escalation.md': text}
    expect(ofRule(await lintFixture(files), RULE).map(f => f.severity)).toEqual(['warn'])
  })

  it('accepts a changed section a live deviation names', async () => {
    expect(await drift(variant(CHANGED_ESCALATION, deviation('Escalation', '2027-01-31')))).toEqual([])
  })

  it('treats a deviation without expires as live, and one expiring today as live', async () => {
    expect(await drift(variant(CHANGED_ESCALATION, deviation('Escalation')))).toEqual([])
    expect(await drift(variant(CHANGED_ESCALATION, deviation('Escalation', '2026-11-22')))).toEqual([])
  })

  it('reports `expired` when the deviation has expired', async () => {
    const text = variant(CHANGED_ESCALATION, deviation('Escalation', '2026-11-21'))
    expect(await drift(text)).toEqual([atHeading('expired', text, '## Escalation')])
  })

  it("matches the deviation's section name regardless of case and spacing", async () => {
    expect(await drift(variant(CHANGED_ESCALATION, deviation('escalation', '2027-01-31')))).toEqual([])
  })

  it('lets a deviation for a section cover its sub-sections', async () => {
    const body = SOP_BODY.replace('Escalate to a team lead.', 'Escalate to the DE lead.')
    expect(await drift(variant(body, deviation('Procedure', '2027-01-31')))).toEqual([])
    const text = variant(body)
    expect(await drift(text)).toEqual([atHeading('changed', text, '### Refund above limit')])
  })

  it('says nothing when only the H1 title differs', async () => {
    expect(await drift(variant(SOP_BODY.replace('# Refund escalation', '# Rückerstattung (Deutschland)')))).toEqual([])
  })

  it('reports `added` at a section only the variant has', async () => {
    const text = variant(`${SOP_BODY}\n## Local notes\n\nBaFin rules.\n`)
    expect(await drift(text)).toEqual([atHeading('added', text, '## Local notes')])
  })

  it('reports `removed` at the title when a baseline section is missing', async () => {
    const text = variant(SOP_BODY.replace('### Refund above limit\n\nEscalate to a team lead.\n\n', ''))
    expect(await drift(text)).toEqual([atHeading('removed', text, '# Refund escalation')])
  })

  it('says nothing of a whitespace-only re-wrap', async () => {
    const body = SOP_BODY.replace('Resolve refund disputes fast.', 'Resolve  refund\ndisputes\n   fast.').replace(
      'Hand off to tier 2.\n',
      'Hand off to tier 2.\n\n\n',
    )
    expect(await drift(variant(body))).toEqual([])
  })

  it('compares a DE variant with the EU variant when one exists', async () => {
    const euBody = SOP_BODY.replace('All refunds.', 'All refunds in the EU.')
    const eu = sop({markets: '[EU]', compliance: '[GDPR]'}, {extra: ['based_on: 1.4.0'], body: euBody})
    // Same as EU (and so different from the baseline): no drift.
    expect(await drift(variant(euBody), {'sops/EU/refund-escalation.md': eu})).toEqual([])
    // Same as the baseline (and so different from EU): Scope drifted from what DE inherits.
    const text = variant(SOP_BODY)
    expect(await drift(text, {'sops/EU/refund-escalation.md': eu})).toEqual([atHeading('changed', text, '## Scope')])
  })

  it('compares with the EEA variant for Norway, which is not in the EU', async () => {
    const eeaBody = SOP_BODY.replace('All refunds.', 'All refunds in the EEA.')
    const eea = sop({markets: '[EEA]', compliance: '[GDPR]'}, {extra: ['based_on: 1.4.0'], body: eeaBody})
    const files = {
      'sops/global/refund-escalation.md': BASELINE,
      'sops/EEA/refund-escalation.md': eea,
      'sops/NO/refund-escalation.md': variant(eeaBody, [], 'NO'),
    }
    expect(ofRule(await lintFixture(files), RULE).filter(f => f.file === 'sops/NO/refund-escalation.md')).toEqual([])
  })

  it('never reports a baseline, nor a variant of a family without a baseline', async () => {
    const files = {
      'sops/global/refund-escalation.md': BASELINE,
      'sops/DE/refund-escalation.md': variant(CHANGED_ESCALATION),
    }
    expect(ofRule(await lintFixture(files), RULE).filter(f => f.file.startsWith('sops/global/'))).toEqual([])
    expect(ofRule(await lintFixture({'sops/DE/refund-escalation.md': variant(CHANGED_ESCALATION)}), RULE)).toEqual([])
  })

  it('says nothing when the reference cannot be read', async () => {
    const broken = '---\nid: refund-escalation\nmarkets: [GLOBAL\n---\n# Refund escalation\n'
    expect(await drift(variant(CHANGED_ESCALATION), {'sops/global/refund-escalation.md': broken})).toEqual([])
  })
})

describe(`${RULE} against the merge base (git history)`, () => {
  const B = 'sops/global/refund-escalation.md'
  const DE = 'sops/DE/refund-escalation.md'
  const BUMPED = sop(
    {version: '1.5.0'},
    {body: SOP_BODY.replace('Escalate to a team lead.', 'Escalate to a team lead and log it.')},
  )

  async function driftIn(root: string): Promise<string[]> {
    return (await checkRepo(root)).findings
      .filter(f => f.ruleId === RULE && f.file === DE)
      .map(f => `${f.messageId}@${f.line}:${f.column}`)
  }

  it('never reports a baseline edit as drift of a variant that did not touch the section', async () => {
    const root = gitRepo({[B]: BASELINE, [DE]: variant(SOP_BODY)})
    commit(root, {[B]: BUMPED})
    expect(await driftIn(root)).toEqual([])
  })

  it("still reports the variant's own unapproved change, beside the baseline edit", async () => {
    const text = variant(CHANGED_ESCALATION)
    const root = gitRepo({[B]: BASELINE, [DE]: text})
    commit(root, {[B]: BUMPED})
    expect(await driftIn(root)).toEqual([atHeading('changed', text, '## Escalation')])
  })

  it('reports an unapproved change the baseline also changed (a conflict) as drift too', async () => {
    const text = variant(SOP_BODY.replace('Escalate to a team lead.', 'Escalate to the DE lead.'))
    const root = gitRepo({[B]: BASELINE, [DE]: text})
    commit(root, {[B]: BUMPED})
    expect(await driftIn(root)).toEqual([atHeading('changed', text, '### Refund above limit')])
  })

  it("without history judges against today's baseline (the old behaviour) and says why once", async () => {
    const root = gitRepo({'README.md': 'x'})
    writeFiles(root, {[B]: BUMPED, [DE]: variant(SOP_BODY)})
    const {findings, notes} = await checkRepo(root)
    const text = variant(SOP_BODY)
    expect(findings.filter(f => f.ruleId === RULE).map(f => `${f.messageId}@${f.line}:${f.column}`)).toEqual([
      atHeading('changed', text, '### Refund above limit'),
    ])
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatch(/fetch-depth: 0/)
  })
})
