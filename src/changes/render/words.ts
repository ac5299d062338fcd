// Words every `sopkit changes` format shares, so a briefing says the same thing in each.
import {fieldRows} from '../../diff/render/summary.js'
import type {FieldRow} from '../../diff/render/summary.js'
import {
  type ChangeKind,
  type DocumentChange,
  type MarketChanges,
  type PlaybookSectionChange,
  revisionLabel,
} from '../model.js'

export function changesTitle(changes: MarketChanges): string {
  return `What changed for ${changes.market.name} (${changes.market.code})`
}

/** "since v1.2 (3f2a9c1), until the working tree; briefing of 2026-05-01". */
export function changesPeriod(changes: MarketChanges): string {
  return `since ${revisionLabel(changes.since)}, until ${revisionLabel(changes.until)}; briefing of ${changes.date}`
}

/** "sops/DE/x.md 1.0.0 → 1.1.0", "sops/DE/x.md 1.1.0 (approved)". */
export function sourceLine(doc: DocumentChange): string {
  const {before, after} = doc
  if (before && after) {
    const file = before.file === after.file ? after.file : `${before.file} → ${after.file}`
    const version =
      before.version === after.version ? (after.version ?? '') : `${before.version ?? '—'} → ${after.version ?? '—'}`
    return `${file}${version ? ` ${version}` : ''}`
  }
  const only = (after ?? before)!
  return `${only.file}${only.version ? ` ${only.version}` : ''}${only.status ? ` (${only.status})` : ''}`
}

/** Metadata rows as the diff shows them (lists joined, deviations per section). */
export function metadataRows(doc: DocumentChange): FieldRow[] {
  return fieldRows({
    a: {file: '', label: '', markets: []},
    b: {file: '', label: '', markets: []},
    classified: false,
    fields: doc.fields,
    sections: [],
  })
}

/** "changed", "added", "removed, from the GLOBAL baseline" ... */
export function sectionLabel(s: PlaybookSectionChange): string {
  return `${s.kind}${s.inherited ? ', from the GLOBAL baseline' : ''}`
}

/** The heading of each kind's part of a briefing. */
export const KIND_HEADING: Record<ChangeKind, string> = {
  added: 'Added',
  approved: 'Approved (now in force)',
  changed: 'Changed',
  retired: 'Retired',
  removed: 'Removed',
}
