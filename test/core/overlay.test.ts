// Overlay variants: the effective document (pure plan and text), and what every command reads of it.
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/core/config.js'
import {loadLibrary} from '../../src/core/loader.js'
import {planOverlay} from '../../src/core/overlay.js'
import {rebaseUrl} from '../../src/core/rebase.js'
import {outline} from '../../src/core/sections.js'
import {runCheck} from '../../src/check/engine.js'
import {SopkitError} from '../../src/core/errors.js'
import {diffDocuments} from '../../src/diff/diff.js'
import {marketPair} from '../../src/diff/targets.js'
import {assemblePlaybook} from '../../src/export/assemble.js'
import {chunksOf} from '../../src/export/render/chunks.js'
import {buildInventory} from '../../src/inventory/inventory.js'
import {tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

const BASELINE_BODY = `# Refund escalation

See [the dispute SOP](payment-dispute.md) first.

## Purpose

Resolve refund disputes fast.

## Scope

All refunds.

## Procedure

1. Check the order.

### Refund above limit

Escalate to a team lead.

### Refund to wallet

Refund to the wallet.

## Escalation

Hand off to tier 2 ([form](../forms/tier2.md#top)).
`

const overlay = (body: string, front: Record<string, unknown> = {}) =>
  doc({
    front: {
      title: 'Refund escalation (Brazil)',
      markets: ['BR'],
      compliance: ['LGPD'],
      based_on: '1.4.0',
      inherit: 'sections',
      ...front,
    },
    body,
  })

const paths = (baseline: string, mine: string) =>
  planOverlay(outline(baseline).sections, outline(mine).sections).sections.map(e => `${e.from}:${e.section.path}`)

describe('planOverlay', () => {
  it('replaces a section by heading path, keeping its inherited sub-sections', () => {
    expect(paths(BASELINE_BODY, '# BR\n\n## Procedure\n\n1. Check the order and the CPF.\n')).toEqual([
      'baseline:Purpose',
      'baseline:Scope',
      'overlay:Procedure',
      'baseline:Procedure > Refund above limit',
      'baseline:Procedure > Refund to wallet',
      'baseline:Escalation',
    ])
  })

  it("places an addition after the overlay section before it, past that section's sub-sections", () => {
    expect(paths(BASELINE_BODY, '## Procedure\n\nMine.\n\n## Procon complaints\n\nAnswer within 10 days.\n')).toEqual([
      'baseline:Purpose',
      'baseline:Scope',
      'overlay:Procedure',
      'baseline:Procedure > Refund above limit',
      'baseline:Procedure > Refund to wallet',
      'overlay:Procon complaints',
      'baseline:Escalation',
    ])
    expect(paths(BASELINE_BODY, '## Procedure\n\nMine.\n\n### Pix refunds\n\nBy Pix.\n')).toEqual([
      'baseline:Purpose',
      'baseline:Scope',
      'overlay:Procedure',
      'overlay:Procedure > Pix refunds',
      'baseline:Procedure > Refund above limit',
      'baseline:Procedure > Refund to wallet',
      'baseline:Escalation',
    ])
    expect(paths(BASELINE_BODY, '## First\n\nAt the top.\n')[0]).toBe('overlay:First')
  })

  it('keeps the baseline text of a heading the overlay lists only to place a sub-section', () => {
    expect(paths(BASELINE_BODY, '## Procedure\n\n### Refund to wallet\n\nTo the Pix key.\n')).toEqual([
      'baseline:Purpose',
      'baseline:Scope',
      'baseline:Procedure',
      'baseline:Procedure > Refund above limit',
      'overlay:Procedure > Refund to wallet',
      'baseline:Escalation',
    ])
  })

  it('removes a section whose whole content is the omit marker, with its sub-sections', () => {
    const plan = planOverlay(
      outline(BASELINE_BODY).sections,
      outline('## Procedure\n\n<!-- sopkit: omit -->\n').sections,
    )
    expect(plan.sections.map(e => e.section.path)).toEqual(['Purpose', 'Scope', 'Escalation'])
    expect(plan.omitted).toEqual(['Procedure', 'Procedure > Refund above limit', 'Procedure > Refund to wallet'])
    expect(plan.added).toEqual([])
  })

  it('matches heading paths as drift does (case and spacing aside) and lists the additions', () => {
    const plan = planOverlay(
      outline(BASELINE_BODY).sections,
      outline('## procedure\n\nMine.\n\n## Extra\n\nMore.\n').sections,
    )
    expect(plan.sections.filter(e => e.from === 'overlay').map(e => e.section.path)).toEqual(['procedure', 'Extra'])
    expect(plan.added.map(s => s.path)).toEqual(['Extra'])
  })
})

describe('rebaseUrl', () => {
  it('rewrites relative links for another folder and leaves the others as written', () => {
    expect(rebaseUrl('payment-dispute.md', 'sops/global/a.md', 'sops/BR/a.md')).toBe('../global/payment-dispute.md')
    expect(rebaseUrl('../forms/tier2.md#top', 'sops/global/a.md', 'sops/BR/a.md')).toBe('../forms/tier2.md#top')
    expect(rebaseUrl('./img/x.png?v=2', 'sops/global/a.md', 'sops/BR/deep/a.md')).toBe('../../global/img/x.png?v=2')
    for (const url of ['https://example.com/x', '#escalation', '/docs/x.md', 'mailto:a@b.c', ''])
      expect(rebaseUrl(url, 'sops/global/a.md', 'sops/BR/a.md')).toBe(url)
  })
})

describe('the effective document of an overlay', () => {
  const files = (
    baselineBody = BASELINE_BODY,
    overlayBody = '# Refund escalation (Brazil)\n\n## Procedure > Refund above limit\n',
  ) => ({
    'sops/global/refund-escalation.md': doc({body: baselineBody}),
    'sops/global/payment-dispute.md': doc({front: {id: 'payment-dispute', title: 'Payment dispute'}}),
    'sops/BR/refund-escalation.md': overlay(overlayBody),
  })
  const BR_OVERLAY = `# Refund escalation (Brazil)

## Procedure

### Refund above limit

Escalate to a team lead; refunds above R$ 2,000 need the finance desk.
`

  async function libraryOf(fileSet: Record<string, string>) {
    const repo = tempRepo(fileSet)
    const config = loadConfig(repo)
    return {repo, config, library: await loadLibrary(config)}
  }

  it('exports as the full document, links rewritten for its folder, jsonl chunks included', async () => {
    const {library} = await libraryOf(files(BASELINE_BODY, BR_OVERLAY))
    const p = assemblePlaybook(library, {
      market: 'BR',
      channels: [],
      types: [],
      statuses: ['approved'],
      date: '2026-05-01',
    })
    const br = p.documents.find(d => d.id === 'refund-escalation')!
    expect(br.file).toBe('sops/BR/refund-escalation.md')
    expect(br.title).toBe('Refund escalation (Brazil)')
    expect(br.sections.map(s => s.path)).toEqual([
      'Purpose',
      'Scope',
      'Procedure',
      'Procedure > Refund above limit',
      'Procedure > Refund to wallet',
      'Escalation',
    ])
    expect(br.sections.find(s => s.heading === 'Refund above limit')!.text).toContain('R$ 2,000')
    expect(br.sections.find(s => s.heading === 'Procedure')!.text).toBe('1. Check the order.')
    expect(br.preamble).toBe('See [the dispute SOP](../global/payment-dispute.md) first.')
    expect(br.links.find(l => l.url === '../global/payment-dispute.md')!.target).toMatchObject({
      kind: 'internal',
      id: 'payment-dispute',
    })
    const chunks = chunksOf(p).filter(c => c.id === 'refund-escalation')
    expect(chunks.map(c => c.section)).toContain('Escalation')
    expect(chunks.find(c => c.section === 'Escalation')!.text).toContain('](../forms/tier2.md#top)')
  })

  it('follows a later baseline edit of another section with no action, and diffs as one changed section', async () => {
    const edited = BASELINE_BODY.replace('Hand off to tier 2', 'Hand off to tier 2 within 4 hours')
    const {library} = await libraryOf(files(edited, BR_OVERLAY))
    const br = library.byPath.get([...library.byPath.keys()].find(k => k.endsWith('BR/refund-escalation.md'))!)!
    expect(br.outline.sections.find(s => s.path === 'Escalation')!.content).toContain('within 4 hours')
    const family = library.families.get('refund-escalation')!
    const pair = marketPair(library, family, 'BR')
    const diff = diffDocuments(pair.a, pair.b, {classify: pair.classify, today: '2026-05-01'})
    expect(diff.sections.filter(s => s.kind !== 'same')).toEqual([
      expect.objectContaining({kind: 'changed', path: 'Procedure > Refund above limit', approval: 'drift'}),
    ])
  })

  it('is what ls reads; an overlay of a missing baseline is a finding, and a one-line error for export and diff', async () => {
    const {repo, config, library} = await libraryOf({'sops/BR/refund-escalation.md': overlay(BR_OVERLAY)})
    const inventory = buildInventory(
      library,
      {markets: [], channels: [], types: [], statuses: [], owners: [], overdue: false},
      '2026-05-01',
    )
    expect(inventory.documents.map(r => r.file)).toEqual(['sops/BR/refund-escalation.md'])
    expect(library.documents[0]!.outline.sections.map(s => s.path)).toEqual([
      'Procedure',
      'Procedure > Refund above limit',
    ])
    const options = {market: 'BR', channels: [], types: [], statuses: ['approved'], date: '2026-05-01'}
    expect(() => assemblePlaybook(library, options)).toThrow(
      expect.objectContaining({code: 'OVERLAY_WITHOUT_BASELINE'}),
    )
    expect(() => marketPair(library, library.families.get('refund-escalation')!, 'BR')).toThrow(SopkitError)
    const result = await runCheck({config, cwd: repo, today: '2026-05-01'})
    expect(result.findings.map(f => [f.ruleId, f.messageId, f.line])).toContainEqual([
      'variant-has-baseline',
      'overlay',
      18,
    ])
  })

  it("check: required sections come from the baseline, an overridden section is drift in the overlay's file unless a deviation names it", async () => {
    const {repo, config} = await libraryOf(
      files(BASELINE_BODY, BR_OVERLAY + '\n## Procon complaints\n\nAnswer within 10 days.\n'),
    )
    const result = await runCheck({config, cwd: repo, today: '2026-05-01'})
    const br = result.findings.filter(f => f.file === 'sops/BR/refund-escalation.md')
    expect(br.filter(f => f.severity === 'error')).toEqual([])
    expect(br.map(f => [f.ruleId, f.messageId, f.line])).toEqual([
      ['no-drift', 'changed', expect.any(Number)],
      ['no-drift', 'added', expect.any(Number)],
    ])
    const text = files(BASELINE_BODY, BR_OVERLAY + '\n## Procon complaints\n\nAnswer within 10 days.\n')[
      'sops/BR/refund-escalation.md'
    ]
    const lines = text.split('\n')
    expect(lines[br[0]!.line - 1]).toBe('### Refund above limit')
    expect(lines[br[1]!.line - 1]).toBe('## Procon complaints')
  })

  it('check: a deviation naming the section approves it, and an omitted required section is reported', async () => {
    const deviations = [
      {
        section: 'Procedure > Refund above limit',
        reason: 'finance desk',
        approver: 'latam-legal@example.com',
        expires: '2099-01-01',
      },
    ]
    const {repo, config} = await libraryOf({
      ...files(),
      'sops/BR/refund-escalation.md': overlay(BR_OVERLAY, {deviations}),
      'sops/BR/payment-dispute.md': doc({
        front: {
          id: 'payment-dispute',
          title: 'Payment dispute (BR)',
          markets: ['BR'],
          compliance: ['LGPD'],
          based_on: '1.4.0',
          inherit: 'sections',
          deviations: [{section: 'Escalation', reason: 'Procon', approver: 'latam-legal@example.com'}],
        },
        body: '## Escalation\n\n<!-- sopkit: omit -->\n',
      }),
    })
    const result = await runCheck({config, cwd: repo, today: '2026-05-01'})
    expect(result.findings.filter(f => f.file === 'sops/BR/refund-escalation.md')).toEqual([])
    expect(
      result.findings.filter(f => f.file === 'sops/BR/payment-dispute.md').map(f => [f.ruleId, f.messageId]),
    ).toEqual([['require-sections', 'missing']])
  })
})
