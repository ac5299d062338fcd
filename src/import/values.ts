// From a row's cells to the answers `sopkit new` takes. Cells are plain text: spreadsheet spellings
// are brought to the taxonomy's codes (sg → SG, Germany → DE, "AI agent" → ai-agent, "KB article" →
// kb-article); anything still unknown is passed on as written, so the scaffold refuses it with the
// same message and "did you mean" a flag would get.
import type {Config} from '../core/config.js'
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
  const canonicalStatus = status === undefined ? undefined : canonical(status, config.statuses, slug)
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
      channels: list('channels')?.map(c =>
        canonical(c, Object.keys(config.taxonomy.channels), slug, config.taxonomy.channels),
      ),
      compliance: list('compliance')?.map(c => canonical(c, Object.keys(config.taxonomy.compliance), headerKey)),
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

/** The known value `value` spells (compared through `key`, or by display name), else `value` as written. */
function canonical(
  value: string,
  known: readonly string[],
  key: (v: string) => string,
  names?: Record<string, {name: string}>,
): string {
  const wanted = key(value)
  const byCode = known.find(k => key(k) === wanted)
  if (byCode) return byCode
  const lower = value.trim().toLowerCase()
  const byName = names ? known.find(k => names[k]?.name.toLowerCase() === lower) : undefined
  return byName ?? value
}

function isOwnCode(config: Config, code: string): boolean {
  return Object.hasOwn(config.taxonomy.markets, code) || Object.hasOwn(config.taxonomy.regions, code)
}
