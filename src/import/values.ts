// From a row's cells to the answers `sopkit new` takes. Cells are plain text: spreadsheet spellings
// are brought to the taxonomy's codes (sg → SG, Germany → DE, "AI agent" → ai-agent, "KB article" →
// kb-article); anything still unknown is passed on as written, so the scaffold refuses it with the
// same message and "did you mean" a flag would get.
import type {Config} from '../core/config.js'
import {mapFor, memo} from '../core/memo.js'
import {didYouMean, marketCodeOf, suggest} from '../core/taxonomy.js'
import type {Answers} from '../scaffold/fields.js'
import type {Problem} from '../scaffold/validate.js'
import {type ColumnMap, cellOf, headerKey, splitList} from '../csv/columns.js'
import type {ImportField} from './columns.js'

/** What one row says, with values brought to the taxonomy's spelling where one matches. */
export interface RowValues {
  answers: Answers
  /** The template (document type) the row names, if any. */
  type?: string
  /** Every value the row cannot have, each with the field it is in (the row is refused when any). */
  problems: Array<Problem & {field: ImportField}>
}

/** Read a row through the column map; a status or market the config does not know is a problem, and every one is kept. */
export function readRow(config: Config, map: ColumnMap, cells: readonly string[]): RowValues {
  const cell = (field: ImportField) => cellOf(map, cells, field)
  const problems: RowValues['problems'] = []
  const status = cell('status')
  const canonicalStatus =
    status === undefined ? undefined : canonical(status, spellings(config, 'statuses', config.statuses, slug), slug)
  if (status !== undefined && !config.statuses.includes(canonicalStatus!)) {
    const hint = suggest(slug(status), config.statuses)
    problems.push({
      field: 'status',
      message: `unknown status "${status}"${didYouMean(hint)}`,
      mend: `use one of ${config.statuses.join(', ')}`,
    })
  }
  const list = (field: ImportField) => {
    const values = splitList(cell(field))
    return values.length > 0 ? values : undefined
  }
  const markets = list('markets')?.map(m => marketCodeOf(config.taxonomy, m) ?? m)
  // The taxonomy is a plain object: "constructor" or "toString" would pass an `in` test, so such a
  // cell is refused here rather than reaching the scaffold's market checks.
  const inherited = markets?.find(
    m => !isOwnCode(config, m) && (m in config.taxonomy.markets || m in config.taxonomy.regions),
  )
  if (inherited !== undefined)
    problems.push({
      field: 'markets',
      message: `unknown market "${inherited}"`,
      mend: 'use an ISO 3166-1 alpha-2 code (SG, DE, NO), a region of the taxonomy (EU, SEA ...) or GLOBAL',
    })
  const type = cell('type')
  return {
    problems,
    type: type === undefined ? undefined : slug(type),
    answers: {
      title: cell('title'),
      id: cell('id'),
      owner: cell('owner'),
      status: canonicalStatus,
      markets,
      channels: list('channels')?.map(c => canonical(c, channelSpellings(config), slug)),
      compliance: list('compliance')?.map(c => canonical(c, complianceSpellings(config), headerKey)),
      topics: list('topics')?.map(slug),
    },
  }
}

/** "In review" → "in-review", "KB article" → "kb-article". */
function slug(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
}

/** A list of known values looked up by their key and by their display name (the first of each wins). */
interface Spellings {
  byKey: Map<string, string>
  byName: Map<string, string>
}

/** Lookups per config and list: made once, not for every cell of every row. */
const spellingsOf = new WeakMap<Config, Map<string, Spellings>>()

function spellings(
  config: Config,
  list: string,
  known: readonly string[],
  key: (v: string) => string,
  names?: Record<string, {name: string}>,
): Spellings {
  return memo(mapFor(spellingsOf, config), list, () => {
    const byKey = new Map<string, string>()
    const byName = new Map<string, string>()
    for (const k of known) {
      if (!byKey.has(key(k))) byKey.set(key(k), k)
      const name = names?.[k]?.name.toLowerCase()
      if (name !== undefined && !byName.has(name)) byName.set(name, k)
    }
    return {byKey, byName}
  })
}

/** The known value `value` spells (compared through its key, or by display name), else `value` as written. */
function canonical(value: string, known: Spellings, key: (v: string) => string): string {
  return known.byKey.get(key(value)) ?? known.byName.get(value.trim().toLowerCase()) ?? value
}

function channelSpellings(config: Config): Spellings {
  const {channels} = config.taxonomy
  return spellings(config, 'channels', Object.keys(channels), slug, channels)
}

function complianceSpellings(config: Config): Spellings {
  return spellings(config, 'compliance', Object.keys(config.taxonomy.compliance), headerKey)
}

function isOwnCode(config: Config, code: string): boolean {
  return Object.hasOwn(config.taxonomy.markets, code) || Object.hasOwn(config.taxonomy.regions, code)
}
