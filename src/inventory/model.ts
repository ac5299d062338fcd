// The shapes `sopkit ls` and `sopkit coverage` build and every renderer reads.

/** Which documents `ls` keeps; every list is "any of". */
export interface InventoryFilters {
  /** Documents that apply to any of these markets (see `appliesToMarket`). */
  markets: string[]
  channels: string[]
  types: string[]
  statuses: string[]
  owners: string[]
  /** Only live documents past their review date. */
  overdue: boolean
}

export interface InventoryRow {
  id: string
  title: string
  type: string
  status: string
  version: string
  owner: string
  markets: string[]
  channels: string[]
  compliance: string[]
  topics: string[]
  effective: string
  review_by: string
  /** Live (not deprecated or retired) and past `review_by`. */
  overdue: boolean
  /** `baseline` when the markets include GLOBAL. */
  role: 'baseline' | 'variant'
  based_on: string
  /** A variant whose `based_on` is older than its baseline's version. */
  outdated: boolean
  /** Repo-relative path. */
  file: string
}

export interface Inventory {
  /** The date overdue was judged against (YYYY-MM-DD). */
  today: string
  filters: InventoryFilters
  /** Documents in the library before filtering. */
  total: number
  documents: InventoryRow[]
  /** Files that could not be read as documents (`sopkit check` says why). */
  unreadable: Array<{file: string; reason: string}>
}

/**
 * How a market is served by a family: its own variant, a variant of one of its regions, the GLOBAL
 * baseline, or nothing at all.
 */
export type CoverageState = 'own' | 'region' | 'baseline' | 'none'

export interface CoverageCell {
  market: string
  state: CoverageState
  /** The region whose variant the market reads (state `region`). */
  region?: string
  /** The document the market reads. */
  file?: string
  status?: string
  /** The document read is a variant based on an older baseline version. */
  outdated?: boolean
  /** A more specific variant that is not in force yet (a draft): the market reads `file` meanwhile. */
  pending?: {file: string; status: string}
  /** A gap: no document, or the baseline in a family that other markets have localised; never out of scope. */
  gap: boolean
  /** The market is outside the family's scope (config `coverage.scope`): no document there is expected. */
  outOfScope?: boolean
}

export interface FamilyCoverage {
  id: string
  title: string
  type: string
  /** Markets that have their own variant. */
  variants: string[]
  cells: CoverageCell[]
}

export interface ChannelCell {
  channel: string
  /** Families whose approved document for the market lists the channel. */
  ids: string[]
}

export interface MarketChannels {
  market: string
  channels: ChannelCell[]
  /** Channels with no approved document for the market. */
  missing: string[]
}

export interface Coverage {
  markets: string[]
  channels: string[]
  families: FamilyCoverage[]
  marketChannels: MarketChannels[]
  /** Every gap of the families × markets matrix, family by family. */
  gaps: Array<{id: string; market: string; state: CoverageState}>
}
