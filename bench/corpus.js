#!/usr/bin/env node
// Deterministic, seeded generator of realistic SOP libraries for the benchmark.
//
//   node bench/corpus.js --count 1000 [--seed 20260115] [--out DIR] [--force]
//
// The same seed and count give a byte-identical corpus: one small PRNG (mulberry32) drives
// every choice, dates are fixed calendar dates (no clock), names are hard-coded (no Intl, whose
// data changes with the ICU version), and files are written in a fixed order. A corpus is a
// folder with `sops/global/<id>.md` baselines (markets: [GLOBAL]) and market or region
// variants in `sops/<MARKET>/<id>.md`, 1.5–12 KB each (about 4.5 MB per 1,000 documents).
// A few percent of the documents carry one real problem each (see PROBLEMS); all the others
// pass `sopkit check` with the built-in catalogue, at least until their review dates
// (2028 and later) come due.
//
// `ensureCorpus()` reuses a corpus whose stamp file (.bench-corpus.json) names the same count,
// seed and generator source hash, and regenerates it otherwise.
import {Buffer} from 'node:buffer'
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {resolveConfig} from '../dist/core/config.js'
import {requiredCompliance as catalogueRequires} from '../dist/core/taxonomy.js'

export const DEFAULT_SEED = 20260115
export const STAMP_FILE = '.bench-corpus.json'
const HERE = path.dirname(fileURLToPath(import.meta.url))
const CATALOGUE_CONFIG = resolveConfig(HERE, undefined, {})
const CATALOGUE_FILE = path.join(HERE, '../src/core/catalogue.ts')
export const CORPUS_ROOT = path.join(HERE, '.corpus')

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: a tiny, fast 32-bit PRNG; plenty for choosing words. */
export function mulberry32(seed) {
  let a = seed >>> 0
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed)
  }
  /** Integer in [min, max]. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  chance(p) {
    return this.next() < p
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)]
  }
  /** Pick from [[value, weight], ...]. */
  weighted(pairs) {
    let total = 0
    for (const [, w] of pairs) total += w
    let r = this.next() * total
    for (const [value, w] of pairs) {
      r -= w
      if (r < 0) return value
    }
    return pairs[pairs.length - 1][0]
  }
  /** k distinct items, in a random order. */
  sample(list, k) {
    const copy = [...list]
    const out = []
    while (out.length < k && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0])
    return out
  }
}

// ---------------------------------------------------------------------------------------------
// Domain data (mirrors the built-in catalogue in src/core/catalogue.ts; hard-coded on purpose so
// that the corpus does not change when someone edits the catalogue)

const EU = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ')
const REGIONS = {
  EU: {name: 'European Union', markets: EU, owner: 'eu-cs-ops@example.com'},
  SEA: {
    name: 'Southeast Asia',
    markets: 'BN KH ID LA MY MM PH SG TH TL VN'.split(' '),
    owner: 'sea-cs-ops@example.com',
  },
  LATAM: {
    name: 'Latin America',
    markets: 'AR BO BR CL CO CR CU DO EC GT HN HT MX NI PA PE PR PY SV UY VE'.split(' '),
    owner: 'latam-cs-ops@example.com',
  },
}
/** Markets that get variants: code, name, weight, regional owner, local currency, a near-miss code. */
const MARKETS = [
  ['SG', 'Singapore', 8, 'sea-cs-ops@example.com', 'S$', 'SGP'],
  ['MY', 'Malaysia', 6, 'sea-cs-ops@example.com', 'RM', 'MYS'],
  ['ID', 'Indonesia', 6, 'sea-cs-ops@example.com', 'IDR', 'IDN'],
  ['TH', 'Thailand', 5, 'sea-cs-ops@example.com', 'THB', 'THA'],
  ['PH', 'Philippines', 5, 'sea-cs-ops@example.com', 'PHP', 'PHL'],
  ['VN', 'Vietnam', 4, 'sea-cs-ops@example.com', 'VND', 'VNM'],
  ['JP', 'Japan', 4, '@jp-cs-leads', 'JPY', 'JPN'],
  ['KR', 'South Korea', 3, '@kr-cs-leads', 'KRW', 'KOR'],
  ['IN', 'India', 4, 'in-cs-ops@example.com', 'INR', 'IND'],
  ['AU', 'Australia', 4, 'anz-cs-ops@example.com', 'A$', 'AUS'],
  ['NZ', 'New Zealand', 2, 'anz-cs-ops@example.com', 'NZ$', 'NZL'],
  ['CN', 'China', 1, '@cn-cs-leads', 'CNY', 'CHN'],
  ['GB', 'United Kingdom', 7, 'uk-cs-ops@example.com', '£', 'UK'],
  ['DE', 'Germany', 7, 'eu-cs-ops@example.com', '€', 'DEU'],
  ['FR', 'France', 5, 'eu-cs-ops@example.com', '€', 'FRA'],
  ['ES', 'Spain', 4, 'eu-cs-ops@example.com', '€', 'ESP'],
  ['IT', 'Italy', 4, 'eu-cs-ops@example.com', '€', 'ITA'],
  ['NL', 'Netherlands', 3, 'eu-cs-ops@example.com', '€', 'NLD'],
  ['PL', 'Poland', 3, 'eu-cs-ops@example.com', 'PLN', 'POL'],
  ['SE', 'Sweden', 2, 'nordics-cs@example.com', 'SEK', 'SWE'],
  ['IE', 'Ireland', 2, 'eu-cs-ops@example.com', '€', 'IRL'],
  ['NO', 'Norway', 2, 'nordics-cs@example.com', 'NOK', 'NOR'],
  ['CH', 'Switzerland', 2, 'dach-cs@example.com', 'CHF', 'CHE'],
  ['BR', 'Brazil', 6, 'latam-cs-ops@example.com', 'R$', 'BRA'],
  ['MX', 'Mexico', 4, 'latam-cs-ops@example.com', 'MXN', 'MEX'],
  ['AR', 'Argentina', 2, 'latam-cs-ops@example.com', 'ARS', 'ARG'],
  ['US', 'United States', 7, 'na-cs-ops@example.com', 'USD', 'USA'],
  ['CA', 'Canada', 3, 'na-cs-ops@example.com', 'CAD', 'CAN'],
  ['ZA', 'South Africa', 2, 'mea-cs-ops@example.com', 'ZAR', 'ZAF'],
  ['NG', 'Nigeria', 1, 'mea-cs-ops@example.com', 'NGN', 'NGA'],
  ['KE', 'Kenya', 1, 'mea-cs-ops@example.com', 'KES', 'KEN'],
  ['AE', 'United Arab Emirates', 2, 'mena-cs-ops@example.com', 'AED', 'ARE'],
  ['SA', 'Saudi Arabia', 2, 'mena-cs-ops@example.com', 'SAR', 'SAU'],
  ['TR', 'Turkey', 2, 'mena-cs-ops@example.com', 'TRY', 'TUR'],
].map(([code, name, weight, owner, currency, nearMiss]) => ({code, name, weight, owner, currency, nearMiss}))
const MARKET_BY_CODE = Object.fromEntries(MARKETS.map(m => [m.code, m]))

