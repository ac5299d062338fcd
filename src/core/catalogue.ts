// The built-in catalogue: ISO 3166-1 markets (and the ISO 3166-2 subdivisions with laws of their own), regions,
// channels, regimes and the rules tying them.
// Sources: ISO 3166-1 alpha-2 (names from the ICU data in Node), EU/EEA membership as of 2026,
// and each market's data-protection law as its regulator names it.
import {memo} from './memo.js'

/** All 249 officially assigned ISO 3166-1 alpha-2 codes. */
const ISO_3166_1 = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS ' +
  'BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE ' +
  'EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM ' +
  'HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC ' +
  'LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA ' +
  'NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO ' +
  'TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ')

const EU_MEMBERS = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ')
// Territories with their own ISO codes that are EU territory (TFEU Art. 349 outermost regions, and Åland
// under Art. 355(4)), so EU law, GDPR included, applies there: a RE document needs GDPR like an FR one.
const EU_TERRITORIES = 'RE GP MQ GF YT MF AX'.split(' ')
const EU = [...EU_MEMBERS, ...EU_TERRITORIES]

/**
 * ISO 3166-2 subdivisions that are markets of their own because a law of theirs binds documents for
 * them: the US states with comprehensive privacy laws, and Quebec. A state's law applies only to a
 * document that names the state, never to "US" as a whole.
 */
const SUBDIVISIONS: Record<string, string> = {
  'US-CA': 'California',
  'US-CO': 'Colorado',
  'US-CT': 'Connecticut',
  'US-OR': 'Oregon',
  'US-TX': 'Texas',
  'US-UT': 'Utah',
  'US-VA': 'Virginia',
  'CA-QC': 'Quebec',
}

export const DEFAULT_REGIONS: Record<string, {name: string; markets: string[]}> = {
  EU: {name: 'European Union', markets: EU},
  EEA: {name: 'European Economic Area', markets: [...EU, 'IS', 'LI', 'NO']},
  SEA: {name: 'Southeast Asia', markets: 'BN KH ID LA MY MM PH SG TH TL VN'.split(' ')},
  APAC: {
    name: 'Asia-Pacific',
    markets: 'AU BD BN CN FJ HK ID IN JP KH KR LA LK MM MN MO MY NP NZ PG PH PK SG TH TL TW VN'.split(' '),
  },
  LATAM: {name: 'Latin America', markets: 'AR BO BR CL CO CR CU DO EC GT HN HT MX NI PA PE PR PY SV UY VE'.split(' ')},
  // NA is Namibia's ISO code, so North America is NORAM.
  NORAM: {name: 'North America', markets: ['US', 'CA']},
  MENA: {
    name: 'Middle East and North Africa',
    markets: 'AE BH DZ EG IL IQ IR JO KW LB LY MA OM PS QA SA SY TN YE'.split(' '),
  },
}

export const DEFAULT_CHANNELS: Record<string, {name: string}> = {
  'self-service': {name: 'Self-service (help centre, knowledge base)'},
  chatbot: {name: 'Chatbot (scripted intents)'},
  'ai-agent': {name: 'AI agent (generative, tool-using)'},
  'agent-assisted': {name: 'Agent-assisted (any human channel)'},
  'live-chat': {name: 'Live chat with an agent'},
  email: {name: 'Email / ticket'},
  phone: {name: 'Phone / voice'},
  social: {name: 'Social media and messaging apps'},
}

