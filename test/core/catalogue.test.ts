import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/core/config.js'
import {requiredCompliance} from '../../src/core/taxonomy.js'
import {DEFAULT_COMPLIANCE, DEFAULT_REGIONS, DEFAULT_REQUIREMENTS, defaultMarkets} from '../../src/core/catalogue.js'

describe('built-in catalogue', () => {
  const markets = defaultMarkets()

  it('carries all 249 ISO 3166-1 alpha-2 codes and the ISO 3166-2 subdivisions with laws of their own, with English names', () => {
    expect(Object.keys(markets).filter(code => /^[A-Z]{2}$/.test(code))).toHaveLength(249)
    expect(
      Object.keys(markets)
        .filter(code => code.includes('-'))
        .sort(),
    ).toEqual(['CA-QC', 'US-CA', 'US-CO', 'US-CT', 'US-OR', 'US-TX', 'US-UT', 'US-VA'])
    expect(markets['US-CA']!.name).toBe('California')
    expect(markets.NO!.name).toBe('Norway')
    expect(markets.SG!.name).toBe('Singapore')
    for (const [code, m] of Object.entries(markets)) expect(m.name, code).not.toBe(code)
  })

  it('has the 27 EU members and the EU territories with their own codes, and the EEA adds IS, LI and NO', () => {
    // TFEU Art. 349 outermost regions with ISO codes, and Åland (Art. 355(4)): EU territory.
    expect(DEFAULT_REGIONS.EU!.markets).toHaveLength(27 + 7)
    for (const territory of ['RE', 'GP', 'MQ', 'GF', 'YT', 'MF', 'AX'])
      expect(DEFAULT_REGIONS.EEA!.markets).toContain(territory)
    expect(DEFAULT_REGIONS.EEA!.markets.filter(m => !DEFAULT_REGIONS.EU!.markets.includes(m)).sort()).toEqual([
      'IS',
      'LI',
      'NO',
    ])
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

/**
 * What each market the catalogue names requires, with the law and article beside each row. Facts:
 * data protection for every document; chatbot/ai-agent channels, consumer topics and payment
 * services add theirs. The run's date is fixed, after every start date in the catalogue.
 */
describe('regimes per market', () => {
  const config = resolveConfig('/repo', undefined, {})
  const today = '2026-12-01'
  const tags = (market: string, facts: {channels?: string[]; topics?: string[]} = {}): string[] =>
    requiredCompliance(config, {markets: [market], channels: facts.channels ?? [], topics: facts.topics ?? [], today})
      .map(r => r.tag)
      .sort()

  // [market, data-protection tags, citation]
  const dataProtection: Array<[string, string[], string]> = [
    ['DE', ['GDPR'], 'GDPR Art. 3'],
    ['FR', ['GDPR'], 'GDPR Art. 3'],
    ['RE', ['GDPR'], 'GDPR Art. 3; TFEU Art. 349 (outermost region)'],
    ['GP', ['GDPR'], 'TFEU Art. 349'],
    ['MQ', ['GDPR'], 'TFEU Art. 349'],
    ['GF', ['GDPR'], 'TFEU Art. 349'],
    ['YT', ['GDPR'], 'TFEU Art. 349'],
    ['MF', ['GDPR'], 'TFEU Art. 349'],
    ['AX', ['GDPR'], 'TFEU Art. 355(4) (Åland)'],
    ['NO', ['GDPR'], 'EEA Joint Committee Decision 154/2018'],
    ['IS', ['GDPR'], 'EEA Joint Committee Decision 154/2018'],
    ['LI', ['GDPR'], 'EEA Joint Committee Decision 154/2018'],
    ['GB', ['UK-GDPR'], 'UK GDPR Art. 3; DPA 2018'],
    ['CH', ['FADP'], 'FADP (SR 235.1) Art. 3'],
    ['SG', ['SG-PDPA'], 'PDPA 2012 (Singapore) s.4'],
    ['MY', ['MY-PDPA'], 'PDPA 2010 (Malaysia, Act 709) s.2'],
    ['TH', ['TH-PDPA'], 'PDPA B.E. 2562 (Thailand) s.5'],
    ['PH', ['PH-DPA'], 'RA 10173 s.4'],
    ['ID', ['ID-PDP'], 'Law 27/2022 Art. 2'],
    ['VN', ['VN-PDP'], 'Decree 13/2023/ND-CP Art. 1'],
    ['JP', ['APPI'], 'APPI Art. 2'],
    ['KR', ['PIPA'], 'PIPA Art. 1'],
    ['CN', ['PIPL'], 'PIPL Art. 3'],
    ['IN', ['DPDP'], 'DPDP Act 2023 s.3'],
    ['AU', ['AU-PRIVACY'], 'Privacy Act 1988 (Cth) s.6'],
    ['NZ', ['NZ-PRIVACY'], 'Privacy Act 2020 s.4'],
    ['BR', ['LGPD'], 'Law 13.709/2018 Art. 3'],
    ['US', [], 'no federal comprehensive privacy law; state laws apply only to state markets'],
    ['US-CA', ['CCPA'], 'Cal. Civ. Code §1798.140'],
    ['US-CO', ['CO-CPA'], 'C.R.S. §6-1-1304'],
    ['US-CT', ['CTDPA'], 'Conn. Gen. Stat. §42-516'],
    ['US-OR', ['OCPA'], 'ORS 646A.572'],
    ['US-TX', ['TDPSA'], 'Tex. Bus. & Com. Code §541.002'],
    ['US-UT', ['UCPA'], 'Utah Code §13-61-102'],
    ['US-VA', ['VCDPA'], 'Va. Code §59.1-576'],
    ['CA', ['PIPEDA'], 'PIPEDA s.4'],
    ['CA-QC', ['PIPEDA', 'QC-LAW25'], 'PIPEDA s.4; CQLR c. P-39.1 s.1'],
    ['MX', ['LFPDPPP'], 'LFPDPPP (DOF 20 March 2025) Art. 1'],
    ['AR', ['AR-PDP'], 'Law 25.326 Art. 1'],
    ['ZA', ['POPIA'], 'POPIA s.3'],
    ['NG', ['NDPA'], 'NDPA 2023 s.2'],
    ['KE', ['KE-DPA'], 'Data Protection Act 2019 s.4'],
    ['AE', ['AE-PDPL'], 'Federal Decree-Law 45/2021 Art. 2'],
    ['SA', ['SA-PDPL'], 'PDPL Art. 2'],
    ['TR', ['KVKK'], 'Law 6698 Art. 2'],
  ]
  it.each(dataProtection)('%s requires %j (%s)', (market, expected) => {
    expect(tags(market)).toEqual([...expected].sort())
  })

  // [market, tags a chatbot/ai-agent document adds, citation]
  const aiDisclosure: Array<[string, string[], string]> = [
    ['DE', ['AI-ACT', 'DSA'], 'Reg. 2024/1689 Art. 50(1) from 2026-08-02; Reg. 2022/2065 Art. 12'],
    ['RE', ['AI-ACT', 'DSA'], 'as DE: EU territory'],
    ['NO', [], 'neither the AI Act nor the DSA is yet in the EEA Agreement'],
    ['KR', ['KR-AI-BASIC'], 'AI Basic Act Art. 31, from 2026-01-22'],
    ['US-CA', ['CA-BOT'], 'Cal. B&P Code §17941'],
    ['US-UT', ['UT-AIPA'], 'Utah Code §13-75-103'],
    ['US-CO', ['CO-AI'], 'C.R.S. §6-1-1704, from 2026-06-30'],
    ['CN', ['CN-AI-LABEL'], 'AI-generated content labelling measures, from 2025-09-01'],
    ['US', [], 'no federal bot-disclosure law'],
    ['SG', [], 'no statutory AI disclosure duty'],
  ]
  it.each(aiDisclosure)('an ai-agent document for %s adds %j (%s)', (market, added) => {
    const added_ = tags(market, {channels: ['ai-agent']}).filter(t => !tags(market).includes(t))
    expect(added_).toEqual([...added].sort())
    expect(tags(market, {channels: ['chatbot']})).toEqual(tags(market, {channels: ['ai-agent']}))
  })

  // [market, topic, tags the topic adds, citation]
  const topics: Array<[string, string, string[], string]> = [
    ['DE', 'refunds', ['EU-CRD'], 'Directive 2011/83 Arts. 9, 13'],
    ['NO', 'returns', ['EU-CRD'], 'Directive 2011/83 (EEA-relevant)'],
    ['GB', 'cancellation', ['UK-CCR', 'UK-CRA'], 'CCR 2013 regs. 29, 34; CRA 2015 ss.19–24'],
    ['BR', 'returns', ['BR-CDC'], 'Law 8.078/1990 Art. 49'],
    ['DE', 'payment-services', ['PSD2'], 'Directive 2015/2366 Arts. 71–74, 97, 101'],
    ['GB', 'unauthorised-payments', ['UK-PSR'], 'PSRs 2017 regs. 75–77'],
    ['DE', 'payments', [], 'a refund or payment topic is not a payment service'],
    ['FR', 'moderation', ['DSA'], 'Reg. 2022/2065 Arts. 16, 17'],
    ['FR', 'complaints', ['DSA'], 'Reg. 2022/2065 Art. 20'],
    ['GB', 'moderation', ['UK-OSA'], 'Online Safety Act 2023'],
    ['DE', 'seller-policy', ['P2B'], 'Reg. 2019/1150 Arts. 3, 4, 5, 11'],
  ]
  it.each(topics)('a %s document on %s adds %j (%s)', (market, topic, added) => {
    expect(tags(market, {topics: [topic]}).filter(t => !tags(market).includes(t))).toEqual([...added].sort())
  })

  it('requires the EAA of EU self-service from 2025-06-28 (Directive 2019/882 Art. 4)', () => {
    expect(tags('DE', {channels: ['self-service']})).toEqual(['EAA', 'GDPR'])
    const before = requiredCompliance(config, {
      markets: ['DE'],
      channels: ['self-service'],
      topics: [],
      today: '2025-06-27',
    })
    expect(before.map(r => r.tag)).toEqual(['GDPR'])
  })

  it('cites a law for every built-in requirement', () => {
    for (const req of DEFAULT_REQUIREMENTS) expect(req.citation, JSON.stringify(req.when)).toBeTruthy()
  })
})
