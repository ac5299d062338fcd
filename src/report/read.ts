// From a metrics CSV table to keyed rows and metric columns: id, market and period are found by
// name (or --map), and channel and intent when the export has them; every other column is a metric when sopkit knows it, a document targets it, or
// --map names it, and is listed as ignored otherwise.
import {SopkitError} from '../core/errors.js'
import {type FieldSpec, mapColumns} from '../csv/columns.js'
import type {CsvRecord, CsvTable} from '../csv/read.js'
import {type HeaderUnit, type MetricInfo, metricHeader, metricName} from './metrics.js'

export const KEY_FIELDS: readonly FieldSpec[] = [
  {field: 'id', aliases: ['id', 'sopid', 'documentid', 'docid', 'familyid', 'family', 'document', 'sop']},
  {field: 'market', aliases: ['market', 'marketcode', 'country', 'countrycode', 'region']},
  {field: 'period', aliases: ['period', 'month', 'week', 'quarter', 'date', 'day', 'year']},
]

/** Keys a metrics export may add: the channel (bot or agent) and the intent (contact reason) a row measures. */
export const OPTIONAL_KEY_FIELDS: readonly FieldSpec[] = [
  {field: 'channel', aliases: ['channel', 'contactchannel', 'channeltype', 'medium']},
  {field: 'intent', aliases: ['intent', 'contactreason', 'contactdriver', 'reason']},
]

export interface MetricColumn extends MetricInfo {
  index: number
  header: string
  metric: string
  unit?: HeaderUnit
}

export interface MetricsTable {
  keys: {id: number; market: number; period: number; channel?: number; intent?: number}
  columns: MetricColumn[]
  ignored: string[]
  records: readonly CsvRecord[]
}

/**
 * Find the key columns and the metric columns. `infoFor` says how a metric is compared (or
 * undefined when it is neither known nor targeted by any document).
 */
export function readMetricsTable(
  table: CsvTable,
  overrides: readonly string[],
  infoFor: (metric: string) => MetricInfo | undefined,
): MetricsTable {
  const map = mapColumns(table.header, {
    specs: [...KEY_FIELDS, ...OPTIONAL_KEY_FIELDS],
    overrides,
    acceptField: field => metricName(field) || undefined,
  })
  const missing = KEY_FIELDS.map(k => k.field).filter(f => !map.indexOf.has(f))
  if (missing.length > 0) {
    throw new SopkitError(
      'CSV_COLUMNS',
      `${table.file}: no ${missing.join(', ')} column (the header has: ${table.header.filter(h => h !== '').join(', ')})`,
      `name the columns id, market and period, or map yours: --map "${missing.map(f => `Your ${f} column=${f}`).join(',')}"`,
    )
  }
  const keyIndexes = new Set([...KEY_FIELDS, ...OPTIONAL_KEY_FIELDS].map(k => map.indexOf.get(k.field)))
  const columns: MetricColumn[] = []
  const ignored: string[] = []
  table.header.forEach((header, index) => {
    if (keyIndexes.has(index) || header === '') return
    if (map.ignoredByMap.has(index)) return void ignored.push(header)
    const mapped = map.fieldAt[index]
    const {metric, unit} = metricHeader(header)
    const name = mapped ?? metric
    // A column --map named is a metric even when nothing targets it yet.
    const info = infoFor(name) ?? (mapped ? {kind: 'number' as const, direction: 'unknown' as const} : undefined)
    if (info && !columns.some(c => c.metric === name)) columns.push({index, header, metric: name, unit, ...info})
    else ignored.push(header)
  })
  return {
    keys: {
      id: map.indexOf.get('id')!,
      market: map.indexOf.get('market')!,
      period: map.indexOf.get('period')!,
      channel: map.indexOf.get('channel'),
      intent: map.indexOf.get('intent'),
    },
    columns,
    ignored,
    records: table.records,
  }
}
