// Words and symbols shared by the coverage renderers, so every format says the same thing.
import type {Coverage, CoverageCell, CoverageState, FamilyCoverage} from '../model.js'

export const STATE_SYMBOL: Record<CoverageState, string> = {own: '●', region: '◐', baseline: '○', none: '✗'}

export const STATE_LABEL: Record<CoverageState, string> = {
  own: 'own variant',
  region: "a region's variant",
  baseline: 'reads the GLOBAL baseline',
  none: 'no document',
}

export const COVERAGE_LEGEND = `${(Object.keys(STATE_SYMBOL) as CoverageState[]).map(s => `${STATE_SYMBOL[s]} ${STATE_LABEL[s]}`).join('   ')}   * outdated variant   ~ variant not in force yet (draft)   ! gap`

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
    const baseline = f.cells.filter(c => c.gap && c.state === 'baseline' && !c.pending).map(c => c.market)
    const none = f.cells.filter(c => c.state === 'none' && !c.pending).map(c => c.market)
    if (baseline.length > 0)
      lines.push(
        `${f.id}: ${baseline.join(', ')} ${baseline.length === 1 ? 'reads' : 'read'} the GLOBAL baseline (variants: ${f.variants.join(', ')})`,
      )
    if (none.length > 0) lines.push(`${f.id}: no document for ${none.join(', ')}`)
    lines.push(...pendingLines(f))
  }
  for (const m of coverage.marketChannels)
    if (m.missing.length > 0) lines.push(`${m.market}: no approved document for ${m.missing.join(', ')}`)
  return lines
}

/** Markets that read one thing while a variant is not in force yet, one line per (read, pending) pair. */
function pendingLines(family: FamilyCoverage): string[] {
  const groups = new Map<string, {markets: string[]; cell: CoverageCell}>()
  for (const c of family.cells) {
    if (!c.pending) continue
    const key = [c.file ?? '', c.pending.file, c.pending.status].join('\u0000')
    const group = groups.get(key) ?? {markets: [], cell: c}
    group.markets.push(c.market)
    groups.set(key, group)
  }
  return [...groups.values()].map(
    ({markets, cell}) =>
      `${family.id}: ${markets.join(', ')} ${markets.length === 1 ? 'reads' : 'read'} ` +
      `${cell.file ?? 'no document'} while ${cell.pending!.file} is ${cell.pending!.status} (not in force)`,
  )
}
