import {cpSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseCsv} from '../../src/csv/read.js'
import {ROOT, runSopkit, tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

/** A copy of the bundled library. */
function library(files: Record<string, string> = {}): string {
  const repo = tempRepo(files)
  cpSync(path.join(ROOT, 'sops'), path.join(repo, 'sops'), {recursive: true})
  return repo
}

const noTrace = (r: {stdout: string; stderr: string}) => {
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
}

describe('sopkit ls', () => {
  const repo = library()
  const run = (...args: string[]) => runSopkit(['ls', ...args], {cwd: repo})

  it("an unknown --format is the registry's one exit-2 error, with a did-you-mean, before any work", async () => {
    const r = await run('--format', 'jsn')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /^error: unknown ls format "jsn" \(did you mean "json"\?\) — mend: use one of table, csv, json, md\n$/,
    )
  })

  it('lists the bundled library as an aligned table', async () => {
    const r = await run()
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^ID\s+MARKETS\s+TYPE\s+STATUS\s+VERSION\s+REVIEW BY\s+OWNER\s+TITLE$/m)
    expect(r.stdout).toMatch(/^refund-escalation\s+US\s+sop\s+approved\s+1\.2\.4 outdated/m)
    expect(r.stdout).toMatch(/^36 documents$/m)
    expect(r.stdout).not.toMatch(/\u001b\[/)
  })

  it('filters: what applies to Germany, as JSON (the same with --json)', async () => {
    const r = await run('--market', 'de', '--format', 'json')
    expect(r.code).toBe(0)
    const inventory = JSON.parse(r.stdout) as {
      filters: {markets: string[]}
      documents: Array<{markets: string[]; file: string}>
    }
    expect(inventory.filters.markets).toEqual(['DE'])
    expect(inventory.documents.every(d => d.markets.includes('DE') || d.markets.includes('GLOBAL'))).toBe(true)
    expect(inventory.documents.map(d => d.file)).toContain('sops/DE/refund-escalation.md')
    expect(inventory.documents.map(d => d.file)).not.toContain('sops/SG/refund-escalation.md')
    expect(JSON.parse((await run('--market', 'DE', '--json')).stdout)).toEqual(inventory)
  })

  it('filters by channel, type, status and owner together', async () => {
    const r = await run(
      '--type',
      'kb-article',
      '--status',
      'draft',
      '--owner',
      'knowledge-management',
      '--channel',
      'chatbot',
      '-f',
      'md',
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^1 of 36 documents/)
    expect(r.stdout).toContain('sops/US/where-is-my-order.md')
  })

  it('--overdue as of a date', async () => {
    const r = await run('--overdue', '--date', '2029-01-10', '--format', 'csv')
    const rows = parseCsv(r.stdout, 'ls.csv').records.map(x => x.cells[0])
    expect(rows).toEqual(['seller-response-time-standard'])
    expect((await run('--date', '2027-02-30')).code).toBe(2)
  })

  it('writes --output, replacing what was there, with nothing on stdout', async () => {
    const out = path.join(repo, 'inventory.csv')
    writeFileSync(out, 'old contents\n')
    const r = await run('--format', 'csv', '-o', out)
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('')
    expect(readFileSync(out, 'utf8')).toMatch(/^id,title,type,status,version,owner,markets,/)
  })

  it('refuses an unknown filter value with exit 2 and a suggestion', async () => {
    const r = await run('--market', 'SGG')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^error: --market SGG: unknown market \(did you mean "SG"\?\) — mend: /)
    noTrace(r)
    expect((await run('--format', 'xlsx')).code).toBe(2)
  })
})

describe('sopkit ls --format csv against formula injection', () => {
  it('escapes titles a spreadsheet would run', async () => {
    const titles = ['=HYPERLINK("http://evil.example","click")', '+1', '-1', '@x']
    const files = Object.fromEntries(
      titles.map((title, i) => [`sops/global/doc-${i}.md`, doc({front: {id: `doc-${i}`, title}})]),
    )
    const r = await runSopkit(['ls', '--format', 'csv'], {cwd: tempRepo(files)})
    expect(r.code).toBe(0)
    // Written guarded (a leading quote), read back as written by sopkit's own reader.
    for (const t of titles) expect(r.stdout).toContain(`'${t.replaceAll('"', '""')}`)
    const cells = parseCsv(r.stdout, 'ls.csv').records.map(x => x.cells[1])
    expect(cells).toEqual(titles)
  })
})
