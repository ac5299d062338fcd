// Playbook anchors: `doc-<id>` for a document, `doc-<id>--<heading slug>` for a section. They
// depend only on the document's own id and headings, so they stay the same whatever else a
// playbook holds, and a source link `other.md#escalation` maps to its section directly.
import {headingSlug} from '../core/anchors.js'

/** Allocates anchors unique across one playbook. */
export class AnchorSet {
  private readonly used = new Set<string>(['cover', 'toc', 'compliance', 'outside-links', 'skipped'])

  /** `wanted`, or `wanted-2`, `-3` ... when taken (only a malformed id can make that happen). */
  claim(wanted: string): string {
    let anchor = wanted
    for (let n = 2; this.used.has(anchor); n++) anchor = `${wanted}-${n}`
    this.used.add(anchor)
    return anchor
  }
}

/** The document anchor's stem: ids are kebab-case already; anything else is slugged to stay a valid fragment. */
export function documentAnchor(id: string): string {
  return `doc-${headingSlug(id).replace(/_/g, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '') || 'untitled'}`
}