/** One tag per law, named with the law and where it is published. */
export const DEFAULT_COMPLIANCE: Record<string, {name: string}> = {
  GDPR: {name: 'EU General Data Protection Regulation (Reg. 2016/679)'},
  'UK-GDPR': {name: 'UK GDPR and Data Protection Act 2018'},
  FADP: {name: 'Swiss revised Federal Act on Data Protection (SR 235.1, in force 2023)'},
  'SG-PDPA': {name: 'Singapore Personal Data Protection Act 2012'},
  'MY-PDPA': {name: 'Malaysia Personal Data Protection Act 2010 (Act 709)'},
  'TH-PDPA': {name: 'Thailand Personal Data Protection Act B.E. 2562 (2019)'},
  'PH-DPA': {name: 'Philippines Data Privacy Act 2012 (RA 10173)'},
  'ID-PDP': {name: 'Indonesia Personal Data Protection Law (Law 27/2022)'},
  'VN-PDP': {name: 'Vietnam personal data protection (Decree 13/2023 and the PDP Law)'},
  APPI: {name: 'Japan Act on the Protection of Personal Information'},
  PIPA: {name: 'Korea Personal Information Protection Act'},
  PIPL: {name: 'China Personal Information Protection Law (2021)'},
  DPDP: {name: 'India Digital Personal Data Protection Act 2023'},
  'AU-PRIVACY': {name: 'Australian Privacy Act 1988'},
  'NZ-PRIVACY': {name: 'New Zealand Privacy Act 2020'},
  LGPD: {name: 'Brazil Lei Geral de Proteção de Dados (Law 13.709/2018)'},
  CCPA: {name: 'California Consumer Privacy Act as amended by the CPRA (Cal. Civ. Code §1798.100 ff.)'},
  'CO-CPA': {name: 'Colorado Privacy Act (C.R.S. §6-1-1301 ff.)'},
  CTDPA: {name: 'Connecticut Data Privacy Act (Conn. Gen. Stat. §42-515 ff.)'},
  OCPA: {name: 'Oregon Consumer Privacy Act (ORS 646A.570 ff.)'},
  TDPSA: {name: 'Texas Data Privacy and Security Act (Tex. Bus. & Com. Code ch. 541)'},
  UCPA: {name: 'Utah Consumer Privacy Act (Utah Code §13-61)'},
  VCDPA: {name: 'Virginia Consumer Data Protection Act (Va. Code §59.1-575 ff.)'},
  PIPEDA: {name: 'Canada Personal Information Protection and Electronic Documents Act'},
  'QC-LAW25': {name: "Quebec's Law 25 (Act respecting the protection of personal information in the private sector)"},
  LFPDPPP: {name: 'Mexico Federal Law on Protection of Personal Data Held by Private Parties (DOF 20 March 2025)'},
  'AR-PDP': {name: 'Argentina Personal Data Protection Law 25.326'},
  POPIA: {name: 'South Africa Protection of Personal Information Act'},
  NDPA: {name: 'Nigeria Data Protection Act 2023'},
  'KE-DPA': {name: 'Kenya Data Protection Act 2019'},
  'AE-PDPL': {name: 'UAE Personal Data Protection Law (Federal Decree-Law 45/2021)'},
  'SA-PDPL': {name: 'Saudi Arabia Personal Data Protection Law'},
  KVKK: {name: 'Turkey Personal Data Protection Law (KVKK, Law 6698)'},
  PSD2: {name: 'EU Payment Services Directive 2 (Directive 2015/2366), binding payment service providers'},
  'UK-PSR': {name: 'UK Payment Services Regulations 2017'},
  DSA: {name: 'EU Digital Services Act (Reg. 2022/2065)'},
  'UK-OSA': {name: 'UK Online Safety Act 2023'},
  'AI-ACT': {name: 'EU AI Act (Reg. 2024/1689)'},
  'KR-AI-BASIC': {name: 'Korea Framework Act on the Development of AI and Establishment of Trust (AI Basic Act)'},
  'CA-BOT': {name: 'California bot disclosure law (B&P Code §17940–17943)'},
  'UT-AIPA': {name: 'Utah Artificial Intelligence Policy Act (Utah Code §13-75)'},
  'CO-AI': {name: 'Colorado AI Act (SB 24-205, C.R.S. §6-1-1701 ff.)'},
  'CN-AI-LABEL': {name: 'China Measures for Labelling AI-Generated Synthetic Content (2025)'},
  'EU-CRD': {name: 'EU Consumer Rights Directive (Directive 2011/83, as amended by 2023/2673)'},
  'UK-CCR': {name: 'UK Consumer Contracts Regulations 2013'},
  'UK-CRA': {name: 'UK Consumer Rights Act 2015'},
  'UK-DMCC': {name: 'UK Digital Markets, Competition and Consumers Act 2024'},
  'BR-CDC': {name: 'Brazil Consumer Defence Code (Law 8.078/1990)'},
  P2B: {name: 'EU Platform-to-Business Regulation (Reg. 2019/1150)'},
  EAA: {name: 'European Accessibility Act (Directive 2019/882)'},
}

