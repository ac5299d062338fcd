import {describe, expect, it} from 'vitest'
import {brief, lintRule, runFixture, sop} from './harness.js'

const RULE = 'valid-version'

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('accepts semantic versions, with pre-release and build parts', async () => {
    for (const version of ['1.4.0', '0.0.1', '10.20.30', '2.0.0-rc.1', '1.4.0+de.1']) {
      expect(await lintRule(RULE, sop({version})), version).toEqual([])
    }
  })

  it('reports a version that is not MAJOR.MINOR.PATCH at its value', async () => {
    for (const version of ['"1.4"', '"1"', 'latest', '1.4.0.1', '01.4.0', '"=1.4.0"']) {
      expect(brief(await lintRule(RULE, sop({version}))), version).toEqual(['invalid@5:10'])
    }
  })

  it('reports a `version: 1.10` that YAML read as a number, by what was written', async () => {
    expect(brief(await lintRule(RULE, sop({version: '1.10'})))).toEqual(['invalid@5:10'])
  })

  it('checks based_on too', async () => {
    expect(await lintRule(RULE, sop({markets: '[DE]', compliance: '[GDPR]'}, {extra: ['based_on: 1.3.0']}))).toEqual([])
    expect(
      brief(await lintRule(RULE, sop({markets: '[DE]', compliance: '[GDPR]'}, {extra: ['based_on: "1.3"']}))),
    ).toEqual(['invalid@13:11'])
    expect(brief(await lintRule(RULE, sop({version: '"1.4"'}, {extra: ['based_on: latest']})))).toEqual([
      'invalid@5:10',
      'invalid@13:11',
    ])
  })

  it('rejects a "v" prefix: `v1.4.0` is not a semantic version (semver.org FAQ)', async () => {
    expect(brief(await lintRule(RULE, sop({version: 'v1.4.0'})))).toEqual(['invalid@5:10'])
    expect(
      brief(await lintRule(RULE, sop({markets: '[DE]', compliance: '[GDPR]'}, {extra: ['based_on: v1.3.0']}))),
    ).toEqual(['invalid@13:11'])
  })
})