const DOMAINS = [
  ['refund', 'refund request', 'Refund', 'buyer', 'refunds', 'payments'],
  ['return', 'return request', 'Return', 'buyer', 'returns', 'returns'],
  ['order-not-received', 'missing order', 'Order not received', 'buyer', 'logistics', 'logistics'],
  ['delivery-delay', 'late delivery', 'Delivery delay', 'buyer', 'logistics', 'logistics'],
  ['order-cancellation', 'cancellation request', 'Order cancellation', 'buyer', 'orders', 'orders'],
  ['account-recovery', 'account recovery request', 'Account recovery', 'user', 'accounts', 'accounts'],
  ['payment-dispute', 'payment dispute', 'Payment dispute', 'buyer', 'payments-ops', 'payments'],
  ['chargeback', 'chargeback notice', 'Chargeback', 'buyer', 'payments-ops', 'payments'],
  ['data-subject-request', 'data-subject request', 'Data-subject request', 'user', 'privacy-desk', 'privacy'],
  ['safety-report', 'safety report', 'Safety report', 'user', 'trust-safety', 'moderation'],
  ['counterfeit-report', 'counterfeit report', 'Counterfeit report', 'rights owner', 'trust-safety', 'moderation'],
  ['prohibited-listing', 'prohibited listing report', 'Prohibited listing', 'user', 'trust-safety', 'moderation'],
  ['review-moderation', 'review takedown request', 'Review moderation', 'seller', 'trust-safety', 'moderation'],
  ['seller-response-time', 'unanswered buyer message', 'Seller response time', 'seller', 'seller-success', 'sellers'],
  ['seller-payout-hold', 'payout hold', 'Seller payout hold', 'seller', 'payments-ops', 'payments'],
  ['seller-onboarding', 'onboarding application', 'Seller onboarding', 'seller', 'seller-success', 'sellers'],
  ['help-centre-article', 'article change request', 'Help-centre article', 'author', 'knowledge', 'knowledge'],
  ['csat-survey', 'survey response', 'CSAT survey', 'buyer', 'quality', 'quality'],
  ['chatbot-handoff', 'hand-off request', 'Chatbot hand-off', 'buyer', 'tier1-general', 'automation'],
  ['ai-agent-guardrails', 'AI-agent conversation', 'AI-agent guardrails', 'buyer', 'automation-ops', 'automation'],
  ['warranty-claim', 'warranty claim', 'Warranty claim', 'buyer', 'after-sales', 'returns'],
  ['gift-card', 'gift-card issue', 'Gift card', 'buyer', 'payments-ops', 'payments'],
  ['subscription-billing', 'billing question', 'Subscription billing', 'member', 'billing', 'payments'],
  ['account-suspension-appeal', 'suspension appeal', 'Account suspension appeal', 'seller', 'trust-safety', 'accounts'],
  ['identity-verification', 'verification request', 'Identity verification', 'user', 'accounts', 'privacy'],
  ['tax-invoice', 'invoice request', 'Tax invoice', 'buyer', 'billing', 'payments'],
  ['customs-duties', 'duties question', 'Customs duties', 'buyer', 'cross-border', 'logistics'],
  ['loyalty-points', 'points adjustment', 'Loyalty points', 'member', 'loyalty', 'loyalty'],
  ['price-adjustment', 'price adjustment request', 'Price adjustment', 'buyer', 'orders', 'payments'],
  ['damaged-item', 'damaged item report', 'Damaged item', 'buyer', 'returns', 'returns'],
  ['wrong-item', 'wrong item report', 'Wrong item', 'buyer', 'returns', 'returns'],
  ['promo-code', 'promo code complaint', 'Promo code', 'buyer', 'marketing-ops', 'orders'],
].map(([key, noun, label, actor, queue, topic]) => ({key, noun, label, actor, queue, topic}))

