// Words a person reads in a playbook, shared by every format so they all say the same thing.
import type {Taxonomy} from '../core/config.js'
import {GLOBAL} from '../core/taxonomy.js'
import type {Playbook, PlaybookDocument, PublishIssue} from './model.js'

export function marketName(taxonomy: Taxonomy, code: string): string {
  if (code === GLOBAL) return 'Global'
  return taxonomy.markets[code]?.name ?? taxonomy.regions[code]?.name ?? code
}

export function playbookTitle(playbook: Playbook): string {
  return `${playbook.market.name} (${playbook.market.code}) playbook`
}

/**
 * Which file the market reads and why, in words: "DE variant", "EU variant", "GLOBAL baseline";
 * a variant not in force yet is named with its status, never hidden as "no variant".
 */
export function resolvedLabel(doc: PlaybookDocument, market: string): string {
  const pending = doc.pending ? `; ${doc.pending.file} is ${doc.pending.status}, not in force` : ''
  if (doc.resolved.via === 'region') return `${doc.resolved.region} variant (${market} reads its region's${pending})`
  if (doc.resolved.via === 'market') return `${market} variant`
  if (pending) return `GLOBAL baseline (${pending.slice(2)})`
  return market === GLOBAL ? 'GLOBAL baseline' : `GLOBAL baseline (no ${market} variant)`
}

export interface MetadataRow {
  label: string
  value: string
}

/** The metadata shown under each document's title, in this order; empty values are left out. */
export function metadataRows(doc: PlaybookDocument, playbook: Playbook): MetadataRow[] {
  const m = doc.meta
  const rows: Array<[string, string | undefined]> = [
    ['ID', doc.id],
    ['Type', m.type],
    ['Version', m.version && m.based_on ? `${m.version} (based on baseline ${m.based_on})` : m.version],
    ['Status', m.status],
    ['Owner', m.owner],
    ['Markets', m.markets.join(', ')],
    ['Channels', m.channels.join(', ')],
    ['Compliance', m.compliance.join(', ')],
    ['Effective', m.effective],
    ['Review by', m.review_by],
    ['Source', `${doc.file} — ${resolvedLabel(doc, playbook.market.code)}`],
  ]
  return rows
    .filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '')
    .map(([label, value]) => ({label, value}))
}

/** Approved deviations, for the reader to know where this market departs from GLOBAL and on whose authority. */
export function deviations(doc: PlaybookDocument): Array<{section: string; detail: string}> {
  return doc.meta.deviations
    .filter(d => d.section)
    .map(d => ({
      section: d.section!,
      detail: `${d.reason ?? 'no reason given'}${d.approver ? ` (approved by ${d.approver}${d.expires ? `, until ${d.expires}` : ''})` : ''}`,
    }))
}

export function filterSummary(playbook: Playbook): string {
  const {channels, types, statuses} = playbook.filters
  const parts = [`status ${statuses.join(', ')}`]
  if (channels.length > 0) parts.push(`channel ${channels.join(', ')}`)
  if (types.length > 0) parts.push(`type ${types.join(', ')}`)
  return parts.join('; ')
}

/** How each kind of "Before you publish" entry is named. */
export const PUBLISH_KIND: Record<PublishIssue['kind'], string> = {
  drift: 'Unapproved drift',
  conflict: 'Upstream conflict',
  compliance: 'Missing regime',
}

export const BEFORE_PUBLISH = 'Before you publish'
export const BEFORE_PUBLISH_NOTE =
  'sopkit check finds these problems in documents of this playbook; agents would read them as they stand.'
export const NOT_YET_EFFECTIVE = 'Not yet in effect'

/** One line per "Before you publish" entry, for the formats that print text (docx, the command's summary). */
export function publishLine(issue: PublishIssue): string {
  return `${PUBLISH_KIND[issue.kind]}: ${issue.title} (${issue.file}:${issue.line}): ${issue.message} — ${issue.mend}`
}

/** "sops/DE/x.md (Refund escalation) takes effect on 2026-06-01; left out, this playbook shows sops/global/x.md." */
export function notYetEffectiveLine(doc: Playbook['notYetEffective'][number]): string {
  return `${doc.file} (${doc.title}) takes effect on ${doc.effective}; left out${doc.shown ? `, this playbook shows ${doc.shown}` : ''}.`
}
