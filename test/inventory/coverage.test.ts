// `sopkit coverage` without the CLI: both matrices through the one resolver, and the gaps.
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/core/config.js'
import {loadLibrary} from '../../src/core/loader.js'
import {buildCoverage} from '../../src/inventory/coverage.js'
import type {Coverage} from '../../src/inventory/model.js'
import {ROOT} from '../helpers/cli.js'
import {fixtureLibrary} from './fixtures.js'

const cell = (coverage: Coverage, id: string, market: string) => {
  const family = coverage.families.find(f => f.id === id)!
  return family.cells[coverage.markets.indexOf(market)]!
}

describe('buildCoverage on a fixture library', () => {
  it('takes the markets the live documents name, and leaves out families with only retired documents', async () => {
    const {library} = await fixtureLibrary()
    const coverage = buildCoverage(library)
    expect(coverage.markets).toEqual(['DE', 'EU', 'SG'])
    expect(coverage.families.map(f => f.id)).toEqual(['de-only', 'refund-escalation', 'where-is-my-order'])
  })

  it("says what each market reads: its own variant, a region's, the baseline, or nothing", async () => {
    const {library} = await fixtureLibrary()
    const coverage = buildCoverage(library)
    expect(cell(coverage, 'refund-escalation', 'DE')).toEqual({
      market: 'DE',
      state: 'region',
      region: 'EU',
      file: 'sops/EU/refund-escalation.md',
      status: 'approved',
      gap: false,
    })
    // A draft variant is not in force: SG reads the approved baseline, and the draft is shown as pending, never as SG's own.
    expect(cell(coverage, 'refund-escalation', 'SG')).toEqual({
      market: 'SG',
      state: 'baseline',
      file: 'sops/global/refund-escalation.md',
      status: 'approved',
      gap: true,
      pending: {file: 'sops/SG/refund-escalation.md', status: 'draft'},
    })
    expect(cell(coverage, 'where-is-my-order', 'SG')).toMatchObject({state: 'baseline', gap: false})
    // A DE-only document is out of SG's scope: nothing there is expected, so it is no gap.
    expect(cell(coverage, 'de-only', 'SG')).toEqual({market: 'SG', state: 'none', gap: false, outOfScope: true})
  })

  it('shows the markets asked for, and marks the baseline of a localised family as a gap', async () => {
    const {library} = await fixtureLibrary()
    const coverage = buildCoverage(library, {markets: ['FR', 'GB']})
    expect(coverage.markets).toEqual(['FR', 'GB'])
    expect(cell(coverage, 'refund-escalation', 'FR')).toMatchObject({state: 'region', region: 'EU', gap: false})
    expect(cell(coverage, 'refund-escalation', 'GB')).toMatchObject({state: 'baseline', gap: true})
    expect(coverage.gaps).toEqual([{id: 'refund-escalation', market: 'GB', state: 'baseline'}])
  })

  it('counts channels over approved documents only (a draft variant leaves its market on the baseline)', async () => {
    const {library} = await fixtureLibrary()
    const coverage = buildCoverage(library)
    const sg = coverage.marketChannels.find(m => m.market === 'SG')!
    expect(sg.channels.find(c => c.channel === 'agent-assisted')!.ids).toEqual(['refund-escalation'])
    expect(sg.missing).toEqual(['ai-agent', 'live-chat', 'email', 'phone', 'social'])
    const de = coverage.marketChannels.find(m => m.market === 'DE')!
    expect(de.channels.find(c => c.channel === 'email')!.ids).toEqual(['de-only'])
    expect(de.missing).not.toContain('email')
  })

  it('filters families by type', async () => {
    const {library} = await fixtureLibrary()
    expect(buildCoverage(library, {types: ['kb-article']}).families.map(f => f.id)).toEqual(['where-is-my-order'])
  })
})

describe('buildCoverage on the bundled library', () => {
  it('shows the gaps the library carries', async () => {
    const coverage = buildCoverage(await loadLibrary(loadConfig(ROOT)))
    expect(coverage.markets).toEqual(['BR', 'DE', 'GB', 'ID', 'KR', 'MY', 'SG', 'US'])
    expect(cell(coverage, 'return-request-escalation', 'GB')).toMatchObject({state: 'own'})
    expect(cell(coverage, 'return-request-escalation', 'DE')).toMatchObject({state: 'baseline', gap: true})
    expect(cell(coverage, 'order-not-received', 'SG')).toMatchObject({state: 'baseline', gap: true})
    expect(cell(coverage, 'order-not-received', 'BR')).toMatchObject({state: 'baseline', gap: true})
    expect(cell(coverage, 'refund-escalation', 'US')).toMatchObject({state: 'own', outdated: true})
    expect(coverage.gaps).toContainEqual({id: 'return-request-escalation', market: 'DE', state: 'baseline'})
  })
})
