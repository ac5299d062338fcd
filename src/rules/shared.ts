// Small helpers shared by several rules.
import type {TextEdit} from './rule.js'
import type {SopDocument} from '../core/document.js'

/**
 * Each non-empty item of a list field as written, with the YAML key path that locates it. The
 * index is the item's place in the YAML list, so positions and fixes land on the item reported.
 */
export function listItems(doc: SopDocument, field: 'markets' | 'channels' | 'compliance' | 'topics'): Array<{value: string; key: Array<string | number>}> {
  const raw = doc.data[field]
  if (!Array.isArray(raw)) return doc.meta[field].map((value) => ({value, key: [field]}))
  const out: Array<{value: string; key: Array<string | number>}> = []
  raw.forEach((item, index) => {
    if (item === null || item === undefined || item === '' || typeof item === 'object') return
    const value = typeof item === 'string' ? item : doc.scalar([field, index])?.source ?? String(item)
    out.push({value, key: [field, index]})
  })
  return out
}


/** A safe fix only when the suggestion is the same code in another case (`sg` → `SG`). */
export function caseFix(doc: SopDocument, key: ReadonlyArray<string | number>, value: string, suggestion: string | undefined): TextEdit | undefined {
  if (!suggestion || suggestion === value || suggestion.toLowerCase() !== value.toLowerCase()) return undefined
  const node = doc.node(key)
  return node ? {start: node.start, end: node.end, text: JSON.stringify(suggestion)} : undefined
}
