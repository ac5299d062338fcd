import {existsSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runSopkit, tempRepo} from '../helpers/cli.js'

/** Every file under `dir` with its content and modification time: "nothing changed" is this staying equal. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const e of readdirSync(d, {withFileTypes: true})) {
      const full = path.join(d, e.name)
      if (e.isDirectory()) walk(full)
      else out[path.relative(dir, full)] = `${statSync(full).mtimeMs} ${readFileSync(full, 'utf8')}`
    }
  }
  walk(dir)
  return out
}

const noTrace = (r: {stdout: string; stderr: string}) => {
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
}

// An Excel export: BOM, CRLF, a multi-value cell, a country name, one row with an unknown market.
const INVENTORY =
  '\uFEFFSOP Name,Market(s),Channels,Owner,Type,Status\r\n' +
  'Refund escalation,GLOBAL,"chatbot; agent-assisted",cs-ops@example.com,SOP,Approved\r\n' +
  'Refund escalation,Singapore,chatbot,sea-ops@example.com,,\r\n' +
  'Seller onboarding,DE,email,@seller-ops,Policy,\r\n' +
  'Cancel order,XX,chatbot,cs-ops@example.com,SOP,\r\n'

describe('sopkit import, as a new user would', () => {
  const repo = tempRepo({'inventory.csv': INVENTORY})
  const run = (...args: string[]) => runSopkit(['import', ...args], {cwd: repo})

  it('creates three stubs that pass check, reports the fourth by row number, and exits 1', async () => {
    const r = await run('inventory.csv')
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^\s*2\s+created\s+refund-escalation\s+GLOBAL\s+sops\/global\/refund-escalation\.md$/m)
    expect(r.stdout).toMatch(/^\s*3\s+created\s+refund-escalation\s+SG\s+sops\/SG\/refund-escalation\.md$/m)
    expect(r.stdout).toMatch(/^\s*4\s+created\s+seller-onboarding\s+DE\s+sops\/DE\/seller-onboarding\.md$/m)
    expect(r.stdout).toMatch(/^\s*5\s+error\s+cancel-order\s+XX\s+unknown market "XX"/m)
    expect(r.stdout).toMatch(/^3 created, 0 skipped, 1 error$/m)
    const check = await runSopkit(['check'], {cwd: repo})
    expect(check.stdout).toMatch(/3 documents checked/)
    expect(check.code).toBe(0)
    expect(readFileSync(path.join(repo, 'sops/global/refund-escalation.md'), 'utf8')).toMatch(/^status: approved$/m)
    expect(readFileSync(path.join(repo, 'sops/SG/refund-escalation.md'), 'utf8')).toMatch(/^based_on: "0\.1\.0"$/m)
  })

  // Its own repo and first import: it passed only after the test above had imported into the shared one.
  it('a second import changes nothing', async () => {
    const again = tempRepo({'inventory.csv': INVENTORY})
    expect((await runSopkit(['import', 'inventory.csv'], {cwd: again})).code).toBe(1)
    const before = snapshot(path.join(again, 'sops'))
    const r = await runSopkit(['import', 'inventory.csv', '--json'], {cwd: again})
    expect(r.code).toBe(1)
    const result = JSON.parse(r.stdout) as {rows: Array<{row: number; action: string}>; summary: unknown}
    expect(result.rows.map(x => [x.row, x.action])).toEqual([
      [2, 'skipped'],
      [3, 'skipped'],
      [4, 'skipped'],
      [5, 'error'],
    ])
    expect(result.summary).toEqual({created: 0, skipped: 3, errors: 1})
    expect(snapshot(path.join(again, 'sops'))).toEqual(before)
  })
})

describe('sopkit import on bad input', () => {
  it('--dry-run writes nothing; exit 0 when every row is fine', async () => {
    const repo = tempRepo({'a.csv': 'Title,Market,Channel,Owner\nRefund,GLOBAL,chatbot,x@example.com\n'})
    const r = await runSopkit(['import', 'a.csv', '--dry-run'], {cwd: repo})
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/would create\s+refund\s+GLOBAL\s+sops\/global\/refund\.md/)
    expect(r.stdout).toMatch(/1 would be created, 0 skipped, 0 errors \(dry run: nothing written\)/)
    expect(existsSync(path.join(repo, 'sops'))).toBe(false)
  })

  it('an unclosed quote is exit 2 naming the line, and nothing is written', async () => {
    const repo = tempRepo({
      'a.csv': 'Title,Market,Channel,Owner\nFine,GLOBAL,chatbot,x@example.com\n"Broken,GLOBAL,chatbot,x@example.com\n',
    })
    const r = await runSopkit(['import', 'a.csv'], {cwd: repo})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^error: a\.csv:3: a quoted cell opened on or after line 3 is never closed — mend: /)
    noTrace(r)
    expect(existsSync(path.join(repo, 'sops'))).toBe(false)
  })

  it('ragged rows are per-row errors, and the other rows are created', async () => {
    const repo = tempRepo({
      'a.csv': 'Title,Market,Channel,Owner\nOne,GLOBAL,chatbot,x@example.com\nTwo,GLOBAL,x@example.com\n',
    })
    const r = await runSopkit(['import', 'a.csv'], {cwd: repo})
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^\s*3\s+error\s+the row has 3 cells but the header has 4/m)
    expect(existsSync(path.join(repo, 'sops/global/one.md'))).toBe(true)
  })

  it('headers such as __proto__ and constructor are just unused columns', async () => {
    const repo = tempRepo({
      'a.csv': '__proto__,constructor,Title,Market,Channel,Owner\n{"x":1},y,One,GLOBAL,chatbot,x@example.com\n',
    })
    const r = await runSopkit(['import', 'a.csv'], {cwd: repo})
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/columns not read: __proto__, constructor/)
  })

  it('a missing file, a wrong --map or --type, and a non-UTF-8 file are exit 2', async () => {
    const repo = tempRepo({'a.csv': 'Title\nx\n'})
    writeFileSync(
      path.join(repo, 'latin1.csv'),
      Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x4d, 0xfc, 0x6c, 0x0a]),
    )
    for (const args of [['nope.csv'], ['a.csv', '--map', 'Titel=title'], ['a.csv', '--type', 'memo'], ['latin1.csv']]) {
      const r = await runSopkit(['import', ...args], {cwd: repo})
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/^error: .+ — mend: .+\n$/)
      noTrace(r)
    }
  })
})
