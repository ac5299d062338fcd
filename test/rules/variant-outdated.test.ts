import {describe, expect, it} from 'vitest'
import {SOP_BODY} from '../helpers/docs.js'
import {checkRepo, commit, gitRepo} from '../helpers/git.js'
import {brief, lintFixture, ofRule, runFixture, sop} from './harness.js'

const RULE = 'variant-outdated'

function variant(basedOn: string): string {
  return sop({markets: '[DE]', compliance: '[GDPR]'}, {extra: [`based_on: ${basedOn}`]})
}

async function check(baselineVersion: string, basedOn: string) {
  const files = {
    'sops/global/refund-escalation.md': sop({version: baselineVersion}),
    'sops/DE/refund-escalation.md': variant(basedOn),
  }
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

describe(`${RULE} with the merge base from git`, () => {
  const B = 'sops/global/refund-escalation.md'
  const DE = 'sops/DE/refund-escalation.md'

  async function outdated(root: string) {
    return (await checkRepo(root)).findings.filter(f => f.ruleId === RULE && f.file === DE)
  }

  it('says how many upstream changes wait, how many port can take, and names the port command', async () => {
    const root = gitRepo({
      [B]: sop({version: '1.4.0'}),
      [DE]: sop(
        {markets: '[DE]', compliance: '[GDPR]'},
        {extra: ['based_on: 1.4.0'], body: SOP_BODY.replace('Hand off to tier 2.', 'Hand off to the Berlin team.')},
      ),
    })
    commit(root, {
      [B]: sop(
        {version: '1.5.0'},
        {
          body: SOP_BODY.replace('Hand off to tier 2.', 'Hand off to tier 2 within 4 hours.')
            .replace('Resolve refund disputes fast.', 'Resolve refund disputes fast and fairly.')
            .replace('All refunds.', 'All refunds and returns.'),
        },
      ),
    })
    const findings = await outdated(root)
    expect(brief(findings)).toEqual(['waiting@13:11'])
    expect(findings[0]!.message).toBe(
      'Variant is based on 1.4.0 but the baseline sops/global/refund-escalation.md is at 1.5.0: ' +
        '3 upstream changes (2 can be ported automatically, 1 conflict)',
    )
    expect(findings[0]!.mend).toMatch(/^run `sopkit port refund-escalation --market DE`/)
  })

  it('says when only the version moved upstream', async () => {
    const root = gitRepo({[B]: sop({version: '1.4.0'}), [DE]: variant('1.4.0')})
    commit(root, {[B]: sop({version: '1.4.1'})})
    expect(brief(await outdated(root))).toEqual(['metadata@13:11'])
  })
})
