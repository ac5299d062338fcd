// For spreadsheets: one header, one row per document (ls) or per cell (coverage, a long table
// that pivots into either matrix). Lists are joined with "; " so `sopkit import` reads them back.
// Cells pass through the one CSV writer, which escapes formulas.
import {toCsv} from '../../csv/write.js'
import type {Coverage, Inventory} from '../model.js'
import {defineInventoryRenderer} from './renderer.js'

const LS_COLUMNS = [
  'id',
  'title',
  'type',
  'status',
  'version',
  'owner',
  'markets',
  'channels',
  'compliance',
  'topics',
  'effective',
  'review_by',
  'overdue',
  'role',
  'based_on',
  'outdated',
  'file',
] as const

const list = (values: readonly string[]) => values.join('; ')

export default defineInventoryRenderer({
  name: 'csv',
  extensions: ['csv'],
  description: 'CSV for spreadsheets (formula-safe)',
  ls: (inventory: Inventory) =>
    toCsv(
      LS_COLUMNS,
      inventory.documents.map(r =>
        LS_COLUMNS.map(c => {
          const value = r[c]
          return Array.isArray(value) ? list(value) : value
        }),
      ),
    ),
  coverage: (coverage: Coverage) =>
    toCsv(
      [
        'matrix',
        'family',
        'channel',
        'market',
        'state',
        'region',
        'status',
        'outdated',
        'gap',
        'documents',
        'file',
        'pending',
      ],
      [
        ...coverage.families.flatMap(f =>
          f.cells.map(c => [
            'families',
            f.id,
            '',
            c.market,
            c.state,
            c.region,
            c.status,
            c.outdated ?? false,
            c.gap,
            '',
            c.file,
            c.pending ? `${c.pending.file} (${c.pending.status})` : '',
          ]),
        ),
        ...coverage.marketChannels.flatMap(m =>
          m.channels.map(c => [
            'channels',
            '',
            c.channel,
            m.market,
            c.ids.length > 0 ? 'covered' : 'none',
            '',
            '',
            '',
            c.ids.length === 0,
            list(c.ids),
            '',
            '',
          ]),
        ),
      ],
    ),
})
