import {describe, expect, it} from 'vitest'
import {brief, lintFixture, ofRule, runFixture, sop} from './harness.js'

const RULE = 'variant-outdated'

function variant(basedOn: string): string {
  return sop({markets: '[DE]', compliance: '[GDPR]'}, {extra: [`based_on: ${basedOn}`]})
}

async function check(baselineVersion: string, basedOn: string) {
  const files = {'sops/global/refund-escalation.md': sop({version: baselineVersion}), 'sops/DE/refund-escalation.md': variant(basedOn)}
  return ofRule(await lintFixture(files), RULE)
}

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('warns about a variant based on an older baseline version, at based_on', async () => {
    const findings = await check('1.4.0', '1.3.0')
    expect(brief(findings)).toEqual(['outdated@13:11'])
    expect(findings[0]).toMatchObject({file: 'sops/DE/refund-escalation.md', severity: 'warn'})
  })

  it('compares versions as semver, not as text (1.9.0 < 1.10.0)', async () => {
    expect(brief(await check('1.10.0', '1.9.0'))).toEqual(['outdated@13:11'])
    expect(await check('1.9.0', '1.10.0')).toEqual([])
  })

  it('accepts a variant based on the current baseline version', async () => {
    expect(await check('1.4.0', '1.4.0')).toEqual([])
  })

  it('counts a release after its own pre-release as newer', async () => {
    expect(brief(await check('2.0.0', '2.0.0-rc.1'))).toEqual(['outdated@13:11'])
  })

  it('says nothing without a baseline, or when a version is not semver (other rules report those)', async () => {
    expect(ofRule(await lintFixture({'sops/DE/refund-escalation.md': variant('1.0.0')}), RULE)).toEqual([])
    expect(await check('1.4.0', 'latest')).toEqual([])
    expect(await check('"1.4"', '1.3.0')).toEqual([])
  })
})
