// Words and symbols shared by the coverage renderers, so every format says the same thing.
import type {Coverage, CoverageCell, CoverageState} from '../model.js'

export const STATE_SYMBOL: Record<CoverageState, string> = {own: '●', region: '◐', baseline: '○', none: '✗'}

export const STATE_LABEL: Record<CoverageState, string> = {
  own: 'own variant', region: 'a region\'s variant', baseline: 'reads the GLOBAL baseline', none: 'no document',
}

export const COVERAGE_LEGEND = `${(Object.keys(STATE_SYMBOL) as CoverageState[]).map((s) => `${STATE_SYMBOL[s]} ${STATE_LABEL[s]}`).join('   ')}   * outdated variant   ~ variant not in force yet (draft)   ! gap`

/** A cell as short text: symbol, the region read, and marks for outdated, pending (draft) and gap. */
export function cellText(cell: CoverageCell): string {
  return `${STATE_SYMBOL[cell.state]}${cell.region ? ` ${cell.region}` : ''}${cell.outdated ? '*' : ''}${cell.pending ? '~' : ''}${cell.gap ? '!' : ''}`
}

/**
 * Every gap in words: one line per family ("order-not-received: BR, DE read the GLOBAL baseline
 * (variants: ID, MY)"), then one per market with channels no approved document covers.
 */
export function gapLines(coverage: Coverage): string[] {
  const lines: string[] = []
  for (const f of coverage.families) {
    const baseline = f.cells.filter((c) => c.gap && c.state === 'baseline').map((c) => c.market)
    const none = f.cells.filter((c) => c.state === 'none').map((c) => c.market)
    if (baseline.length > 0) lines.push(`${f.id}: ${baseline.join(', ')} ${baseline.length === 1 ? 'reads' : 'read'} the GLOBAL baseline (variants: ${f.variants.join(', ')})`)
    if (none.length > 0) lines.push(`${f.id}: no document for ${none.join(', ')}`)
    for (const c of f.cells) {
      if (c.pending) lines.push(`${f.id}: ${c.market} reads ${c.file ?? 'no document'} while ${c.pending.file} is ${c.pending.status} (not in force)`)
    }
  }
  for (const m of coverage.marketChannels) if (m.missing.length > 0) lines.push(`${m.market}: no approved document for ${m.missing.join(', ')}`)
  return lines
}