/** Each market's data-protection law, with the citation that makes it apply. */
const DATA_PROTECTION_BY_MARKET: Record<string, {tag: string; citation: string}> = {
  GB: {tag: 'UK-GDPR', citation: 'UK GDPR Art. 3; Data Protection Act 2018 s.207'},
  CH: {tag: 'FADP', citation: 'FADP (SR 235.1) Art. 3'},
  SG: {tag: 'SG-PDPA', citation: 'PDPA 2012 (Singapore) s.4'},
  MY: {tag: 'MY-PDPA', citation: 'PDPA 2010 (Malaysia, Act 709) s.2'},
  TH: {tag: 'TH-PDPA', citation: 'PDPA B.E. 2562 (Thailand) s.5'},
  PH: {tag: 'PH-DPA', citation: 'Data Privacy Act 2012 (RA 10173) s.4'},
  ID: {tag: 'ID-PDP', citation: 'Law 27/2022 (Indonesia) Art. 2'},
  VN: {tag: 'VN-PDP', citation: 'Decree 13/2023/ND-CP Art. 1'},
  JP: {tag: 'APPI', citation: 'APPI (Act No. 57 of 2003) Art. 2'},
  KR: {tag: 'PIPA', citation: 'PIPA (Korea) Art. 1'},
  CN: {tag: 'PIPL', citation: 'PIPL (2021) Art. 3'},
  IN: {tag: 'DPDP', citation: 'DPDP Act 2023 s.3'},
  AU: {tag: 'AU-PRIVACY', citation: 'Privacy Act 1988 (Cth) s.6; Australian Privacy Principles'},
  NZ: {tag: 'NZ-PRIVACY', citation: 'Privacy Act 2020 (NZ) s.4'},
  BR: {tag: 'LGPD', citation: 'LGPD (Law 13.709/2018) Art. 3'},
  CA: {tag: 'PIPEDA', citation: 'PIPEDA (S.C. 2000, c. 5) s.4'},
  'CA-QC': {tag: 'PIPEDA', citation: 'PIPEDA s.4 (interprovincial and international transfers)'},
  MX: {tag: 'LFPDPPP', citation: 'LFPDPPP (DOF 20 March 2025) Art. 1'},
  AR: {tag: 'AR-PDP', citation: 'Law 25.326 Art. 1'},
  ZA: {tag: 'POPIA', citation: 'POPIA (Act 4 of 2013) s.3'},
  NG: {tag: 'NDPA', citation: 'NDPA 2023 s.2'},
  KE: {tag: 'KE-DPA', citation: 'Data Protection Act 2019 (Kenya) s.4'},
  AE: {tag: 'AE-PDPL', citation: 'Federal Decree-Law 45/2021 Art. 2'},
  SA: {tag: 'SA-PDPL', citation: 'PDPL (Royal Decree M/19) Art. 2'},
  TR: {tag: 'KVKK', citation: 'KVKK (Law 6698) Art. 2'},
  'US-CA': {tag: 'CCPA', citation: 'Cal. Civ. Code §1798.140, §1798.100'},
  'US-CO': {tag: 'CO-CPA', citation: 'C.R.S. §6-1-1304'},
  'US-CT': {tag: 'CTDPA', citation: 'Conn. Gen. Stat. §42-516'},
  'US-OR': {tag: 'OCPA', citation: 'ORS 646A.572'},
  'US-TX': {tag: 'TDPSA', citation: 'Tex. Bus. & Com. Code §541.002'},
  'US-UT': {tag: 'UCPA', citation: 'Utah Code §13-61-102'},
  'US-VA': {tag: 'VCDPA', citation: 'Va. Code §59.1-576'},
}

export interface RequirementCondition {
  market?: string[]
  region?: string[]
  channel?: string[]
  type?: string[]
  topic?: string[]
}

export interface Requirement {
  when: RequirementCondition
  require: {compliance: string[]}
  reason?: string
  /** The law and article that impose it. */
  citation?: string
  /** First day (YYYY-MM-DD) it applies, compared with the run's date. */
  from?: string
}

/** Channels where a customer may talk to a machine: the AI disclosure laws' scope. */
const BOT_CHANNELS = ['chatbot', 'ai-agent']
/** Topics where the customer's statutory rights to withdraw, return or get money back apply. */
const CONSUMER_TOPICS = ['refunds', 'returns', 'cancellation']
/** Topics where the platform itself provides a payment service (PSD2 Annex I), not a merchant refund. */
const PAYMENT_SERVICE_TOPICS = ['payment-services', 'unauthorised-payments', 'strong-customer-authentication']

