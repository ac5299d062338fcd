import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/core/config.js'
import {SopDocument} from '../../src/core/document.js'
import {buildLibrary, inheritedFor, isOutdated, resolveVariant} from '../../src/core/library.js'

const config = resolveConfig('/repo', undefined, {})
const make = (file: string, markets: string[], extra = '') =>
  new SopDocument(file, `/repo/${file}`, `---\nid: refund\nversion: "1.4.0"\nmarkets: [${markets.join(', ')}]\n${extra}---\n# T\n`)

describe('families and the variant resolver', () => {
  const baseline = make('global.md', ['GLOBAL'])
  const sg = make('sg.md', ['SG', 'MY'], 'based_on: "1.3.0"\n')
  const eu = make('eu.md', ['EU'], 'based_on: "1.4.0"\n')
  const de = make('de.md', ['DE'], 'based_on: "1.4.0"\n')
  const library = buildLibrary(config, [baseline, sg, eu, de])
  const family = library.families.get('refund')!

  it('splits a family into its baseline and variants', () => {
    expect(family.baselines).toEqual([baseline])
    expect(family.variants).toEqual([sg, eu, de])
  })

  it("picks the market's own variant first", () => {
    expect(resolveVariant(config.taxonomy, family, 'MY')).toEqual({via: 'market', document: sg})
    expect(resolveVariant(config.taxonomy, family, 'DE')).toEqual({via: 'market', document: de})
  })

  it("then the variant of the market's first region with one", () => {
    expect(resolveVariant(config.taxonomy, family, 'FR')).toEqual({via: 'region', region: 'EU', document: eu})
  })

  it('then the baseline', () => {
    expect(resolveVariant(config.taxonomy, family, 'NO')).toEqual({via: 'baseline', document: baseline})
    expect(resolveVariant(config.taxonomy, family, 'US')).toEqual({via: 'baseline', document: baseline})
  })

  it('gives what a variant would inherit without itself', () => {
    expect(inheritedFor(config.taxonomy, family, de)?.document).toBe(eu)
    expect(inheritedFor(config.taxonomy, family, sg)?.document).toBe(baseline)
    expect(inheritedFor(config.taxonomy, family, eu)?.document).toBe(baseline)
  })

  it('knows an outdated variant', () => {
    expect(isOutdated(sg, baseline)).toBe(true)
    expect(isOutdated(de, baseline)).toBe(false)
  })
})

describe('equalIgnoringWhitespace', () => {
  it('agrees with comparing whitespace-collapsed text', async () => {
    const {equalIgnoringWhitespace} = await import('../../src/core/drift.js')
    const fc = (await import('fast-check')).default
    const text = fc.string({unit: fc.constantFrom('a', 'b', ' ', '\n', '\t', '\u00a0', '\u2003', 'é')})
    fc.assert(fc.property(text, text, (a, b) => {
      const norm = (s: string) => s.replace(/\s+/g, ' ').trim()
      return equalIgnoringWhitespace(a.trim(), b.trim()) === (norm(a) === norm(b))
    }), {numRuns: 5000})
  })
})
