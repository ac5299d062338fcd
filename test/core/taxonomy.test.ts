import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/core/config.js'
import {concreteMarkets, isKnownMarket, requiredCompliance, suggest} from '../../src/core/taxonomy.js'

const config = resolveConfig('/repo', undefined, {})
const tags = (markets: string[], extra: {topics?: string[]; channels?: string[]; type?: string} = {}) =>
  requiredCompliance(config, {markets, channels: extra.channels ?? [], topics: extra.topics ?? [], type: extra.type})
    .map(r => r.tag)
    .sort()

describe('taxonomy', () => {
  it('knows markets, regions and GLOBAL', () => {
    for (const code of ['SG', 'NO', 'EU', 'SEA', 'GLOBAL'])
      expect(isKnownMarket(config.taxonomy, code), code).toBe(true)
    expect(isKnownMarket(config.taxonomy, 'SGG')).toBe(false)
    expect(isKnownMarket(config.taxonomy, 'sg')).toBe(false)
  })

  it('expands regions to their markets', () => {
    expect(concreteMarkets(config.taxonomy, ['EU']).size).toBe(34)
    expect([...concreteMarkets(config.taxonomy, ['SG', 'GLOBAL'])]).toEqual(['SG'])
  })

  it('suggests a near miss, preferring the same first letter, and nothing when far', () => {
    const codes = [...Object.keys(config.taxonomy.markets), 'GLOBAL']
    expect(suggest('SGG', codes)).toBe('SG')
    expect(suggest('sg', codes)).toBe('SG')
    expect(suggest('GLOBL', codes)).toBe('GLOBAL')
    expect(suggest('chatbott', Object.keys(config.taxonomy.channels))).toBe('chatbot')
    expect(suggest('xylophone', Object.keys(config.taxonomy.channels))).toBeUndefined()
  })
})

describe('required compliance', () => {
  it('requires GDPR across the EEA, Norway included', () => {
    expect(tags(['DE'])).toEqual(['GDPR'])
    expect(tags(['NO'])).toEqual(['GDPR'])
    expect(tags(['EU'])).toEqual(['GDPR'])
  })

  it('requires each market its own regime', () => {
    expect(tags(['GB'])).toEqual(['UK-GDPR'])
    expect(tags(['SG', 'MY', 'TH'])).toEqual(['MY-PDPA', 'SG-PDPA', 'TH-PDPA'])
    expect(tags(['BR'])).toEqual(['LGPD'])
    expect(tags(['US'])).toEqual([])
    expect(tags(['US-CA'])).toEqual(['CCPA'])
    expect(tags(['CA'])).toEqual(['PIPEDA'])
    expect(tags(['CA-QC'])).toEqual(['PIPEDA', 'QC-LAW25'])
  })

  it('adds PSD2 for EEA payment services (never for refunds) and the DSA for EU moderation', () => {
    expect(tags(['DE'], {topics: ['payment-services']})).toEqual(['GDPR', 'PSD2'])
    expect(tags(['DE'], {topics: ['payments', 'refunds']})).toEqual(['EU-CRD', 'GDPR'])
    expect(tags(['NO'], {topics: ['moderation']})).toEqual(['GDPR'])
    expect(tags(['FR'], {topics: ['moderation']})).toEqual(['DSA', 'GDPR'])
    expect(tags(['GB'], {topics: ['payment-services', 'moderation']})).toEqual(['UK-GDPR', 'UK-OSA', 'UK-PSR'])
  })

  it('requires nothing of a GLOBAL baseline', () => {
    expect(tags(['GLOBAL'])).toEqual([])
  })
})

describe('prototype names are not markets', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('%s is unknown and covers nothing', name => {
    expect(isKnownMarket(config.taxonomy, name)).toBe(false)
    expect([...concreteMarkets(config.taxonomy, [name])]).toEqual([])
    expect(tags([name])).toEqual([])
  })
})