const TYPES = {
  sop: {
    weight: 52,
    sections: ['Purpose', 'Scope', 'Procedure', 'Escalation'],
    grow: 'Procedure',
    aspects: ['escalation', 'handling', 'triage', 'verification', 'exceptions', 'follow-up', 'investigation'],
    channels: ['chatbot', 'ai-agent', 'agent-assisted', 'live-chat', 'email', 'phone', 'social'],
    owner: 'cs-strategy@example.com',
  },
  policy: {
    weight: 12,
    sections: ['Purpose', 'Scope', 'Standard', 'Exceptions'],
    grow: 'Standard',
    aspects: ['standard', 'service-standard', 'response-time-standard', 'quality-standard'],
    channels: ['agent-assisted', 'email', 'live-chat', 'phone'],
    owner: 'cs-policy@example.com',
  },
  strategy: {
    weight: 8,
    sections: ['Context', 'Objectives', 'Approach', 'Metrics'],
    grow: 'Approach',
    aspects: ['strategy', 'automation-strategy', 'channel-strategy', 'deflection-strategy'],
    channels: ['self-service', 'chatbot', 'ai-agent', 'agent-assisted'],
    owner: '@cs-strategy',
  },
  flow: {
    weight: 10,
    sections: ['Trigger', 'Steps', 'Hand-off'],
    grow: 'Steps',
    aspects: ['flow', 'intent-flow', 'handoff-flow', 'triage-flow'],
    channels: ['chatbot', 'ai-agent', 'live-chat'],
    owner: 'conversation-design@example.com',
  },
  'kb-article': {
    weight: 10,
    sections: ['Summary', 'Answer'],
    grow: 'Answer',
    aspects: ['faq', 'help-article', 'how-to', 'explainer'],
    channels: ['self-service', 'chatbot', 'ai-agent'],
    owner: 'km-team@example.com',
  },
  'automation-rule': {
    weight: 8,
    sections: ['Trigger', 'Conditions', 'Actions', 'Escalation'],
    grow: 'Actions',
    aspects: ['routing-rule', 'auto-reply-rule', 'triage-rule', 'sla-breach-rule'],
    channels: ['chatbot', 'ai-agent', 'email'],
    owner: '@automation-ops',
  },
}
const TYPE_WEIGHTS = Object.entries(TYPES).map(([t, v]) => [t, v.weight])
const QUALIFIERS = [
  '',
  '',
  '',
  '',
  'buyer',
  'seller',
  'creator',
  'high-value',
  'cross-border',
  'b2b',
  'live-commerce',
  'preorder',
  'digital-goods',
  'bulky-item',
  'first-time',
  'vip',
  'weekend',
  'peak-season',
  'marketplace',
  'mobile-app',
]
const OPTIONAL_SECTIONS = ['Definitions', 'Roles and responsibilities', 'Records', 'Related documents', 'Change log']
const STATUS_WEIGHTS = [
  ['approved', 75],
  ['in-review', 10],
  ['draft', 8],
  ['deprecated', 5],
  ['retired', 2],
]
const ACRONYMS = {ai: 'AI', csat: 'CSAT', b2b: 'B2B', sla: 'SLA', vip: 'VIP', faq: 'FAQ'}

// Sub-section headings for the growing section, with what they are about.
const SUBSECTIONS = [
  'Verify the request',
  'Check eligibility',
  'Collect evidence',
  'Decide within limit',
  'Above the limit',
  'Repeat contacts',
  'Notify the customer',
  'Record the decision',
  'Close the contact',
  'Hand off to an agent',
  'Offer alternatives',
  'Partial outcomes',
  'Out-of-hours contacts',
  'Vulnerable customers',
  'Language support',
  'Seller involvement',
  'Carrier involvement',
  'Payment method checks',
  'Fraud signals',
  'Quality checks',
  'Bulk incidents',
  'Reopened cases',
  'Social media contacts',
  'Proactive outreach',
  'Templates and macros',
  'Automation boundaries',
  'Data handling',
  'Time limits',
  'Goodwill gestures',
  'Audit trail',
]
const ESCALATION_TEAMS = [
  'Tier 2 specialists',
  'Trust & Safety',
  'Payments Operations',
  'the Privacy Office',
  'Legal',
  'Logistics Operations',
  'Seller Success',
  'the duty manager',
  'Risk Operations',
  'Knowledge Management',
]

