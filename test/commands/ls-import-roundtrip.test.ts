// `sopkit ls --format csv` output imports back with `sopkit import` (issue 18: `'@team` owners were
// refused, the formula guard's quote never undone): every column the writer puts out is read back
// or named as not read, and a second library made from the sheet lists the same documents.
import {cpSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseCsv} from '../../src/csv/read.js'
import {toCsv} from '../../src/csv/write.js'
import {ROOT, runSopkit, tempRepo} from '../helpers/cli.js'

/** The ls CSV as rows keyed by column, lists as sorted sets (a variant may order its tags differently). */
function rows(csv: string): Array<Record<string, string>> {
  const table = parseCsv(csv, 'ls.csv')
  return table.records.map(r => Object.fromEntries(table.header.map((h, i) => [h, r.cells[i] ?? ''])))
}
const LISTS = new Set(['markets', 'channels', 'compliance', 'topics'])
const sortedList = (cell: string) =>
  cell
    .split('; ')
    .filter(v => v !== '')
    .sort()
    .join('; ')

describe('ls --format csv → import → ls', () => {
  it('creates every document again, with the same values in every column import reads', async () => {
    const source = tempRepo()
    cpSync(path.join(ROOT, 'sops'), path.join(source, 'sops'), {recursive: true})
    const listed = await runSopkit(['ls', '--format', 'csv', '-o', 'inventory.csv'], {cwd: source})
    expect(listed.code).toBe(0)
    const sheet = readFileSync(path.join(source, 'inventory.csv'), 'utf8')
    expect(sheet).toContain(",'@") // the formula guard is there: the library has @team owners

    const target = tempRepo()
    const imported = await runSopkit(['import', path.join(source, 'inventory.csv'), '--json'], {cwd: target})
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    const result = JSON.parse(imported.stdout) as {summary: {created: number; errors: number}; unusedColumns?: string[]}
    const before = rows(sheet)
    expect(result.summary).toMatchObject({created: before.length, errors: 0})

    const again = await runSopkit(['ls', '--format', 'csv'], {cwd: target})
    const after = rows(again.stdout)
    const key = (r: Record<string, string>) => `${r.id} ${r.markets}`
    expect(after.map(key).sort()).toEqual(before.map(key).sort())
    const read = [
      'id',
      'title',
      'type',
      'status',
      'owner',
      'markets',
      'channels',
      'compliance',
      'topics',
      'role',
      'file',
    ]
    for (const row of before) {
      const made = after.find(r => key(r) === key(row))!
      for (const column of read) {
        const [was, now] = LISTS.has(column)
          ? [sortedList(row[column]!), sortedList(made[column]!)]
          : [row[column], made[column]]
        expect(now, `${key(row)} ${column}`).toBe(was)
      }
      if (row.role === 'variant')
        expect(made.based_on).toBe(after.find(r => r.id === row.id && r.role === 'baseline')!.version)
    }
    // What import cannot take from a sheet (dates, versions, derived columns) it names, not drops silently.
    expect(imported.stdout).toMatch(/version/)

    const second = await runSopkit(['import', path.join(source, 'inventory.csv')], {cwd: target})
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/0 created, \d+ skipped, 0 errors/)
  })

  it('the reader undoes exactly the quote the writer added, and keeps any other', () => {
    const cells = ['@cs-ops', '=SUM(A1)', '+1', '-x', ' =x', "'quoted", "it's", "'", '\tindented']
    const back = parseCsv(
      toCsv(
        ['v'],
        cells.map(c => [c]),
      ),
      'x.csv',
    ).records.map(r => r.cells[0])
    expect(back).toEqual(cells)
  })
})
