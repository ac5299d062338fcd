// Applies safe fixes: replacements inside the front matter only, so body bytes never change.
import type {SopDocument} from '../core/document.js'
import type {TextEdit} from '../rules/rule.js'

/** The document's text with every non-overlapping front-matter edit applied, or undefined if none applies. */
export function applyFixes(doc: SopDocument, edits: readonly TextEdit[]): string | undefined {
  const block = doc.block
  if (!block) return undefined
  const inside = edits.filter(e => e.start >= block.start && e.end <= block.end && e.start <= e.end)
  const sorted = [...inside].sort((a, b) => b.start - a.start)
  let text = doc.text
  let applied = 0
  let limit = Number.POSITIVE_INFINITY
  for (const edit of sorted) {
    if (edit.end > limit) continue
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end)
    limit = edit.start
    applied++
  }
  return applied > 0 ? text : undefined
}
