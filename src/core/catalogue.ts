// The built-in catalogue: ISO 3166-1 markets, regions, channels, regimes and the rules tying them.
// Sources: ISO 3166-1 alpha-2 (names from the ICU data in Node), EU/EEA membership as of 2026,
// and each market's data-protection law as its regulator names it.

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

const EU = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ')

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
  MENA: {name: 'Middle East and North Africa', markets: 'AE BH DZ EG IL IQ IR JO KW LB LY MA OM PS QA SA SY TN YE'.split(' ')},
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

export const DEFAULT_COMPLIANCE: Record<string, {name: string}> = {
  GDPR: {name: 'EU General Data Protection Regulation (2016/679)'},
  'UK-GDPR': {name: 'UK GDPR and Data Protection Act 2018'},
  FADP: {name: 'Swiss revised Federal Act on Data Protection (2023)'},
  PDPA: {name: 'Personal Data Protection Act (SG 2012, MY 2010, TH 2019)'},
  'PH-DPA': {name: 'Philippines Data Privacy Act 2012'},
  'ID-PDP': {name: 'Indonesia Personal Data Protection Law (Law 27/2022)'},
  'VN-PDP': {name: 'Vietnam personal data protection (Decree 13/2023 and the PDP Law)'},
  APPI: {name: 'Japan Act on the Protection of Personal Information'},
  PIPA: {name: 'Korea Personal Information Protection Act'},
  PIPL: {name: 'China Personal Information Protection Law (2021)'},
  DPDP: {name: 'India Digital Personal Data Protection Act 2023'},
  'AU-PRIVACY': {name: 'Australian Privacy Act 1988'},
  'NZ-PRIVACY': {name: 'New Zealand Privacy Act 2020'},
  LGPD: {name: 'Brazil Lei Geral de Proteção de Dados'},
  CCPA: {name: 'California Consumer Privacy Act as amended by the CPRA'},
  PIPEDA: {name: "Canada PIPEDA (and Quebec's Law 25)"},
  LFPDPPP: {name: 'Mexico Federal Law on Protection of Personal Data'},
  'AR-PDP': {name: 'Argentina Personal Data Protection Law 25.326'},
  POPIA: {name: 'South Africa Protection of Personal Information Act'},
  NDPA: {name: 'Nigeria Data Protection Act 2023'},
  'KE-DPA': {name: 'Kenya Data Protection Act 2019'},
  'AE-PDPL': {name: 'UAE Personal Data Protection Law (Federal Decree-Law 45/2021)'},
  'SA-PDPL': {name: 'Saudi Arabia Personal Data Protection Law'},
  KVKK: {name: 'Turkey Personal Data Protection Law (KVKK)'},
  PSD2: {name: 'EU Payment Services Directive 2 (strong customer authentication)'},
  'UK-PSR': {name: 'UK Payment Services Regulations 2017 (strong customer authentication)'},
  DSA: {name: 'EU Digital Services Act (notice and action, statements of reasons)'},
  'UK-OSA': {name: 'UK Online Safety Act 2023'},
}

/** Which data-protection regime each market requires of every document that applies to it. */
const DATA_PROTECTION_BY_MARKET: Record<string, string> = {
  GB: 'UK-GDPR', CH: 'FADP', SG: 'PDPA', MY: 'PDPA', TH: 'PDPA', PH: 'PH-DPA', ID: 'ID-PDP',
  VN: 'VN-PDP', JP: 'APPI', KR: 'PIPA', CN: 'PIPL', IN: 'DPDP', AU: 'AU-PRIVACY', NZ: 'NZ-PRIVACY',
  BR: 'LGPD', US: 'CCPA', CA: 'PIPEDA', MX: 'LFPDPPP', AR: 'AR-PDP', ZA: 'POPIA', NG: 'NDPA',
  KE: 'KE-DPA', AE: 'AE-PDPL', SA: 'SA-PDPL', TR: 'KVKK',
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
}

export const DEFAULT_REQUIREMENTS: Requirement[] = [
  {when: {region: ['EEA']}, require: {compliance: ['GDPR']}, reason: 'GDPR applies in the EEA'},
  ...Object.entries(DATA_PROTECTION_BY_MARKET).map(([market, regime]) => ({
    when: {market: [market]},
    require: {compliance: [regime]},
    reason: `${regime} is ${market}'s data-protection law`,
  })),
  {when: {region: ['EEA'], topic: ['payments']}, require: {compliance: ['PSD2']}, reason: 'PSD2 strong customer authentication applies to payments in the EEA'},
  {when: {market: ['GB'], topic: ['payments']}, require: {compliance: ['UK-PSR']}, reason: 'the UK Payment Services Regulations apply to payments in GB'},
  {when: {region: ['EU'], topic: ['moderation']}, require: {compliance: ['DSA']}, reason: 'the DSA applies to platform moderation in the EU'},
  {when: {market: ['GB'], topic: ['moderation']}, require: {compliance: ['UK-OSA']}, reason: 'the Online Safety Act applies to platform moderation in GB'},
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
  'id', 'title', 'type', 'version', 'status', 'owner', 'markets', 'review_by',
]

export const DEFAULT_TYPES: Record<string, DocumentType> = {
  sop: {name: 'Standard operating procedures', fields: [...COMMON_FIELDS, 'channels', 'effective'],
    sections: ['Purpose', 'Scope', 'Procedure', 'Escalation']},
  strategy: {name: 'Strategies', fields: [...COMMON_FIELDS, 'channels'],
    sections: ['Context', 'Objectives', 'Approach', 'Metrics']},
  policy: {name: 'Policies', fields: [...COMMON_FIELDS, 'effective'],
    sections: ['Purpose', 'Scope', 'Standard', 'Exceptions']},
  flow: {name: 'Interaction flows', fields: [...COMMON_FIELDS, 'channels'],
    sections: ['Trigger', 'Steps', 'Hand-off']},
  'kb-article': {name: 'Knowledge-base articles', fields: [...COMMON_FIELDS, 'channels'],
    sections: ['Summary', 'Answer']},
  'automation-rule': {name: 'Automation rules', fields: [...COMMON_FIELDS, 'channels'],
    sections: ['Trigger', 'Conditions', 'Actions', 'Escalation']},
}

export const DEFAULT_STATUSES = ['draft', 'in-review', 'approved', 'deprecated', 'retired']

let regionNames: Intl.DisplayNames | undefined

/** A market's English name from ICU. Loading ICU's names costs more than checking a small repo, so only on first use. */
function marketName(code: string): string {
  regionNames ??= new Intl.DisplayNames(['en'], {type: 'region'})
  return regionNames.of(code) ?? code
}

/** Markets with their display names (looked up when first read) and the regions they sit in, most specific first. */
export function defaultMarkets(): Record<string, {name: string; regions: string[]}> {
  const markets: Record<string, {name: string; regions: string[]}> = {}
  for (const code of ISO_3166_1) {
    const regions = Object.keys(DEFAULT_REGIONS).filter((r) => DEFAULT_REGIONS[r]!.markets.includes(code))
    markets[code] = {get name() {
      return marketName(code)
    }, regions}
  }
  return markets
}
