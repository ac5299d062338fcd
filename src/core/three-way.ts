// The three-way section model of "Variants over time": per heading path, what the baseline changed
// since the variant's merge base (upstream), what the market changed (local), and where both did
// (conflict). Plain sections in, states out: check, diff, the matrix and port all read it.
import {type AnySection, keyed, sameContent, samePaths} from './drift.js'
import type {Section} from './sections.js'

export type ThreeWayState = 'same' | 'upstream' | 'local' | 'conflict'

/** How one side changed a section since the merge base. */
export type SideChange = 'changed' | 'added' | 'removed'

export interface ThreeWaySection<S extends AnySection = Section> {
  path: string
  state: ThreeWayState
  /** What the baseline did since the merge base, when it changed the section. */
  upstream?: SideChange
  /** What the market did since the merge base, when it changed the section. */
  local?: SideChange
  base?: S
  baseline?: S
  variant?: S
}

export interface ThreeWayInput<S extends AnySection = Section> {
  /** B0: the baseline at the variant's `based_on` (today's baseline when history is unknown). */
  base: readonly S[]
  /** B1: the baseline now. */
  baseline: readonly S[]
  /** V: the variant. */
  variant: readonly S[]
  /** True when a live deviation names the section (or a parent): an upstream change there is a person's call. */
  underLiveDeviation(path: string): boolean
}

function equal(a: AnySection | undefined, b: AnySection | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameContent(a, b)
}

function change(from: AnySection | undefined, to: AnySection | undefined): SideChange | undefined {
  if (equal(from, to)) return undefined
  return from === undefined ? 'added' : to === undefined ? 'removed' : 'changed'
}

/**
 * Every section path of the three versions with its state, in the variant's order; a section only
 * the baseline has follows the section before it in the baseline. A path gone from all but the
 * merge base is omitted (both sides removed it).
 */
export function threeWay<S extends AnySection>(input: ThreeWayInput<S>): Array<ThreeWaySection<S>> {
  return aligned(input).map(({base, baseline, variant}) => {
    const path = (variant ?? baseline ?? base)!.path
    const upstream = change(base, baseline)
    const local = change(base, variant)
    return {
      path,
      state: stateOf(
        upstream,
        local,
        () => equal(variant, baseline),
        () => input.underLiveDeviation(path),
      ),
      upstream,
      local,
      base,
      baseline,
      variant,
    }
  })
}

interface Aligned<S> {
  base?: S
  baseline?: S
  variant?: S
}

/** The three versions of each section path, in the order `threeWay` describes. */
function aligned<S extends AnySection>({base, baseline, variant}: ThreeWayInput<S>): Array<Aligned<S>> {
  // Most variants keep the baseline's headings, and the baseline its merge base's: then sections pair by position.
  if (samePaths(variant, baseline) && samePaths(variant, base))
    return variant.map((v, i) => ({base: base[i], baseline: baseline[i], variant: v}))
  const k0 = new Map(keyed(base))
  const k1 = keyed(baseline)
  const byKey1 = new Map(k1)
  const kv = keyed(variant)
  const byKeyV = new Map(kv)
  const order = kv.map(([key]) => key)
  let after = -1
  for (const [key] of k1) {
    const at = order.indexOf(key)
    if (at >= 0) after = at
    else order.splice(++after, 0, key)
  }
  return order.map(key => ({base: k0.get(key), baseline: byKey1.get(key), variant: byKeyV.get(key)}))
}

function stateOf(
  upstream: SideChange | undefined,
  local: SideChange | undefined,
  agree: () => boolean,
  deviated: () => boolean,
): ThreeWayState {
  if (!upstream) return local ? 'local' : 'same'
  if (local) return agree() ? 'same' : 'conflict'
  return deviated() ? 'conflict' : 'upstream'
}

/** How many upstream changes wait, and how many of them conflict. */
export function waiting(sections: ReadonlyArray<ThreeWaySection<AnySection>>): {portable: number; conflicts: number} {
  let portable = 0
  let conflicts = 0
  for (const s of sections) {
    if (s.state === 'upstream') portable++
    else if (s.state === 'conflict') conflicts++
  }
  return {portable, conflicts}
}
