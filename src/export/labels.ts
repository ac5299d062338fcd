// Words a person reads in a playbook, shared by every format so they all say the same thing.
import type {Taxonomy} from '../core/config.js'
import {GLOBAL} from '../core/taxonomy.js'
import {fillPlaceholders} from '../core/placeholders.js'
import {ENGLISH, type LabelSet} from './label-sets.js'
import type {NotYetEffective, Playbook, PlaybookDocument, PublishIssue} from './model.js'

export function marketName(taxonomy: Taxonomy, code: string): string {
  if (code === GLOBAL) return 'Global'
  return taxonomy.markets[code]?.name ?? taxonomy.regions[code]?.name ?? code
}

export function playbookTitle(playbook: Playbook): string {
  return fillPlaceholders(playbook.labels.playbookTitle, {name: playbook.market.name, code: playbook.market.code})
}

/**
 * Which file the market reads and why, in words: "DE variant", "EU variant", "GLOBAL baseline";
 * a variant not in force yet is named with its status, never hidden as "no variant".
 */
export function resolvedLabel(doc: PlaybookDocument, market: string, labels: LabelSet = ENGLISH): string {
  const pending = doc.pending
    ? fillPlaceholders(labels.pendingVariant, {file: doc.pending.file, status: doc.pending.status})
    : ''
  if (doc.resolved.via === 'region') {
    const label = fillPlaceholders(labels.regionVariant, {region: doc.resolved.region, market})
    return pending ? label.replace(/\)$/, `; ${pending})`) : label
  }
  if (doc.resolved.via === 'market') return fillPlaceholders(labels.marketVariant, {market})
  if (pending) return `${labels.globalBaseline} (${pending})`
  return market === GLOBAL ? labels.globalBaseline : fillPlaceholders(labels.noMarketVariant, {market})
}

export interface MetadataRow {
  label: string
  value: string
}

/** The metadata shown under each document's title, in this order; empty values are left out. */
export function metadataRows(doc: PlaybookDocument, playbook: Playbook): MetadataRow[] {
  const m = doc.meta
  const l = playbook.labels
  const rows: Array<[string, string | undefined]> = [
    [l.metaId, doc.id],
    [l.metaType, m.type],
    [
      l.metaVersion,
      m.version && m.based_on ? fillPlaceholders(l.basedOn, {version: m.version, basedOn: m.based_on}) : m.version,
    ],
    [l.metaStatus, m.status],
    [l.metaOwner, m.owner],
    [l.metaMarkets, m.markets.join(', ')],
    [l.metaChannels, m.channels.join(', ')],
    [l.metaCompliance, m.compliance.join(', ')],
    [l.metaEffective, m.effective],
    [l.metaReviewBy, m.review_by],
    [l.metaSource, `${doc.file} — ${resolvedLabel(doc, playbook.market.code, l)}`],
  ]
  return rows
    .filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '')
    .map(([label, value]) => ({label, value}))
}

/** Approved deviations, for the reader to know where this market departs from GLOBAL and on whose authority. */
export function deviations(
  doc: PlaybookDocument,
  labels: LabelSet = ENGLISH,
): Array<{section: string; detail: string}> {
  return doc.meta.deviations
    .filter(d => d.section)
    .map(d => {
      const by = d.approver
        ? [
            fillPlaceholders(labels.approvedBy, {approver: d.approver}),
            ...(d.expires ? [fillPlaceholders(labels.until, {date: d.expires})] : []),
          ]
        : []
      return {
        section: d.section!,
        detail: `${d.reason ?? labels.noReason}${by.length > 0 ? ` (${by.join(', ')})` : ''}`,
      }
    })
}

export function filterSummary(playbook: Playbook): string {
  const {channels, types, statuses} = playbook.filters
  const l = playbook.labels
  const parts = [`${l.status} ${statuses.join(', ')}`]
  if (channels.length > 0) parts.push(`${l.channel} ${channels.join(', ')}`)
  if (types.length > 0) parts.push(`${l.type} ${types.join(', ')}`)
  return parts.join('; ')
}

/** How each kind of "Before you publish" entry is named. */
export function publishKind(issue: PublishIssue, labels: LabelSet): string {
  return issue.kind === 'drift' ? labels.drift : issue.kind === 'conflict' ? labels.conflict : labels.missingRegime
}

/** "sops/DE/x.md (Refund escalation) takes effect on 2026-06-01; left out, this playbook shows sops/global/x.md." */
export function notYetEffectiveLine(doc: NotYetEffective, labels: LabelSet): string {
  const values = {file: doc.file, title: doc.title, date: doc.effective, shown: doc.shown ?? ''}
  return fillPlaceholders(doc.shown ? labels.notYetEffectiveShown : labels.notYetEffectiveLine, values)
}

/** "sops/DE/x.md is draft; this playbook shows sops/global/x.md." */
export function skippedLine(skipped: Playbook['skipped'][number], labels: LabelSet): string {
  return fillPlaceholders(labels.skippedLine, {file: skipped.file, status: skipped.status, shown: skipped.shown})
}
