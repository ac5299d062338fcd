// Every ls / coverage format from the same fixture library; CSV read back through the same reader.
import {Chalk} from 'chalk'
import {parse} from 'csv-parse/sync'
import {describe, expect, it} from 'vitest'
import {parseCsv} from '../../src/csv/read.js'
import {buildCoverage} from '../../src/inventory/coverage.js'
import {buildInventory} from '../../src/inventory/inventory.js'
import type {Inventory, InventoryRow} from '../../src/inventory/model.js'
import {
  COVERAGE_FORMATS,
  INVENTORY_RENDERERS,
  LS_FORMATS,
  inventoryRendererNamed,
} from '../../src/inventory/render/index.js'
import {displayWidth} from '../../src/inventory/render/text-table.js'
import {TODAY, fixtureLibrary} from './fixtures.js'
import {isWellFormedXml} from '../helpers/xml.js'

const plain = {color: new Chalk({level: 0})}
const colored = {color: new Chalk({level: 1})}

async function sample() {
  const {library} = await fixtureLibrary()
  const inventory = buildInventory(
    library,
    {markets: [], channels: [], types: [], statuses: [], owners: [], overdue: false},
    TODAY,
  )
  return {inventory, coverage: buildCoverage(library)}
}

function row(over: Partial<InventoryRow>): InventoryRow {
  return {
    id: 'x',
    title: 'X',
    type: 'sop',
    status: 'approved',
    version: '1.0.0',
    owner: '@o',
    markets: ['GLOBAL'],
    channels: [],
    compliance: [],
    topics: [],
    effective: '2026-01-01',
    review_by: '2027-01-01',
    overdue: false,
    role: 'baseline',
    based_on: '',
    outdated: false,
    file: 'sops/global/x.md',
    ...over,
  }
}

const inventoryOf = (rows: InventoryRow[]): Inventory => ({
  today: TODAY,
  filters: {markets: [], channels: [], types: [], statuses: [], owners: [], overdue: false},
  total: rows.length,
  documents: rows,
  unreadable: [],
})

/** The cells as the file holds them, before sopkit's reader undoes the formula guard. */
function rawCells(text: string): string[][] {
  const cells: string[][] = parse(text)
  return cells
}

describe('the registry', () => {
  it('offers table, csv, json and md for ls, and html too for coverage', () => {
    expect(LS_FORMATS).toEqual(['table', 'csv', 'json', 'md'])
    expect(COVERAGE_FORMATS).toEqual(['table', 'csv', 'json', 'md', 'html'])
    expect(new Set(INVENTORY_RENDERERS.map(r => r.name)).size).toBe(INVENTORY_RENDERERS.length)
  })
})

