// Words and symbols shared by the coverage renderers, so every format says the same thing.
import type {Coverage, CoverageCell, CoverageState, FamilyCoverage} from '../model.js'
import {groupBy} from '../../core/group.js'

export const STATE_SYMBOL: Record<CoverageState, string> = {own: '●', region: '◐', baseline: '○', none: '✗'}

export const STATE_LABEL: Record<CoverageState, string> = {
  own: 'own variant',
  region: "a region's variant",
  baseline: 'reads the GLOBAL baseline',
  none: 'no document',
}

/** A market outside the family's scope with no document: nothing is expected there. */
export const OUT_OF_SCOPE = {symbol: '·', label: "not in the family's markets"}

export const COVERAGE_LEGEND = `${(Object.keys(STATE_SYMBOL) as CoverageState[]).map(s => `${STATE_SYMBOL[s]} ${STATE_LABEL[s]}`).join('   ')}   ${OUT_OF_SCOPE.symbol} ${OUT_OF_SCOPE.label}   * outdated variant   ~ variant not in force yet (draft)   ! gap`

/** The cell's symbol: its state, or the out-of-scope dot where no document is expected. */
export function cellSymbol(cell: CoverageCell): string {
  return cell.outOfScope && cell.state === 'none' ? OUT_OF_SCOPE.symbol : STATE_SYMBOL[cell.state]
}

/** A cell as short text: symbol, the region read, and marks for outdated, pending (draft) and gap. */
export function cellText(cell: CoverageCell): string {
  return `${cellSymbol(cell)}${cell.region ? ` ${cell.region}` : ''}${cell.outdated ? '*' : ''}${cell.pending ? '~' : ''}${cell.gap ? '!' : ''}`
}

/**
 * Every gap in words: one line per family ("order-not-received: BR, DE read the GLOBAL baseline
 * (variants: ID, MY)"), then one per market with channels no approved document covers.
 */
export function gapLines(coverage: Coverage): string[] {
  const lines: string[] = []
  for (const f of coverage.families) {
    const baseline = f.cells.filter(c => c.gap && c.state === 'baseline' && !c.pending).map(c => c.market)
    const none = f.cells.filter(c => c.state === 'none' && c.gap && !c.pending).map(c => c.market)
    if (baseline.length > 0)
      lines.push(
        `${f.id}: ${baseline.join(', ')} ${baseline.length === 1 ? 'reads' : 'read'} the GLOBAL baseline (variants: ${f.variants.join(', ')})`,
      )
    if (none.length > 0) lines.push(`${f.id}: no document for ${none.join(', ')}`)
    lines.push(...pendingLines(f))
  }
  // Markets missing the same channels share one line, not one line each.
  const byMissing = groupBy(coverage.marketChannels, m => (m.missing.length === 0 ? undefined : m.missing.join(', ')))
  for (const [missing, group] of byMissing) {
    const markets = group.map(m => m.market)
    const where = markets.length === coverage.markets.length && markets.length > 1 ? 'any market' : markets.join(', ')
    lines.push(`${where}: no approved document for ${missing}`)
  }
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

/**
 * The channels × markets rows worth a row: a channel no market covers would be a row of ✗ in
 * every market, so it is left out of the table and named once in `nowhere`.
 */
export function channelRows(coverage: Coverage): {rows: Array<{channel: string; index: number}>; nowhere: string[]} {
  const covered = (index: number) => coverage.marketChannels.some(m => m.channels[index]!.ids.length > 0)
  const all = coverage.channels.map((channel, index) => ({channel, index}))
  // With no market at all there is nothing to collapse into a line.
  if (coverage.marketChannels.length === 0) return {rows: all, nowhere: []}
  return {rows: all.filter(r => covered(r.index)), nowhere: all.filter(r => !covered(r.index)).map(r => r.channel)}
}

/** The line under the channels table naming the channels left out of it. */
export function nowhereLine(nowhere: readonly string[]): string | undefined {
  return nowhere.length > 0 ? `No market has an approved document for: ${nowhere.join(', ')}` : undefined
}