const SENTENCES = [
  'Handle every {noun} on the first contact where the evidence allows it, and never ask the {actor} for information the case already holds.',
  'The chatbot and the AI agent may settle a {noun} alone only within the limits below; anything else goes to a person with a short summary.',
  'Agents work {noun}s from the {queue} queue in order of SLA breach time, oldest first.',
  'Tell the {actor} what happens next and by when: a first answer within {hours} hours and a decision within {days} business days.',
  'Record the outcome, the reason code and the evidence in the case before closing it, so that quality reviews can follow the decision.',
  'Where local law gives the {actor} stronger rights than this procedure, the law wins and the agent escalates to {team}.',
  'Amounts are in USD {amount} or the local equivalent at the rate of the order date.',
  'Do not promise an outcome before the checks are complete; say which check is pending and when it will finish.',
  'A {noun} that mentions a regulator, a lawyer or the press goes to {team} the same business day.',
  'Use the approved macros for the customer-facing wording and adapt only the order details.',
  'Automation coverage for {noun}s is measured weekly; the target is {pct}% containment without a repeat contact within 7 days.',
  'If the {actor} contacts us again about the same order, link the new contact to the open case instead of opening a second one.',
  "Check the {actor}'s contact history for the last 90 days before deciding; three or more similar contacts need a second look.",
  'Keep personal data in the case tool only: never paste it into chat notes, spreadsheets or messaging apps.',
  "The seller gets {hours} hours to respond; silence after that counts as acceptance of the {actor}'s account of events.",
  'Every decision is explained to the {actor} in plain language with the policy it relies on.',
  'Quality assurance samples 5% of closed {noun}s each week and scores them against this document.',
  'When the systems disagree (order status, carrier scans and payment records), the payment record wins and the discrepancy is logged.',
  'A {noun} raised on social media is moved to a private channel before any order detail is discussed.',
  'Hand-offs carry the conversation transcript, the intent, the sentiment score and the checks already done.',
  'Vulnerable customers are offered a call back from a trained agent and are never pushed back to self-service.',
  'If the SLA is at risk, the case is flagged amber at 75% of the time allowed and red at 100%.',
  'Goodwill credit up to USD {amount} may be offered once per {actor} per quarter when our error caused the contact.',
  'The procedure applies the same way to every channel; only the wording of the replies changes.',
  'Contacts in a language we do not staff are answered through the translation service, never with machine translation alone.',
]
const LIST_ITEMS = [
  "Confirm the {actor}'s identity with two factors the case already holds.",
  'Open the order and read the last three events on the timeline.',
  'Check whether a {noun} is already open for the same order.',
  'Attach the evidence the {actor} provides (photos, screenshots, tracking).',
  "Apply the reason code that matches the {actor}'s description.",
  'Send the acknowledgement macro and set the case to pending.',
  'Escalate to {team} when any trigger in Escalation is met.',
  'Close the case with the outcome and trigger the CSAT survey.',
  'Add the internal note template with the decision and its basis.',
  'Set a follow-up task for {days} business days when the outcome depends on a third party.',
  'Check the payment method and whether it can still receive funds.',
  "Look up the seller's performance tier and open disputes.",
  'Tag the contact with the intent and the channel it came from.',
  'Verify that the delivery address matches the one on the account.',
  'Offer the self-service link when the {actor} prefers to finish alone.',
  'Record the time of the first response for SLA reporting.',
]
const CODE_BLOCKS = [
  c => [
    '```yaml',
    `# Intent configuration for ${c.id}`,
    `intent: ${c.domain.key.replace(/-/g, '_')}_${c.type.replace(/-/g, '_')}`,
    'confidence_min: 0.78',
    '# hand off when the customer asks for a person twice',
    `handoff_queue: ${c.domain.queue}`,
    `max_turns: ${c.rng.int(4, 12)}`,
    '# never collect card numbers in chat',
    'redact: [card_number, iban, password]',
    '```',
  ],
  c => [
    '```text',
    `# Macro: ${c.domain.label} acknowledgement`,
    'Hi {{first_name}},',
    '',
    `Thanks for telling us about your ${c.domain.noun}. We are looking into it and will reply`,
    `within ${c.rng.int(2, 48)} hours. Your case number is {{case_id}}.`,
    '',
    '# end of macro',
    '```',
  ],
  c => [
    '```sh',
    '# Export the open cases of the queue for the weekly review',
    `cs-cli cases export --queue ${c.domain.queue} --status open --since 7d \\`,
    `  --format csv > ${c.domain.queue}-open.csv`,
    '# count breaches',
    `cs-cli sla breaches --queue ${c.domain.queue} --since 7d`,
    '```',
  ],
  c => [
    '```json',
    '{',
    `  "rule": "${c.id}",`,
    `  "queue": "${c.domain.queue}",`,
    `  "priority": ${c.rng.int(1, 4)},`,
    '  "note": "# is not a heading inside a fence"',
    '}',
    '```',
  ],
  c => [
    '~~~',
    `# ${c.domain.label} checklist (paste into the case)`,
    '- [ ] identity verified',
    '- [ ] evidence attached',
    '- [ ] reason code set',
    '## outcome',
    '- [ ] decision recorded',
    '~~~',
  ],
]
const DEVIATION_REASONS = [
  '{name} consumer law gives the customer a longer window than the baseline, so the local limit is higher',
  'the {name} regulator requires a written decision within a shorter period',
  'local payment rails in {name} settle refunds faster, so the SLA promised to the customer is shorter',
  'the {name} team staffs this queue in two languages and routes by language first',
  'courier partners in {name} only accept claims through their own portal, which adds a step',
  'legal review found that {name} requires an explicit consent step before recording the call',
]
const DEVIATION_TEXT = [
  'In {name}, the limits above are set in {currency} and reviewed each quarter by the regional lead.',
  'In {name}, the customer receives the decision in writing (email and in-app) within 5 business days.',
  "In {name}, this step also records the customer's explicit consent before any data is shared with the seller.",
  'In {name}, contacts are first routed by language, then by intent.',
  'In {name}, claims with the local courier are raised through the courier portal within 3 days.',
]

// ---------------------------------------------------------------------------------------------
// Helpers

