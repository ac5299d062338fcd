// Small helpers shared by several rules.
import type {TextEdit} from './rule.js'
import type {DocumentSummary, LIST_FIELDS, SopDocument} from '../core/document.js'

/**
 * Each non-empty item of a list field as written, with the YAML key path that locates it. The
 * index is the item's place in the YAML list, so positions and fixes land on the item reported.
 * Reads front matter as written only, so it serves document and library rules alike.
 */
export function listItems(
  doc: Pick<DocumentSummary, 'written' | 'meta'>,
  field: (typeof LIST_FIELDS)[number],
): Array<{value: string; key: Array<string | number>}> {
  const raw = doc.written[field]
  if (!Array.isArray(raw)) return doc.meta[field].map(value => ({value, key: [field]}))
  const out: Array<{value: string; key: Array<string | number>}> = []
  raw.forEach((item: unknown, index) => {
    // As written, every scalar item is its source text; anything else (a mapping, a null) is no item.
    if (typeof item === 'string' && item !== '') out.push({value: item, key: [field, index]})
  })
  return out
}

/** A safe fix only when the suggestion is the same code in another case (`sg` → `SG`). */
export function caseFix(
  doc: SopDocument,
  key: ReadonlyArray<string | number>,
  value: string,
  suggestion: string | undefined,
): TextEdit | undefined {
  if (!suggestion || suggestion === value || suggestion.toLowerCase() !== value.toLowerCase()) return undefined
  const node = doc.node(key)
  return node ? {start: node.start, end: node.end, text: JSON.stringify(suggestion)} : undefined
}
