// Which documents are read: deprecated and retired ones no longer are, and only approved ones are
// in force. The resolver (core/library) applies a status filter before it resolves.
import type {Family, Member} from './library.js'

/** Deprecated and retired documents are no longer read (as the review-overdue rule treats them). */
const ENDED = new Set(['deprecated', 'retired'])

export function isLive(doc: Member): boolean {
  return !ENDED.has(doc.meta.status ?? '')
}

/** In force: what a market reads unless the caller names other statuses (export's `--status`). */
export function isApproved(doc: Member): boolean {
  return doc.meta.status === 'approved'
}

/** The family with only the documents `keep` accepts; the resolver is then run on this view. */
export function familyOf<D extends Member>(family: Family<D>, keep: (doc: D) => boolean): Family<D> {
  return {id: family.id, baselines: family.baselines.filter(keep), variants: family.variants.filter(keep)}
}
