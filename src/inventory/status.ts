// Which documents a market still reads: a family seen through a status filter, so the one
// resolver (`resolveVariant`) picks among live or approved documents only.
import type {SopDocument} from '../core/document.js'
import type {Family} from '../core/library.js'

/** Deprecated and retired documents are no longer read (as the review-overdue rule treats them). */
const ENDED = new Set(['deprecated', 'retired'])

export function isLive(doc: SopDocument): boolean {
  return !ENDED.has(doc.meta.status ?? '')
}

export function isApproved(doc: SopDocument): boolean {
  return doc.meta.status === 'approved'
}

/** The family with only the documents `keep` accepts; the resolver is then run on this view. */
export function familyOf(family: Family, keep: (doc: SopDocument) => boolean): Family {
  return {id: family.id, baselines: family.baselines.filter(keep), variants: family.variants.filter(keep)}
}
