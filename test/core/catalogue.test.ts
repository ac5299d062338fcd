import {describe, expect, it} from 'vitest'
import {DEFAULT_COMPLIANCE, DEFAULT_REGIONS, DEFAULT_REQUIREMENTS, defaultMarkets} from '../../src/core/catalogue.js'

describe('built-in catalogue', () => {
  const markets = defaultMarkets()

  it('carries all 249 ISO 3166-1 alpha-2 codes with English names', () => {
    expect(Object.keys(markets)).toHaveLength(249)
    expect(markets.NO!.name).toBe('Norway')
    expect(markets.SG!.name).toBe('Singapore')
    for (const [code, m] of Object.entries(markets)) expect(m.name, code).not.toBe(code)
  })

  it('has the 27 EU members, and the EEA adds IS, LI and NO', () => {
    expect(DEFAULT_REGIONS.EU!.markets).toHaveLength(27)
    expect(DEFAULT_REGIONS.EEA!.markets.filter((m) => !DEFAULT_REGIONS.EU!.markets.includes(m)).sort()).toEqual(['IS', 'LI', 'NO'])
    expect(DEFAULT_REGIONS.EU!.markets).toContain('GR')
  })

  it('lists a market in its most specific region first', () => {
    expect(markets.DE!.regions).toEqual(['EU', 'EEA'])
    expect(markets.SG!.regions).toEqual(['SEA', 'APAC'])
    expect(markets.NO!.regions).toEqual(['EEA'])
    expect(markets.NA!.name).toBe('Namibia')
  })

  it('requires only compliance tags it defines, naming a reason for each', () => {
    for (const req of DEFAULT_REQUIREMENTS) {
      for (const tag of req.require.compliance) expect(DEFAULT_COMPLIANCE, tag).toHaveProperty(tag)
      expect(req.reason).toBeTruthy()
    }
  })
})
