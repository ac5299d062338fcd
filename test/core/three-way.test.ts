// Every row of SPEC "Variants over time": the state of a section from merge base, baseline and variant.
import {describe, expect, it} from 'vitest'
import {outline} from '../../src/core/sections.js'
import {type ThreeWayState, threeWay, waiting} from '../../src/core/three-way.js'

/** A body from `path: text` pairs: "A" is a level-2 heading, "A > B" a level-3 one under it. */
function body(sections: Record<string, string>): string {
  return Object.entries(sections)
    .map(([path, text]) => `${'#'.repeat(path.split(' > ').length + 1)} ${path.split(' > ').at(-1)}\n\n${text}\n`)
    .join('\n')
}

const B0 = {
  Purpose: 'Resolve refunds.',
  Procedure: 'Check the order.',
  'Procedure > Above limit': 'Ask a lead.',
  Escalation: 'Tier 2.',
}

function states(
  base: Record<string, string>,
  baseline: Record<string, string>,
  variant: Record<string, string>,
  deviated: string[] = [],
): Record<string, ThreeWayState> {
  const result = threeWay({
    base: outline(body(base)).sections,
    baseline: outline(body(baseline)).sections,
    variant: outline(body(variant)).sections,
    underLiveDeviation: path => deviated.some(d => path === d || path.startsWith(`${d} > `)),
  })
  return Object.fromEntries(result.map(s => [s.path, s.state]))
}

describe('threeWay', () => {
  it('same: neither side changed the section', () => {
    expect(states(B0, B0, B0)).toEqual({
      Purpose: 'same',
      Procedure: 'same',
      'Procedure > Above limit': 'same',
      Escalation: 'same',
    })
  })

  it('upstream: the baseline changed it, the market did not', () => {
    expect(states(B0, {...B0, Escalation: 'Tier 2, within 4 hours.'}, B0).Escalation).toBe('upstream')
  })

  it('local: the market changed it, the baseline did not', () => {
    expect(states(B0, B0, {...B0, Escalation: 'Tier 2 in Berlin.'}).Escalation).toBe('local')
  })

  it('same: both changed it to the same text (already ported), whitespace aside', () => {
    expect(
      states(B0, {...B0, Escalation: 'Tier 2, within 4 hours.'}, {...B0, Escalation: 'Tier 2,\n  within 4 hours.'})
        .Escalation,
    ).toBe('same')
  })

  it('conflict: both changed it differently', () => {
    expect(
      states(B0, {...B0, Escalation: 'Tier 2, within 4 hours.'}, {...B0, Escalation: 'Tier 2 in Berlin.'}).Escalation,
    ).toBe('conflict')
  })

  it('treats re-wrapping as no change on either side', () => {
    expect(states(B0, {...B0, Purpose: 'Resolve\nrefunds.'}, {...B0, Purpose: 'Resolve   refunds.'}).Purpose).toBe(
      'same',
    )
  })

  it('a section added upstream is an upstream change placed after the section it follows in the baseline', () => {
    const baseline = {
      Purpose: B0.Purpose,
      Scope: 'All refunds.',
      Procedure: B0.Procedure,
      'Procedure > Above limit': B0['Procedure > Above limit'],
      Escalation: B0.Escalation,
    }
    const result = threeWay({
      base: outline(body(B0)).sections,
      baseline: outline(body(baseline)).sections,
      variant: outline(body(B0)).sections,
      underLiveDeviation: () => false,
    })
    expect(result.map(s => `${s.path}:${s.state}`)).toEqual([
      'Purpose:same',
      'Scope:upstream',
      'Procedure:same',
      'Procedure > Above limit:same',
      'Escalation:same',
    ])
    expect(result[1]!.upstream).toBe('added')
  })

  it('a section added on both sides is same when equal, a conflict otherwise', () => {
    expect(states(B0, {...B0, Notes: 'One.'}, {...B0, Notes: 'One.'}).Notes).toBe('same')
    expect(states(B0, {...B0, Notes: 'One.'}, {...B0, Notes: 'Two.'}).Notes).toBe('conflict')
  })

  it('a section removed upstream is an upstream change; removed upstream but changed by the market is a conflict', () => {
    const {Escalation: _gone, ...removed} = B0
    expect(states(B0, removed, B0).Escalation).toBe('upstream')
    expect(states(B0, removed, {...B0, Escalation: 'Tier 2 in Berlin.'}).Escalation).toBe('conflict')
  })

  it('a section removed on both sides is gone from the result', () => {
    const {Escalation: _gone, ...removed} = B0
    expect(states(B0, removed, removed)).not.toHaveProperty('Escalation')
  })

  it('sections the market added or removed are local', () => {
    const {Escalation: _gone, ...removed} = B0
    expect(states(B0, B0, {...B0, 'Local notes': 'BaFin.'})['Local notes']).toBe('local')
    expect(states(B0, B0, removed).Escalation).toBe('local')
  })

  it('an upstream change under a live deviation is always a conflict, even where the market kept the baseline text', () => {
    const baseline = {...B0, 'Procedure > Above limit': 'Ask a lead, then log it.'}
    expect(states(B0, baseline, B0, ['Procedure'])['Procedure > Above limit']).toBe('conflict')
    expect(states(B0, baseline, B0, ['Escalation'])['Procedure > Above limit']).toBe('upstream')
  })

  it("without history (merge base = today's baseline) every difference is local: the two-way comparison", () => {
    const variant = {...B0, Escalation: 'Tier 2 in Berlin.'}
    expect(states(B0, B0, variant).Escalation).toBe('local')
  })

  it('counts what waits: port-able upstream changes and conflicts', () => {
    const baseline = {...B0, Purpose: 'Resolve refunds fast.', Escalation: 'Tier 2, within 4 hours.'}
    const result = threeWay({
      base: outline(body(B0)).sections,
      baseline: outline(body(baseline)).sections,
      variant: outline(body({...B0, Escalation: 'Tier 2 in Berlin.'})).sections,
      underLiveDeviation: () => false,
    })
    expect(waiting(result)).toEqual({portable: 1, conflicts: 1})
  })
})