describe('ls formats', () => {
  it('table: aligned, uncoloured when colour is off, overdue and outdated spelled out', async () => {
    const {inventory} = await sample()
    const text = inventoryRendererNamed('table').ls!(inventory, plain)
    expect(text).toMatchSnapshot()
    expect(text).not.toMatch(/\u001b\[/)
    const lines = text.split('\n')
    expect(lines[0]).toMatch(/^ID\s+MARKETS\s+TYPE\s+STATUS\s+VERSION\s+REVIEW BY\s+OWNER\s+TITLE$/)
    expect(text).toMatch(/2026-05-01 overdue/)
    expect(text).toMatch(/1\.2\.1 outdated/)
    expect(text).toMatch(/6 documents, 1 overdue for review/)
    expect(text).toMatch(/1 file could not be read as documents .*sops\/global\/broken\.md/)
  })

  it('table: colours status and overdue on a colour terminal', async () => {
    const {inventory} = await sample()
    expect(inventoryRendererNamed('table').ls!(inventory, colored)).toMatch(/\u001b\[31m2026-05-01 overdue/)
  })

  it('table: control characters from a title never reach the terminal; wide characters keep columns aligned', () => {
    const text = inventoryRendererNamed('table').ls!(
      inventoryOf([row({id: 'a', title: 'evil\u001b[2J\u0007title', owner: '退款团队'}), row({id: 'b', owner: '@o'})]),
      plain,
    )
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/)
    const [head, a, b] = text.split('\n')
    expect(displayWidth(a!.slice(0, a!.indexOf('evil')))).toBe(head!.indexOf('TITLE'))
    expect(b!.indexOf('X')).toBe(head!.indexOf('TITLE'))
  })

  it('csv: one row per document, lists "; "-joined, and formula cells escaped', async () => {
    const {inventory} = await sample()
    const text = inventoryRendererNamed('csv').ls!(inventory, plain)
    const table = parseCsv(text, 'ls.csv')
    expect(table.header).toEqual([
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
    ])
    expect(table.records).toHaveLength(6)
    // The file holds the guarded cell; sopkit's own reader gives the title back as written.
    const raw = rawCells(text)
    expect(raw.find(cells => cells[0] === 'where-is-my-order')![1]).toBe('\'=HYPERLINK("http://evil.example","x")')
    const kb = table.records.find(r => r.cells[0] === 'where-is-my-order')!
    expect(kb.cells[1]).toBe('=HYPERLINK("http://evil.example","x")')
    expect(table.records.find(r => r.cells[0] === 'refund-escalation')!.cells[7]).toBe('chatbot; agent-assisted')
  })

  it('csv: titles starting with + - @ (and a tab, and spaces before =) cannot run as formulas', () => {
    const text = inventoryRendererNamed('csv').ls!(
      inventoryOf(['+1', '-1', '@x', '\t=1', '  =1+1', '=HYPERLINK("http://evil.example")'].map(title => row({title}))),
      plain,
    )
    const titles = rawCells(text)
      .slice(1)
      .map(cells => cells[1])
    expect(titles).toHaveLength(6)
    for (const t of titles) expect(t).toMatch(/^'/)
  })

  it('json: the model as it is', async () => {
    const {inventory} = await sample()
    expect(JSON.parse(inventoryRendererNamed('json').ls!(inventory, plain))).toEqual(
      JSON.parse(JSON.stringify(inventory)),
    )
  })

  it('md: a table with pipes and HTML escaped', async () => {
    const {inventory} = await sample()
    const text = inventoryRendererNamed('md').ls!(inventory, plain)
    expect(text).toMatchSnapshot()
    expect(text).toContain('Old \\| policy')
    expect(text).toMatch(/^6 of 6 documents, 1 overdue for review \(as of 2026-06-01\)\./)
  })
})

describe('coverage formats', () => {
  it('table: both matrices, the legend and the gaps in words', async () => {
    const {coverage} = await sample()
    const text = inventoryRendererNamed('table').coverage!(coverage, plain)
    expect(text).toMatchSnapshot()
    // SG's variant is a draft: SG reads the baseline, and the draft is marked, never shown as SG's own.
    expect(text).toMatch(/refund-escalation\s+sop\s+◐ EU\s+●\s+○~!/)
    expect(text).toMatch(
      /refund-escalation: SG reads sops\/global\/refund-escalation.md while sops\/SG\/refund-escalation.md is draft \(not in force\)/,
    )
    // de-only is DE's alone: EU and SG are outside its scope, so no gap there.
    expect(text).toMatch(/^de-only\s+sop\s+●\s+·\s+·$/m)
    expect(text).not.toMatch(/de-only: no document/)
    // Markets missing the same channels share one line.
    expect(text).toMatch(/^ {2}EU, SG: no approved document for ai-agent, live-chat, email, phone, social$/m)
  })

  it('csv: a long table that pivots into either matrix', async () => {
    const {coverage} = await sample()
    const table = parseCsv(inventoryRendererNamed('csv').coverage!(coverage, plain), 'coverage.csv')
    expect(table.header).toEqual([
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
    ])
    expect(table.records.filter(r => r.cells[0] === 'families')).toHaveLength(
      coverage.families.length * coverage.markets.length,
    )
    expect(table.records.filter(r => r.cells[0] === 'channels')).toHaveLength(
      coverage.channels.length * coverage.markets.length,
    )
    expect(table.records.every(r => !r.problem)).toBe(true)
    expect(
      table.records.find(r => r.cells[1] === 'refund-escalation' && r.cells[3] === 'DE')!.cells.slice(4, 6),
    ).toEqual(['region', 'EU'])
  })

  it('md and json', async () => {
    const {coverage} = await sample()
    expect(inventoryRendererNamed('md').coverage!(coverage, plain)).toMatch(
      /## Families × markets\n\n\| family \| type \| DE \| EU \| SG \|/,
    )
    expect(JSON.parse(inventoryRendererNamed('json').coverage!(coverage, plain))).toEqual(
      JSON.parse(JSON.stringify(coverage)),
    )
  })

  it('html: one self-contained, well-formed page with no scripts and nothing fetched', async () => {
    const {coverage} = await sample()
    const html = inventoryRendererNamed('html').coverage!(coverage, plain)
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('Content-Security-Policy')
    // Document text may mention a URL (the fixture's title does); nothing may load one.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|url\(|\b(src|href|action)\s*=/i)
    expect(isWellFormedXml(html.replace(/^<!doctype html>\n/, '').replace(/<meta([^>]*)>/g, '<meta$1/>'))).toBe(true)
  })
})
