import fc from 'fast-check'
import {beforeAll, describe, expect, it} from 'vitest'
import {loadMarkdownParser} from '../../src/core/markdown.js'
import {diffDocuments} from '../../src/diff/diff.js'
import {BASELINE, make, variant} from './fixtures.js'

beforeAll(loadMarkdownParser)

const today = '2026-11-22'
const diff = (b: string, classify = true) =>
  diffDocuments(make(BASELINE, 'sops/global/refund.md'), make(b), {classify, today})
const changes = (b: string) =>
  diff(b)
    .sections.filter(s => s.kind !== 'same')
    .map(s => `${s.kind}:${s.path}${'approval' in s && s.approval ? `:${s.approval}` : ''}`)

describe('diffDocuments', () => {
  it('finds no section change when only the H1 title differs', () => {
    expect(changes(variant({title: 'Refund (Singapore)'}))).toEqual([])
    expect(diff(variant()).fields.map(f => f.field)).toEqual(['title', 'version', 'markets', 'based_on'])
  })

  it('reports a changed section as drift, with the changed words', () => {
    const d = diff(variant({body: b => b.replace('USD 500', 'S$500')}))
    const changed = d.sections.find(s => s.kind === 'changed')!
    expect(changed).toMatchObject({path: 'Procedure > Refund above limit', approval: 'drift'})
    expect(
      'words' in changed && changed.words.filter(w => w.type !== 'same').map(w => `${w.type}:${w.text.trim()}`),
    ).toEqual(['removed:USD', 'added:S$'])
  })

  it('calls a change approved when a live deviation names the section (or a parent), expired when it lapsed', () => {
    const body = (b: string) => b.replace('USD 500', 'S$500')
    const live = '  - {section: Procedure > Refund above limit, reason: MAS, approver: a@b.co, expires: 2027-01-31}\n'
    const parent = '  - {section: Procedure, reason: MAS, approver: a@b.co}\n'
    const expired =
      '  - {section: Procedure > Refund above limit, reason: MAS, approver: a@b.co, expires: 2026-01-31}\n'
    expect(changes(variant({deviations: `deviations:\n${live}`, body}))).toEqual([
      'changed:Procedure > Refund above limit:approved',
    ])
    expect(changes(variant({deviations: `deviations:\n${parent}`, body}))).toEqual([
      'changed:Procedure > Refund above limit:approved',
    ])
    expect(changes(variant({deviations: `deviations:\n${expired}`, body}))).toEqual([
      'changed:Procedure > Refund above limit:expired',
    ])
  })

  it('reports added and removed sections in place', () => {
    const body = (b: string) => b.replace('## Escalation\n\nHand off to tier 2.\n', '## Appendix\n\nLocal numbers.\n')
    expect(changes(variant({body}))).toEqual(['removed:Escalation:drift', 'added:Appendix:drift'])
  })

  it('reports a reordered but unchanged section as one move, and not as changed', () => {
    const body = (b: string) => {
      const purpose = '## Purpose\n\nResolve refund disputes fast.\n\n'
      return b.replace(purpose, '').replace('## Escalation', `${purpose}## Escalation`)
    }
    expect(changes(variant({body}))).toEqual(['moved:Purpose'])
  })

  it('ignores re-wrapping', () => {
    expect(changes(variant({body: b => b.replace('Check the order.', 'Check\nthe   order.')}))).toEqual([])
  })

  it('does not judge when not asked to (a revision diff)', () => {
    const d = diff(variant({body: b => b.replace('USD 500', 'S$500')}), false)
    expect(d.sections.find(s => s.kind === 'changed')).not.toHaveProperty('approval')
  })
})

describe('diff properties', () => {
  const sectionName = fc.constantFrom('Purpose', 'Scope', 'Procedure', 'Escalation', 'Metrics', 'Hand-off', 'Appendix')
  const sentence = fc
    .array(fc.constantFrom('refund', 'the', 'agent', 'SLA', '2h', 'above', 'limit', 'S$500'), {
      minLength: 1,
      maxLength: 8,
    })
    .map(w => w.join(' '))
  const sections = fc.uniqueArray(fc.tuple(sectionName, sentence), {selector: ([n]) => n, minLength: 1, maxLength: 7})
  const docOf = (s: Array<[string, string]>) =>
    `---\nid: x\nmarkets: [GLOBAL]\n---\n# X\n\n${s.map(([n, t]) => `## ${n}\n\n${t}\n`).join('\n')}`

  it('a document diffed with itself has no differences', () => {
    fc.assert(
      fc.property(sections, s => {
        const d = diffDocuments(make(docOf(s)), make(docOf(s)), {classify: true, today})
        return d.fields.length === 0 && d.sections.every(c => c.kind === 'same')
      }),
    )
  })

  it('moving one section elsewhere is exactly one move', () => {
    fc.assert(
      fc.property(
        sections.filter(s => s.length >= 3),
        fc.nat(),
        fc.nat(),
        (s, from, to) => {
          const i = from % s.length
          const moved = [...s]
          const [section] = moved.splice(i, 1)
          const j = to % moved.length
          if (j === i) return true
          moved.splice(j, 0, section!)
          const d = diffDocuments(make(docOf(s)), make(docOf(moved)), {classify: false, today})
          const kinds = d.sections.filter(c => c.kind !== 'same').map(c => c.kind)
          return kinds.length === 1 && kinds[0] === 'moved'
        },
      ),
    )
  })
})

