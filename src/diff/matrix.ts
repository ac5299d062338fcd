// The drift matrix of one family: every market variant against what its market would otherwise read.
import {compareSections, deviationFor} from '../core/drift.js'
import type {Taxonomy} from '../core/config.js'
import {type Family, baselineOf, inheritedBy, isOutdated} from '../core/library.js'
import {GLOBAL} from '../core/taxonomy.js'
import type {DriftMatrix, MatrixState} from './model.js'

export function buildMatrix(taxonomy: Taxonomy, family: Family, today: string): DriftMatrix | undefined {
  const baseline = baselineOf(family)
  if (!baseline) return undefined
  const paths = baseline.outline.sections.map((s) => s.path)
  const columns: DriftMatrix['columns'] = []
  const states: Array<Map<string, MatrixState>> = []
  const variants = [...family.variants].sort((a, b) => (a.meta.markets[0] ?? '').localeCompare(b.meta.markets[0] ?? ''))
  for (const variant of variants) {
    const reference = inheritedBy(taxonomy, family, variant)?.document ?? baseline
    const cells = new Map<string, MatrixState>()
    for (const c of compareSections(variant.outline.sections, reference.outline.sections)) {
      if (!paths.includes(c.path)) paths.push(c.path)
      cells.set(c.path, cellState(c.state, c.changed, () => deviationFor(variant, c.path, today)))
    }
    for (const market of variant.meta.markets.filter((m) => m !== GLOBAL)) {
      columns.push({market, file: variant.file, reference: reference.file, basedOn: variant.meta.based_on, outdated: isOutdated(variant, baseline)})
      states.push(cells)
    }
  }
  return {
    id: family.id,
    baseline: {file: baseline.file, version: baseline.meta.version},
    columns,
    rows: paths.map((path) => ({path, cells: states.map((cells) => cells.get(path) ?? 'same')})),
  }
}

function cellState(state: string, changed: boolean | undefined, deviation: () => {live: boolean} | undefined): MatrixState {
  if (state === 'same' || (state === 'moved' && !changed)) return 'same'
  if (state === 'removed') return 'missing'
  if (state === 'added') return 'added'
  const match = deviation()
  return !match ? 'drift' : match.live ? 'approved' : 'expired'
}