export const DEFAULT_REQUIREMENTS: Requirement[] = [
  {
    when: {region: ['EEA']},
    require: {compliance: ['GDPR']},
    reason: 'GDPR applies in the EEA (including the EU outermost regions and Åland)',
    citation: 'GDPR Art. 3; EEA Joint Committee Decision 154/2018',
  },
  ...Object.entries(DATA_PROTECTION_BY_MARKET).map(([market, {tag, citation}]) => ({
    when: {market: [market]},
    require: {compliance: [tag]},
    reason: `${tag} is ${market}'s data-protection law`,
    citation,
  })),
  {
    when: {market: ['CA-QC']},
    require: {compliance: ['QC-LAW25']},
    reason: "Quebec's Law 25 governs personal information in Quebec, automated decisions included",
    citation: 'Private-sector personal information act (CQLR c. P-39.1) ss.1, 12.1',
  },
  {
    when: {region: ['EEA'], topic: PAYMENT_SERVICE_TOPICS},
    require: {compliance: ['PSD2']},
    reason:
      'PSD2 binds payment service providers: unauthorised transactions, complaints answered within ' +
      "15 business days, SCA by the payer's provider",
    citation: 'Directive 2015/2366 Arts. 71–74, 97, 101',
  },
  {
    when: {market: ['GB'], topic: PAYMENT_SERVICE_TOPICS},
    require: {compliance: ['UK-PSR']},
    reason: 'the UK Payment Services Regulations bind payment service providers in GB',
    citation: 'Payment Services Regulations 2017 regs. 75–77, 100, 101',
  },
  {
    when: {region: ['EU'], topic: ['moderation']},
    require: {compliance: ['DSA']},
    reason: 'the DSA applies to notice and action and statements of reasons in the EU',
    citation: 'Reg. 2022/2065 Arts. 16, 17',
  },
  {
    when: {region: ['EU'], topic: ['complaints']},
    require: {compliance: ['DSA']},
    reason: 'DSA complaint decisions must not be taken solely by automated means',
    citation: 'Reg. 2022/2065 Art. 20(6)',
  },
  {
    when: {region: ['EU'], channel: BOT_CHANNELS},
    require: {compliance: ['DSA']},
    reason: 'a DSA point of contact for recipients must not rely solely on automated tools',
    citation: 'Reg. 2022/2065 Art. 12(1)',
  },
  {
    when: {market: ['GB'], topic: ['moderation']},
    require: {compliance: ['UK-OSA']},
    reason: 'the Online Safety Act applies to platform moderation in GB',
    citation: 'Online Safety Act 2023 ss.10, 21',
  },
  {
    when: {region: ['EU'], channel: BOT_CHANNELS},
    require: {compliance: ['AI-ACT']},
    from: '2026-08-02',
    reason: 'people must be told they are interacting with an AI system, at the latest at the first interaction',
    citation: 'Reg. 2024/1689 Art. 50(1), 50(5); applies from 2 August 2026 (Art. 113)',
  },
  {
    when: {market: ['KR'], channel: BOT_CHANNELS},
    require: {compliance: ['KR-AI-BASIC']},
    from: '2026-01-22',
    reason: 'users must be notified in advance that a service is operated by generative AI',
    citation: 'AI Basic Act (Korea) Art. 31',
  },
  {
    when: {market: ['US-CA'], channel: BOT_CHANNELS},
    require: {compliance: ['CA-BOT']},
    reason: 'a bot that communicates with people in California to sell or influence must disclose it is a bot',
    citation: 'Cal. B&P Code §17941',
  },
  {
    when: {market: ['US-UT'], channel: BOT_CHANNELS},
    require: {compliance: ['UT-AIPA']},
    reason:
      'generative AI must disclose it is not a human when a consumer asks (at the outset in regulated ' +
      'occupations)',
    citation: 'Utah Code §13-75-103',
  },
  {
    when: {market: ['US-CO'], channel: BOT_CHANNELS},
    require: {compliance: ['CO-AI']},
    from: '2026-06-30',
    reason: 'an AI system intended to interact with consumers must disclose that they are interacting with AI',
    citation: 'C.R.S. §6-1-1704',
  },
  {
    when: {market: ['CN'], channel: BOT_CHANNELS},
    require: {compliance: ['CN-AI-LABEL']},
    from: '2025-09-01',
    reason: 'AI-generated text in human-like conversation must carry an explicit label',
    citation: 'Measures for Labelling AI-Generated Synthetic Content Arts. 4, 6',
  },
  {
    when: {region: ['EEA'], topic: CONSUMER_TOPICS},
    require: {compliance: ['EU-CRD']},
    reason: '14-day withdrawal, refund within 14 days by the same means of payment',
    citation: 'Directive 2011/83 Arts. 9, 13 (Art. 11a withdrawal function from 19 June 2026)',
  },
  {
    when: {market: ['GB'], topic: CONSUMER_TOPICS},
    require: {compliance: ['UK-CCR', 'UK-CRA']},
    reason: '14-day cancellation for distance contracts; statutory rights to reject, repair, replace or refund',
    citation: 'Consumer Contracts Regulations 2013 regs. 29, 34; Consumer Rights Act 2015 ss.19–24',
  },
  {
    when: {market: ['BR'], topic: CONSUMER_TOPICS},
    require: {compliance: ['BR-CDC']},
    reason: '7-day right of withdrawal for purchases made outside a commercial establishment',
    citation: 'Law 8.078/1990 (CDC) Art. 49',
  },
  {
    when: {region: ['EU'], topic: ['seller-policy']},
    require: {compliance: ['P2B']},
    reason: 'terms for business users: clarity, notice of changes, restriction reasons, internal complaint handling',
    citation: 'Reg. 2019/1150 Arts. 3, 4, 5, 11',
  },
  {
    when: {region: ['EU'], channel: ['self-service']},
    require: {compliance: ['EAA']},
    from: '2025-06-28',
    reason: 'support services of e-commerce (help desks, chat) must be accessible',
    citation: 'Directive 2019/882 Art. 4, Annex I Section IV',
  },
]
export interface DocumentType {
  /** What a group of these documents is called, e.g. in a playbook's table of contents. */
  name: string
  fields: string[]
  sections: string[]
}