describe('diff --market M --against N', () => {
  it("judges M's differences as drift only against what M inherits, never against another market's variant", async () => {
    const {loadConfig} = await import('../../src/core/config.js')
    const {loadLibrary} = await import('../../src/core/loader.js')
    const {marketPair} = await import('../../src/diff/targets.js')
    const {tempRepo} = await import('../helpers/cli.js')
    const {doc} = await import('../helpers/docs.js')
    const repo = tempRepo({
      'sops/global/refund-escalation.md': doc(),
      'sops/SG/refund-escalation.md': doc({front: {markets: ['SG'], compliance: ['PDPA'], based_on: '1.4.0'}}),
      'sops/DE/refund-escalation.md': doc({
        front: {markets: ['DE'], compliance: ['GDPR'], based_on: '1.4.0'},
        body: '# Refund escalation\n\n## Purpose\n\nGerman.\n',
      }),
    })
    const library = await loadLibrary(loadConfig(repo))
    const family = library.families.get('refund-escalation')!
    expect(marketPair(library, family, 'SG', 'DE')).toMatchObject({
      classify: false,
      labels: ['sops/DE/refund-escalation.md', 'sops/SG/refund-escalation.md'],
    })
    expect(marketPair(library, family, 'SG')).toMatchObject({
      classify: true,
      labels: ['sops/global/refund-escalation.md', 'sops/SG/refund-escalation.md'],
    })
    expect(marketPair(library, family, 'SG', 'GLOBAL').classify).toBe(true)
  })
})

describe('word diffs of large sections', () => {
  const wordsOf = (seed: string, count: number) =>
    Array.from({length: count}, (_, i) => `${seed}${(i * 7919) % 100_003}`).join(' ')
  const withProcedure = (text: string) => (b: string) => b.replace('Escalate to a team lead above USD 500.', text)

  it('bounds the edit length: two 100 KB sections of different words fall back to a whole-section replacement, and say so', () => {
    const before = wordsOf('alpha', 14_000)
    const after = wordsOf('omega', 14_000)
    expect(before.length).toBeGreaterThan(100_000)
    const a = make(BASELINE.replace('Escalate to a team lead above USD 500.', before), 'sops/global/refund.md')
    const b = make(variant({body: withProcedure(after)}))
    const d = diffDocuments(a, b, {classify: true, today})
    // A bounded diff takes well under a second; the unbounded one took minutes.
    const changed = d.sections.find(s => s.kind === 'changed')!
    expect(changed).toMatchObject({path: 'Procedure > Refund above limit', coarse: 'section'})
    expect('words' in changed && changed.words.map(w => w.type)).toEqual(['removed', 'added'])
  })

  it('falls back to lines when the words differ too much but most lines are shared', () => {
    const lines = Array.from({length: 3000}, (_, i) => `Line ${i} ${wordsOf(`w${i}x`, 3)}`)
    const changedLines = lines.map((l, i) => (i % 10 !== 0 ? l : `${l} plus ${wordsOf(`new${i}y`, 40)}`))
    const a = make(
      BASELINE.replace('Escalate to a team lead above USD 500.', lines.join('\n')),
      'sops/global/refund.md',
    )
    const b = make(variant({body: withProcedure(changedLines.join('\n'))}))
    const changed = diffDocuments(a, b, {classify: false, today}).sections.find(s => s.kind === 'changed')!
    expect(changed).toMatchObject({coarse: 'lines'})
    expect('words' in changed && changed.words.filter(w => w.type === 'same').length).toBeGreaterThan(250)
  })

  it('keeps word diffs for ordinary edits', () => {
    const changed = diff(variant({body: b => b.replace('USD 500', 'S$500')})).sections.find(s => s.kind === 'changed')!
    expect(changed).not.toHaveProperty('coarse')
  })
})
