// A refused row says everything wrong with it at once, and which document it was meant to be
// (its id and markets), also when it is refused for its status.
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/core/config.js'
import {loadLibrary} from '../../src/core/loader.js'
import {parseCsv} from '../../src/csv/read.js'
import {runImport} from '../../src/import/import.js'
import {listTemplates} from '../../src/scaffold/templates.js'
import {runSopkit, tempRepo} from '../helpers/cli.js'

const CSV =
  'Title,Market,Channels,Owner,Status\n' +
  'Payments,SG,chatbott,not an owner,publishd\n' +
  'Returns,DE,chatbot,x@example.com,publishd\n'

async function importCsv(repo: string) {
  const config = loadConfig(repo)
  return runImport(config, await loadLibrary(config), listTemplates(config), parseCsv(CSV, 'inventory.csv'), {
    map: [],
    defaultType: 'sop',
    yes: false,
    today: '2026-06-01',
    dryRun: true,
    cwd: repo,
  })
}

describe('import row errors', () => {
  it('reports every error of a row, each with its mend, with the row’s id and markets', async () => {
    const result = await importCsv(tempRepo())
    const [payments, returns] = result.rows
    expect(payments).toMatchObject({action: 'error', id: 'payments', markets: ['SG']})
    expect(payments!.problems!.map(p => p.reason)).toEqual([
      expect.stringMatching(/^unknown status "publishd"/),
      expect.stringMatching(/^unknown channel "chatbott"/),
      expect.stringMatching(/owner/),
    ])
    for (const p of payments!.problems!) expect(p.mend.length).toBeGreaterThan(5)
    // One problem: the reason alone, and still the id and markets.
    expect(returns).toMatchObject({
      action: 'error',
      id: 'returns',
      markets: ['DE'],
      reason: expect.stringMatching(/^unknown status "publishd"/),
    })
    expect(returns!.problems).toBeUndefined()
  })

  it('lists each problem under the table, one a line', async () => {
    const repo = tempRepo({'inventory.csv': CSV})
    const r = await runSopkit(['import', 'inventory.csv', '--dry-run'], {cwd: repo})
    expect(r.stdout).toMatch(/^\s*2\s+error\s+payments\s+SG\s+3 problems \(listed below\)$/m)
    expect(r.stdout).toMatch(/^ {2}row 2: unknown status "publishd".* — use one of /m)
    expect(r.stdout).toMatch(/^ {2}row 2: unknown channel "chatbott"/m)
    expect(r.stdout).toMatch(/^\s*3\s+error\s+returns\s+DE\s+unknown status "publishd"/m)
  })
})
