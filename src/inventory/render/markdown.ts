// For pull requests and wikis: GitHub-flavoured Markdown tables.
import type {Coverage, Inventory} from '../model.js'
import {markdownCell, markdownTable} from '../../core/escape.js'
import {COVERAGE_LEGEND, cellText, channelRows, gapLines, nowhereLine} from './legend.js'
import {defineInventoryRenderer} from './renderer.js'

export default defineInventoryRenderer({
  name: 'md',
  extensions: ['md', 'markdown'],
  description: 'Markdown tables',
  ls: renderLs,
  coverage: renderCoverage,
})

function renderLs(inventory: Inventory): string {
  const rows = inventory.documents.map(r => [
    r.id,
    r.title,
    r.type,
    r.status,
    r.outdated ? `${r.version} outdated` : r.version,
    r.markets.join(', '),
    r.channels.join(', '),
    r.owner,
    r.overdue ? `${r.review_by} **overdue**` : r.review_by,
    r.file,
  ])
  const overdue = inventory.documents.filter(r => r.overdue).length
  const parts = [
    `${inventory.documents.length} of ${inventory.total} documents${overdue > 0 ? `, ${overdue} overdue for review` : ''} (as of ${inventory.today}).`,
  ]
  if (rows.length > 0)
    parts.push(
      markdownTable(
        ['id', 'title', 'type', 'status', 'version', 'markets', 'channels', 'owner', 'review by', 'file'],
        rows,
      ),
    )
  if (inventory.unreadable.length > 0)
    parts.push(`Not readable as documents: ${inventory.unreadable.map(u => `\`${markdownCell(u.file)}\``).join(', ')}.`)
  return `${parts.join('\n\n')}\n`
}

function renderCoverage(coverage: Coverage): string {
  const families = markdownTable(
    ['family', 'type', ...coverage.markets],
    coverage.families.map(f => [f.id, f.type, ...f.cells.map(cellText)]),
  )
  const {rows, nowhere} = channelRows(coverage)
  const channels = markdownTable(
    ['channel', ...coverage.markets],
    rows.map(({channel, index: i}) => [
      channel,
      ...coverage.marketChannels.map(m => (m.channels[i]!.ids.length === 0 ? '✗' : String(m.channels[i]!.ids.length))),
    ]),
  )
  const gaps = gapLines(coverage)
  return (
    [
      '## Families × markets',
      families,
      COVERAGE_LEGEND,
      '## Channels × markets',
      'Approved documents each market reads, per channel.',
      channels,
      ...(nowhere.length > 0 ? [markdownCell(nowhereLine(nowhere)!)] : []),
      '## Gaps',
      gaps.length > 0 ? gaps.map(g => `- ${markdownCell(g)}`).join('\n') : 'None.',
    ].join('\n\n') + '\n'
  )
}