/**
 * The fields every document needs, whatever its type: the one list behind every built-in type, a
 * configured type that lists no fields, and a document whose type is unknown. `review_by` is among
 * them: every document is reviewed (review-overdue needs the date), and `new` always writes one.
 */
export const COMMON_FIELDS: readonly string[] = [
  'id',
  'title',
  'type',
  'version',
  'status',
  'owner',
  'markets',
  'review_by',
]

export const DEFAULT_TYPES: Record<string, DocumentType> = {
  sop: {
    name: 'Standard operating procedures',
    fields: [...COMMON_FIELDS, 'channels', 'effective'],
    sections: ['Purpose', 'Scope', 'Procedure', 'Escalation'],
  },
  strategy: {
    name: 'Strategies',
    fields: [...COMMON_FIELDS, 'channels'],
    sections: ['Context', 'Objectives', 'Approach', 'Metrics'],
  },
  policy: {
    name: 'Policies',
    fields: [...COMMON_FIELDS, 'effective'],
    sections: ['Purpose', 'Scope', 'Standard', 'Exceptions'],
  },
  flow: {name: 'Interaction flows', fields: [...COMMON_FIELDS, 'channels'], sections: ['Trigger', 'Steps', 'Hand-off']},
  'kb-article': {
    name: 'Knowledge-base articles',
    fields: [...COMMON_FIELDS, 'channels'],
    sections: ['Summary', 'Answer'],
  },
  'automation-rule': {
    name: 'Automation rules',
    fields: [...COMMON_FIELDS, 'channels'],
    sections: ['Trigger', 'Conditions', 'Actions', 'Escalation'],
  },
  // What a generative agent or chatbot tells users, may do, must not do, and how it is evaluated and stopped:
  // every section is required because each answers a duty (AI Act Art. 50 disclosure, GDPR Art. 22 review,
  // DSA Art. 12 human contact) or an incident the review found (actions outside limits, invented answers).
  'ai-agent': {
    name: 'AI agent specifications',
    fields: [...COMMON_FIELDS, 'channels', 'effective'],
    sections: [
      'Disclosure',
      'Allowed intents and actions',
      'Prohibited actions',
      'Knowledge sources',
      'Confidence and hand-off',
      'Personal data',
      'Minors and vulnerable users',
      'Languages',
      'Evaluation',
      'Kill switch',
      'Model and prompt version',
      'Human review of decisions',
    ],
  },
}

export const DEFAULT_STATUSES = ['draft', 'in-review', 'approved', 'deprecated', 'retired']

let regionNames: Intl.DisplayNames | undefined
/** Names already asked of ICU (one per ISO code at most): `import` names a market on every row. */
const namesAsked = new Map<string, string>()

/** A market's English name from ICU. Loading ICU's names costs more than checking a small repo, so only on first use. */
function marketName(code: string): string {
  return memo(namesAsked, code, () => {
    regionNames ??= new Intl.DisplayNames(['en'], {type: 'region'})
    return regionNames.of(code) ?? code
  })
}

/** Markets with their display names (looked up when first read) and the regions they sit in, most specific first. */
export function defaultMarkets(): Record<string, {name: string; regions: string[]}> {
  const markets: Record<string, {name: string; regions: string[]}> = {}
  for (const code of ISO_3166_1) {
    const regions = Object.keys(DEFAULT_REGIONS).filter(r => DEFAULT_REGIONS[r]!.markets.includes(code))
    markets[code] = {
      get name() {
        return marketName(code)
      },
      regions,
    }
  }
  for (const [code, name] of Object.entries(SUBDIVISIONS)) markets[code] = {name, regions: []}
  return markets
}