const DAY = 86_400_000
function date(base, offsetDays) {
  return new Date(Date.UTC(...base) + offsetDays * DAY).toISOString().slice(0, 10)
}
function titleOf(id) {
  const words = id.split('-').map(w => ACRONYMS[w] ?? w)
  const text = words
    .join(' ')
    .replace(/\bai agent\b/i, 'AI-agent')
    .replace(/\bhelp centre\b/, 'help-centre')
    .replace(/\bdata subject\b/, 'data-subject')
  return text[0].toUpperCase() + text.slice(1)
}
/** A YAML scalar: plain when it is safe, else a JSON (double-quoted) string. */
function scalar(value) {
  return /^[A-Za-z][A-Za-z0-9 @._()&/'-]*$/.test(value) &&
    !/ #|: /.test(value) &&
    !/^(true|false|yes|no|on|off|null|y|n)$/i.test(value)
    ? value
    : JSON.stringify(value)
}
function flow(list) {
  return `[${list.join(', ')}]`
}
function fill(template, ctx) {
  return template.replace(/\{(\w+)\}/g, (_, k) => String(ctx[k] ?? `{${k}}`))
}
/** Wrap prose at 90 columns; links stay on one line. */
function wrap(text, width = 90, indent = '') {
  const words = text.replace(/\[[^\]]*\]\([^)]*\)/g, m => m.replace(/ /g, '\u0000')).split(' ')
  const lines = []
  let line = ''
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line)
      line = indent + w
    } else line = line ? `${line} ${w}` : w
  }
  if (line) lines.push(line)
  // eslint-disable-next-line no-control-regex -- NUL held the spaces inside a link together while wrapping; put them back
  return lines.join('\n').replace(/\u0000/g, ' ')
}
function slug(heading) {
  return heading
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

// ---------------------------------------------------------------------------------------------
// Planning: families, their documents and the problems some of them carry

/**
 * The compliance tags the built-in catalogue asks of these markets and this family, read from the
 * catalogue itself (the built modules), every dated regime counted as in force: a clean corpus stays clean
 * whatever the catalogue learns and whenever the bench runs.
 */
function requiredCompliance(markets, family) {
  const facts = {markets, channels: family.channels, type: family.type, topics: family.topics, today: '2030-01-01'}
  return catalogueRequires(CATALOGUE_CONFIG, facts).map(r => r.tag)
}

/** The problems a few percent of documents carry (one each), and which documents may carry them. */
export const PROBLEMS = {
  'unknown-market': d => d.kind === 'market' && d.parentKind === 'baseline' && d.markets.length === 1,
  'missing-gdpr': d => d.kind !== 'baseline' && d.compliance.includes('GDPR'),
  'review-overdue': d => d.status !== 'deprecated' && d.status !== 'retired',
  'missing-escalation': d =>
    d.kind === 'baseline' && d.family.variants === 0 && TYPES[d.family.type].sections.includes('Escalation'),
  'version-1.10': d => !(d.kind === 'baseline' && d.family.variants > 0),
  'broken-link': d => d.kind === 'baseline' && d.family.variants === 0,
  'unapproved-drift': d => d.kind !== 'baseline',
  'variant-outdated': d => d.kind !== 'baseline' && Number(d.family.version.split('.')[1]) > 0,
}
const PROBLEM_RATE = 0.045
const MAX_BASELINE_BYTES = 11_000

function planFamilies(rng, count) {
  const families = []
  const ids = new Set()
  let docs = 0
  const marketWeights = MARKETS.map(m => [m.code, m.weight])
  while (docs < count) {
    const type = rng.weighted(TYPE_WEIGHTS)
    const domain = rng.pick(DOMAINS)
    let id
    for (let attempt = 0; attempt < 30 && (!id || ids.has(id)); attempt++) {
      const q = rng.pick(QUALIFIERS)
      id = [q, domain.key, rng.pick(TYPES[type].aspects)].filter(Boolean).join('-')
    }
    for (let n = 2; ids.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`
    ids.add(id)
    let variants = Math.min(
      rng.weighted([
        [0, 30],
        [1, 20],
        [2, 18],
        [3, 12],
        [4, 8],
        [5, 6],
        [6, 4],
        [8, 2],
      ]),
      count - docs - 1,
    )
    // Variant slots: a region (EU, SEA, LATAM) or one market, sometimes two markets sharing a file.
    const slots = []
    const used = new Set()
    for (let i = 0; i < variants * 3 && slots.length < variants; i++) {
      if (rng.chance(0.1)) {
        const region = rng.weighted([
          ['EU', 5],
          ['SEA', 4],
          ['LATAM', 2],
        ])
        if (!used.has(region)) {
          used.add(region)
          slots.push({kind: 'region', markets: [region], folder: region})
        }
        continue
      }
      const m = rng.weighted(marketWeights)
      if (used.has(m)) continue
      const pair =
        m === 'AU' && !used.has('NZ') && rng.chance(0.3)
          ? ['AU', 'NZ']
          : m === 'SG' && !used.has('MY') && rng.chance(0.1)
            ? ['SG', 'MY']
            : [m]
      for (const x of pair) used.add(x)
      slots.push({kind: 'market', markets: pair, folder: m})
    }
    variants = slots.length
    // Region variants first, so market variants can inherit from them.
    slots.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'region' ? -1 : 1))
    const hasTopic = rng.chance(0.7)
    const topics = hasTopic ? [domain.topic, ...(rng.chance(0.15) ? ['vip'] : [])] : []
    const channels = rng.sample(TYPES[type].channels, rng.int(2, Math.min(4, TYPES[type].channels.length)))
    channels.sort((a, b) => TYPES[type].channels.indexOf(a) - TYPES[type].channels.indexOf(b))
    // Size: 1.5–12 KB, skewed towards small (mean about 4.4 KB); variants add a little.
    const size = Math.round(1500 + 8600 * rng.next() ** 2.9)
    families.push({
      id,
      type,
      domain,
      variants,
      slots,
      topics,
      channels,
      size,
      version: `${rng.int(1, 3)}.${rng.int(0, 12)}.${rng.int(0, 9)}`,
    })
    docs += 1 + variants
  }
  return families
}

function planDocuments(rng, families) {
  const docs = []
  for (const family of families) {
    const baseline = {
      family,
      kind: 'baseline',
      parentKind: undefined,
      markets: ['GLOBAL'],
      folder: 'global',
      compliance: [],
      status: rng.weighted(STATUS_WEIGHTS),
      owner: TYPES[family.type].owner,
      version: family.version,
    }
    docs.push(baseline)
    for (const slot of family.slots) {
      // The document this variant's market inherits from: its region's variant when the family has one.
      let parentKind = 'baseline'
      let parentFolder = 'global'
      if (slot.kind === 'market') {
        for (const [region, info] of Object.entries(REGIONS)) {
          if (
            info.markets.includes(slot.markets[0]) &&
            family.slots.some(s => s.kind === 'region' && s.folder === region)
          ) {
            parentKind = 'region'
            parentFolder = region
            break
          }
        }
      }
      const minor = rng.int(0, 3)
      const [major, baseMinor, basePatch] = family.version.split('.').map(Number)
      docs.push({
        family,
        kind: slot.kind,
        parentKind,
        parentFolder,
        markets: slot.markets,
        folder: slot.folder,
        compliance: requiredCompliance(slot.markets, family),
        status: rng.weighted(STATUS_WEIGHTS),
        owner: slot.kind === 'region' ? REGIONS[slot.folder].owner : MARKET_BY_CODE[slot.folder].owner,
        version:
          minor === 0
            ? `${major}.${baseMinor}.${basePatch + rng.int(1, 3)}`
            : `${major}.${baseMinor + minor}.${rng.int(0, 5)}`,
      })
    }
  }
  // One problem for a few percent of the documents, chosen among those it fits.
  const kinds = Object.keys(PROBLEMS)
  for (const d of docs) {
    if (!rng.chance(PROBLEM_RATE)) continue
    const fits = kinds.filter(k => PROBLEMS[k](d))
    if (fits.length > 0) d.problem = rng.pick(fits)
  }
  return docs
}

// ---------------------------------------------------------------------------------------------
// Bodies

function paragraph(rng, ctx, n) {
  const out = []
  for (let i = 0; i < n; i++) out.push(fill(rng.pick(SENTENCES), ctx))
  return wrap(out.join(' '))
}
function list(rng, ctx, ordered) {
  return rng
    .sample(LIST_ITEMS, rng.int(3, 6))
    .map((t, i) => wrap(`${ordered ? `${i + 1}.` : '-'} ${fill(t, ctx)}`, 90, ordered ? '   ' : '  '))
    .join('\n')
}
function table(rng, ctx) {
  const rows = [
    '| Tier | Who decides | Limit | SLA |',
    '|------|-------------|-------|-----|',
    `| 0 | Chatbot or AI agent | USD ${ctx.amount} | at once |`,
    `| 1 | Agent | USD ${ctx.amount * 10} | ${ctx.hours} h |`,
    `| 2 | ${ctx.team} | above USD ${ctx.amount * 10} | ${ctx.days} business days |`,
  ]
  if (rng.chance(0.4)) {
    return [
      '| Metric | Target | Measured |',
      '|---|---:|---|',
      `| CSAT | ${(4 + rng.next() * 0.8).toFixed(1)} | weekly |`,
      `| First response | ${ctx.hours} h | per contact |`,
      `| Containment | ${ctx.pct}% | weekly |`,
      '| Resolution rate | 85% | monthly |',
    ].join('\n')
  }
  return rows.join('\n')
}
function linkTo(rng, plan, self) {
  const target = plan.families[rng.int(0, plan.families.length - 1)]
  const title = titleOf(target.id)
  const useAnchor = rng.chance(0.35)
  if (target === self.family) return `[${title}](#${slug(self.sections[Math.min(1, self.sections.length - 1)])})`
  let href = `../global/${target.id}.md`
  const variantSlot = target.slots.find(s => s.kind === 'market')
  if (variantSlot && rng.chance(0.15)) href = `../${variantSlot.folder}/${target.id}.md`
  if (useAnchor) href += `#${slug(rng.pick(plan.sectionsOf(target)))}`
  return `[${title}](${href})`
}

/**
 * A baseline body as a list of sections ({depth, heading, blocks}); variants copy it. The
 * growing section gets H3 sub-sections until the document reaches its planned size.
 */
function baselineSections(rng, plan, doc, ctx, frontMatterBytes) {
  const {family} = doc
  const typeInfo = TYPES[family.type]
  let required = typeInfo.sections
  if (doc.problem === 'missing-escalation') required = required.filter(s => s !== 'Escalation')
  const self = {family, sections: required}
  const sections = []
  const blocksFor = name => {
    const blocks = [paragraph(rng, ctx, rng.int(2, 4))]
    if (name === 'Scope' || name === 'Summary' || name === 'Objectives' || name === 'Conditions')
      blocks.push(list(rng, ctx, false))
    if (name === 'Escalation' || name === 'Hand-off') {
      blocks.push(
        rng
          .sample(ESCALATION_TEAMS, rng.int(3, 5))
          .map(t => wrap(`- To ${t}: ${fill(rng.pick(SENTENCES), ctx).replace(/^./, c => c.toLowerCase())}`, 90, '  '))
          .join('\n'),
      )
    }
    if (name === 'Metrics' || name === 'Standard') blocks.push(table(rng, ctx))
    if (rng.chance(0.3)) blocks.push(wrap(`See ${linkTo(rng, plan, self)} for the related procedure.`))
    return blocks
  }
  for (const name of required) sections.push({depth: 2, heading: name, blocks: blocksFor(name)})
  if (rng.chance(0.35)) {
    const extra = rng.pick(OPTIONAL_SECTIONS)
    const blocks =
      extra === 'Related documents'
        ? [Array.from({length: rng.int(2, 4)}, () => `- ${linkTo(rng, plan, self)}`).join('\n')]
        : extra === 'Change log'
          ? [
              `- ${family.version}: reviewed with ${ctx.team}.\n- ${family.version.split('.')[0]}.0.0: first approved version.`,
            ]
          : [paragraph(rng, ctx, rng.int(1, 3))]
    sections.push({depth: 2, heading: extra, blocks})
  }
  if (doc.problem === 'broken-link') {
    const s = sections[rng.int(0, sections.length - 1)]
    s.blocks.push(
      rng.chance(0.5)
        ? wrap(`The previous version lives in [${titleOf(family.id)} (archived)](../global/${family.id}-archived.md).`)
        : wrap(`Escalation contacts are listed in [${titleOf(family.id)}](#${slug(required[0])}-contacts).`),
    )
  }
  // Grow with H3 sub-sections (and sometimes an H4) under the growing section.
  const growAt = sections.findIndex(s => s.heading === typeInfo.grow)
  const headings = rng.sample(SUBSECTIONS, SUBSECTIONS.length)
  const render = () => Buffer.byteLength(renderBody(titleOf(family.id), sections)) + frontMatterBytes
  let insertAt = growAt + 1
  while (render() < family.size && headings.length > 0) {
    const heading = headings.pop()
    const blocks = [rng.chance(0.7) ? list(rng, ctx, true) : paragraph(rng, ctx, rng.int(2, 4))]
    if (rng.chance(0.5)) blocks.push(paragraph(rng, ctx, rng.int(1, 3)))
    if (rng.chance(0.18)) blocks.push(CODE_BLOCKS[rng.int(0, CODE_BLOCKS.length - 1)]({...ctx, rng}).join('\n'))
    if (rng.chance(0.12)) blocks.push(table(rng, ctx))
    if (rng.chance(0.2)) blocks.push(wrap(`Related: ${linkTo(rng, plan, self)}.`))
    if (rng.chance(0.06)) blocks.push('<!-- reviewed with Legal; keep the wording of the customer promise -->')
    sections.splice(insertAt, 0, {depth: 3, heading, blocks})
    // Stay under 12 KB with room for a variant's deviations.
    if (render() > MAX_BASELINE_BYTES) {
      sections.splice(insertAt, 1)
      break
    }
    insertAt++
    if (rng.chance(0.08) && headings.length > 0) {
      sections.splice(insertAt++, 0, {depth: 4, heading: headings.pop(), blocks: [paragraph(rng, ctx, rng.int(1, 2))]})
    }
  }
  return sections
}

function renderBody(title, sections) {
  const parts = [`# ${title}`]
  for (const s of sections) parts.push(`${'#'.repeat(s.depth)} ${s.heading}`, ...s.blocks)
  return `${parts.join('\n\n')}\n`
}

/** Heading paths of sections, as sopkit names them ("Procedure > Verify the request"). */
function sectionPaths(sections) {
  const stack = []
  return sections.map(s => {
    while (stack.length > 0 && stack[stack.length - 1].depth >= s.depth) stack.pop()
    stack.push(s)
    return stack.map(x => x.heading).join(' > ')
  })
}

function frontMatter(doc, extra) {
  const {family} = doc
  const lines = [
    '---',
    `id: ${family.id}`,
    `title: ${scalar(extra.title)}`,
    `type: ${family.type}`,
    doc.problem === 'version-1.10' ? 'version: 1.10' : `version: "${doc.version}"`,
    `status: ${doc.status}`,
    `owner: ${scalar(doc.owner)}`,
    `markets: ${flow(extra.markets)}`,
    `channels: ${flow(family.channels)}`,
    `compliance: ${flow(extra.compliance)}`,
  ]
  if (family.topics.length > 0) lines.push(`topics: ${flow(family.topics)}`)
  lines.push(`effective: ${extra.effective}`, `review_by: ${extra.reviewBy}`)
  if (extra.basedOn) lines.push(`based_on: "${extra.basedOn}"`)
  if (extra.deviations.length > 0) {
    lines.push('deviations:')
    for (const d of extra.deviations) {
      lines.push(
        `  - section: ${scalar(d.section)}`,
        `    reason: ${scalar(d.reason)}`,
        `    approver: ${scalar(d.approver)}`,
        `    expires: ${d.expires}`,
      )
    }
  }
  lines.push(`targets: ${extra.targets}`, '---')
  return `${lines.join('\n')}\n`
}

function targetsFor(rng, type) {
  const csat = (4.2 + rng.int(0, 6) / 10).toFixed(1)
  if (type === 'policy') return `{ first_response: ${rng.pick(['4h', '12h', '24h'])}, sla_attainment: 0.95 }`
  if (type === 'kb-article') return `{ csat: ${csat}, deflection_rate: 0.${rng.int(25, 45)} }`
  if (type === 'strategy')
    return `{ csat: ${csat}, automation_rate: 0.${rng.int(50, 75)}, resolution_rate: 0.${rng.int(80, 92)} }`
  return `{ csat: ${csat}, first_response: ${rng.pick(['1h', '2h', '4h', '8h'])}, resolution_rate: 0.${rng.int(80, 92)}, automation_rate: 0.${rng.int(40, 75)} }`
}

/** Yields [relative path, text] for every document, in a fixed order. */
export function* generateCorpus({count, seed = DEFAULT_SEED}) {
  const rng = new Rng(seed)
  const families = planFamilies(rng, count)
  const docs = planDocuments(rng, families)
  const noEscalation = new Set(docs.filter(d => d.problem === 'missing-escalation').map(d => d.family))
  const plan = {
    families,
    sectionsOf: f => TYPES[f.type].sections.filter(s => !(s === 'Escalation' && noEscalation.has(f))),
  }
  const byFamily = new Map()
  for (const d of docs) {
    if (!byFamily.has(d.family)) byFamily.set(d.family, [])
    byFamily.get(d.family).push(d)
  }
  for (const family of families) {
    const bodies = new Map() // folder -> sections
    const baseEffective = rng.int(0, 640)
    for (const doc of byFamily.get(family)) {
      const market = MARKET_BY_CODE[doc.folder]
      const ctx = {
        id: family.id,
        type: family.type,
        domain: family.domain,
        noun: family.domain.noun,
        actor: family.domain.actor,
        queue: family.domain.queue,
        team: rng.pick(ESCALATION_TEAMS),
        hours: rng.pick([2, 4, 8, 12, 24, 48]),
        days: rng.int(2, 10),
        amount: rng.pick([20, 25, 50, 75, 100]),
        pct: rng.int(40, 80),
      }
      const name = doc.kind === 'baseline' ? undefined : doc.kind === 'region' ? REGIONS[doc.folder].name : market.name
      const title = name ? `${titleOf(family.id)} (${name})` : titleOf(family.id)
      let effective = date([2025, 0, 1], baseEffective + (doc.kind === 'baseline' ? 0 : rng.int(0, 60)))
      let reviewBy = date([2028, 0, 15], rng.int(0, 700))
      if (doc.problem === 'review-overdue') {
        effective = date([2024, 0, 10], rng.int(0, 200))
        reviewBy = date([2025, 1, 1], rng.int(0, 300))
      }
      let markets = doc.markets
      if (doc.problem === 'unknown-market') markets = [market.nearMiss]
      let compliance = doc.compliance
      if (doc.problem === 'missing-gdpr') compliance = compliance.filter(c => c !== 'GDPR')
      const extra = {
        title,
        markets,
        compliance,
        effective,
        reviewBy,
        targets: targetsFor(rng, family.type),
        deviations: [],
        basedOn: undefined,
      }
      let sections
      if (doc.kind === 'baseline') {
        sections = baselineSections(rng, plan, doc, ctx, Buffer.byteLength(frontMatter(doc, extra)))
      } else {
        // Copy what the market inherits, then depart from it: approved deviations, or drift.
        sections = bodies.get(doc.parentFolder).map(s => ({...s, blocks: [...s.blocks]}))
        extra.basedOn =
          doc.problem === 'variant-outdated' && Number(family.version.split('.')[1]) > 0
            ? family.version.replace(/^(\d+)\.(\d+)\.\d+$/, (_, a, b) => `${a}.${Number(b) - 1}.0`)
            : family.version
        const paths = sectionPaths(sections)
        // Approved deviations (a deviation on a section also covers its sub-sections), then for
        // the drift problem one more changed section that no deviation covers.
        const approved = rng.sample(
          paths.map((p, i) => i),
          rng.weighted([
            [0, 35],
            [1, 45],
            [2, 20],
          ]),
        )
        const changed = approved.map(i => ({i, drift: false}))
        if (doc.problem === 'unapproved-drift') {
          const free = paths
            .map((p, i) => i)
            .filter(i => !approved.some(a => a === i || paths[i].startsWith(`${paths[a]} >`)))
          changed.push({i: free.length > 0 ? rng.pick(free) : 0, drift: true})
        }
        const place =
          doc.kind === 'region'
            ? {name: REGIONS[doc.folder].name, currency: 'local currency'}
            : {name: market.name, currency: market.currency}
        for (const {i, drift} of changed) {
          sections[i] = {...sections[i], blocks: [...sections[i].blocks, wrap(fill(rng.pick(DEVIATION_TEXT), place))]}
          if (drift) continue
          extra.deviations.push({
            section: paths[i],
            reason: fill(rng.pick(DEVIATION_REASONS), place),
            approver: rng.pick([
              'regional-legal@example.com',
              'cs-strategy@example.com',
              '@privacy-office',
              `${doc.folder.toLowerCase()}-lead@example.com`,
            ]),
            expires: date([2028, 5, 30], rng.int(0, 540)),
          })
        }
      }
      bodies.set(doc.folder, sections)
      const text = frontMatter(doc, extra) + renderBody(title, sections)
      yield [`sops/${doc.folder}/${family.id}.md`, text, doc.problem]
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Writing and reuse

function generatorHash() {
  return createHash('sha1')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(readFileSync(CATALOGUE_FILE))
    .digest('hex')
    .slice(0, 12)
}

export function corpusDir(count, seed = DEFAULT_SEED) {
  return path.join(CORPUS_ROOT, `sops-${count}-seed${seed}`)
}

/**
 * Make sure a corpus of `count` documents for `seed` exists, and return its folder and stamp.
 * Reuses a folder whose stamp matches; otherwise writes a fresh one next to it and swaps it in.
 */
export function ensureCorpus({
  count,
  seed = DEFAULT_SEED,
  dir = corpusDir(count, seed),
  force = false,
  log = () => {},
}) {
  const wanted = {count, seed, generator: generatorHash()}
  const stampPath = path.join(dir, STAMP_FILE)
  if (!force && existsSync(stampPath)) {
    try {
      const stamp = JSON.parse(readFileSync(stampPath, 'utf8'))
      if (stamp.count === wanted.count && stamp.seed === wanted.seed && stamp.generator === wanted.generator)
        return {dir, stamp, created: false}
    } catch {
      // regenerate below
    }
  }
  const started = performance.now()
  const tmp = `${dir}.tmp-${process.pid}`
  rmSync(tmp, {recursive: true, force: true})
  const hash = createHash('sha1')
  const problems = {}
  let bytes = 0
  let files = 0
  const made = new Set()
  for (const [rel, text, problem] of generateCorpus({count, seed})) {
    const file = path.join(tmp, rel)
    const folder = path.dirname(file)
    if (!made.has(folder)) {
      mkdirSync(folder, {recursive: true})
      made.add(folder)
    }
    writeFileSync(file, text)
    hash.update(rel).update('\0').update(text).update('\0')
    bytes += Buffer.byteLength(text)
    files++
    if (problem) problems[problem] = (problems[problem] ?? 0) + 1
  }
  const stamp = {
    ...wanted,
    files,
    bytes,
    sha1: hash.digest('hex'),
    problems,
    generatedInMs: Math.round(performance.now() - started),
  }
  writeFileSync(path.join(tmp, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`)
  rmSync(dir, {recursive: true, force: true})
  renameSync(tmp, dir)
  log(
    `generated ${files} documents (${(bytes / 1e6).toFixed(1)} MB) in ${path.relative(process.cwd(), dir)} in ${stamp.generatedInMs} ms`,
  )
  return {dir, stamp, created: true}
}

// CLI: node bench/corpus.js --count N [--seed S] [--out DIR] [--force]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`)
    return i === -1 ? fallback : args[i + 1]
  }
  const count = Number(opt('count', '1000'))
  const seed = Number(opt('seed', String(DEFAULT_SEED)))
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    console.error('usage: node bench/corpus.js --count N [--seed S] [--out DIR] [--force]')
    process.exit(2)
  }
  const out = opt('out')
  const {dir, stamp, created} = ensureCorpus({
    count,
    seed,
    dir: out ? path.resolve(out) : undefined,
    force: args.includes('--force'),
    log: console.log,
  })
  if (!created) console.log(`reusing ${dir} (${stamp.files} documents, ${(stamp.bytes / 1e6).toFixed(1)} MB)`)
  console.log(JSON.stringify(stamp))
}
