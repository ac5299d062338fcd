// The drift matrix of one family: every market variant against what its market would otherwise
// read, with the three-way states of core/three-way when the variant's merge base is known.
import type {Taxonomy} from '../core/config.js'
import {deviationFor} from '../core/drift.js'
import {type Family, baselineOf, inheritedBy, isOutdated} from '../core/library.js'
import {GLOBAL} from '../core/taxonomy.js'
import type {ThreeWaySection} from '../core/three-way.js'
import {type Upstream, variantStates} from '../core/upstream.js'
import type {SopDocument} from '../core/document.js'
import type {DriftMatrix, MatrixState} from './model.js'

export function buildMatrix(
  taxonomy: Taxonomy,
  family: Family,
  today: string,
  upstream?: Upstream,
): DriftMatrix | undefined {
  const baseline = baselineOf(family)
  if (!baseline) return undefined
  const paths = baseline.outline.sections.map(s => s.path)
  const columns: DriftMatrix['columns'] = []
  const states: Array<Map<string, MatrixState>> = []
  const variants = [...family.variants].sort((a, b) => (a.meta.markets[0] ?? '').localeCompare(b.meta.markets[0] ?? ''))
  for (const variant of variants) {
    const reference = inheritedBy(taxonomy, family, variant)?.document ?? baseline
    const cells = new Map<string, MatrixState>()
    for (const s of variantStates(variant, reference, upstream, today).sections)
      cells.set(s.path, cellState(s, variant, today))
    placeAdded(
      paths,
      variant.outline.sections.map(s => s.path),
    )
    for (const path of cells.keys()) if (!paths.includes(path)) paths.push(path)
    for (const market of variant.meta.markets.filter(m => m !== GLOBAL)) {
      columns.push({
        market,
        file: variant.file,
        reference: reference.file,
        basedOn: variant.meta.based_on,
        outdated: isOutdated(variant, baseline),
        ...(variant.meta.status === 'approved' ? {} : {status: variant.meta.status ?? 'no status'}),
      })
      states.push(cells)
    }
  }
  return {
    id: family.id,
    baseline: {file: baseline.file, version: baseline.meta.version},
    columns,
    rows: paths.map(path => ({path, cells: states.map(cells => cells.get(path) ?? 'same')})),
  }
}

/**
 * A section only a variant has goes where the variant has it: after the section before it in the
 * variant (its parent or its elder sibling), so rows read in document order.
 */
function placeAdded(paths: string[], variantOrder: readonly string[]): void {
  let after = -1
  for (const path of variantOrder) {
    const at = paths.indexOf(path)
    if (at >= 0) {
      after = at
      continue
    }
    paths.splice(after + 1, 0, path)
    after += 1
  }
}

function cellState(s: ThreeWaySection, variant: SopDocument, today: string): MatrixState {
  if (s.state === 'same' || s.state === 'upstream' || s.state === 'conflict') return s.state
  if (s.local === 'removed') return 'missing'
  if (s.local === 'added') return 'added'
  const match = deviationFor(variant, s.path, today)
  return !match ? 'drift' : match.live ? 'approved' : 'expired'
}
