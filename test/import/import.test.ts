// Import without the CLI: rows planned through `sopkit new`'s path, results per row, nothing
// overwritten, and every made file passing `sopkit check`.
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {todayUtc} from '../../src/core/dates.js'
import {runCheck} from '../../src/check/engine.js'
import {loadConfig} from '../../src/core/config.js'
import {loadDocument, loadLibrary} from '../../src/core/loader.js'
import {parseCsv} from '../../src/csv/read.js'
import {runImport} from '../../src/import/import.js'
import {listTemplates} from '../../src/scaffold/templates.js'
import {tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

const TODAY = todayUtc()

async function importInto(
  repo: string,
  csv: string,
  options: {dryRun?: boolean; yes?: boolean; map?: string[]; type?: string} = {},
) {
  const config = loadConfig(repo)
  const result = await runImport(
    config,
    await loadLibrary(config),
    listTemplates(config),
    parseCsv(csv, 'inventory.csv'),
    {
      map: options.map ?? [],
      defaultType: options.type ?? 'sop',
      yes: options.yes ?? false,
      today: TODAY,
      dryRun: options.dryRun ?? false,
      cwd: repo,
    },
  )
  return result
}

const errorsOf = async (repo: string) =>
  (await runCheck({config: loadConfig(repo), cwd: repo})).findings.filter(f => f.severity === 'error')

const INVENTORY = [
  'Title,Market,Channel,Owner,Type',
  'Refund escalation,GLOBAL,"chatbot; agent-assisted",cs-ops@example.com,SOP',
  'Seller onboarding,DE,email,@seller-ops,policy',
  'Cancel order,XX,chatbot,cs-ops@example.com,sop',
  'Where is my parcel,SG,"self-service,chatbot",@knowledge,KB article',
].join('\n')

describe('runImport', () => {
  it('creates valid rows, refuses the bad one by row number, and a second run changes nothing', async () => {
    const repo = tempRepo()
    const first = await importInto(repo, INVENTORY)
    expect(first.rows.map(r => [r.row, r.action, r.file])).toEqual([
      [2, 'created', 'sops/global/refund-escalation.md'],
      [3, 'created', 'sops/DE/seller-onboarding.md'],
      [4, 'error', undefined],
      [5, 'created', 'sops/SG/where-is-my-parcel.md'],
    ])
    expect(first.rows[2]!.reason).toMatch(/unknown market "XX"/)
    expect(first.summary).toEqual({created: 3, skipped: 0, errors: 1})
    expect(await errorsOf(repo)).toEqual([])
    const made = await loadDocument(loadConfig(repo), path.join(repo, 'sops/DE/seller-onboarding.md'))
    expect(made.meta).toMatchObject({
      type: 'policy',
      status: 'draft',
      owner: '@seller-ops',
      markets: ['DE'],
      compliance: ['GDPR'],
      channels: ['email'],
    })

    const before = readFileSync(path.join(repo, 'sops/global/refund-escalation.md'), 'utf8')
    const second = await importInto(repo, INVENTORY)
    expect(second.rows.map(r => r.action)).toEqual(['skipped', 'skipped', 'error', 'skipped'])
    expect(second.rows[0]!.reason).toBe('already exists: sops/global/refund-escalation.md')
    expect(readFileSync(path.join(repo, 'sops/global/refund-escalation.md'), 'utf8')).toBe(before)
  })

  it('writes nothing on a dry run, but plans and checks every row', async () => {
    const repo = tempRepo()
    const result = await importInto(repo, INVENTORY, {dryRun: true})
    expect(result.rows.map(r => r.action)).toEqual(['would-create', 'would-create', 'error', 'would-create'])
    expect(existsSync(path.join(repo, 'sops'))).toBe(false)
  })

  it('makes a market variant of a baseline, including one made a few rows above', async () => {
    const repo = tempRepo()
    const csv =
      'Title,Market,Channels,Owner\nRefund escalation,GLOBAL,chatbot,cs@example.com\nRefund escalation,sg,chatbot,sea@example.com\nRefund escalation,SG,chatbot,sea@example.com\n'
    const result = await importInto(repo, csv)
    expect(result.rows.map(r => [r.action, r.file])).toEqual([
      ['created', 'sops/global/refund-escalation.md'],
      ['created', 'sops/SG/refund-escalation.md'],
      ['skipped', 'sops/SG/refund-escalation.md'],
    ])
    const variant = await loadDocument(loadConfig(repo), path.join(repo, 'sops/SG/refund-escalation.md'))
    expect(variant.meta).toMatchObject({
      based_on: '0.1.0',
      markets: ['SG'],
      compliance: ['SG-PDPA'],
      owner: 'sea@example.com',
    })
    expect(await errorsOf(repo)).toEqual([])
  })

  it('makes variants of a baseline rows apart, by id or by title, with other families between (each row keeps whole only what a later row copies)', async () => {
    const repo = tempRepo()
    const csv = [
      'Title,Id,Market,Channels,Owner',
      'Refund escalation,,GLOBAL,chatbot,cs@example.com',
      'Chargeback intake,,GLOBAL,chatbot,cs@example.com',
      'Chargeback intake,,DE,chatbot,de@example.com',
      ',refund-escalation,SG,chatbot,sea@example.com',
      'Refund escalation,,MY,chatbot,sea@example.com',
      '',
    ].join('\n')
    const result = await importInto(repo, csv)
    expect(result.rows.map(r => [r.action, r.file])).toEqual([
      ['created', 'sops/global/refund-escalation.md'],
      ['created', 'sops/global/chargeback-intake.md'],
      ['created', 'sops/DE/chargeback-intake.md'],
      ['created', 'sops/SG/refund-escalation.md'],
      ['created', 'sops/MY/refund-escalation.md'],
    ])
    expect(await errorsOf(repo)).toEqual([])
  })

  it('refuses a row that overlaps a document only for some of its markets', async () => {
    const repo = tempRepo({
      'sops/global/refund-escalation.md': doc(),
      'sops/SG/refund-escalation.md': doc({front: {markets: ['SG'], compliance: ['SG-PDPA'], based_on: '1.4.0'}}),
    })
    const result = await importInto(
      repo,
      'Title,Market,Channel,Owner\nRefund escalation,"SG;MY",chatbot,x@example.com\n',
    )
    expect(result.rows[0]).toMatchObject({
      action: 'error',
      reason: expect.stringMatching(/already has a document for SG/),
    })
  })

  it('names the empty cell or the missing column, and takes --yes defaults for market and channels', async () => {
    const repo = tempRepo()
    const result = await importInto(repo, 'Title,Market,Owner\nNo owner,GLOBAL,\nNo market,,x@example.com\n')
    expect(result.rows[0]!.reason).toMatch(/missing owner \(the Owner cell is empty\)/)
    expect(result.rows[1]!.reason).toMatch(
      /missing markets \(the Market cell is empty\), channels \(no column holds it\)/,
    )
    expect(result.rows[1]!.mend).toMatch(/--yes/)
    const yes = await importInto(repo, 'Title,Market,Owner\nNo market,,x@example.com\n', {yes: true})
    expect(yes.rows[0]).toMatchObject({action: 'created', markets: ['GLOBAL'], file: 'sops/global/no-market.md'})
  })

  it('brings spreadsheet spellings to the taxonomy, and refuses a status the config does not know', async () => {
    const repo = tempRepo()
    const csv =
      'Title,Country,Channels,Compliance,Owner,Status\n' +
      'Returns,Germany,"Chatbot, AI agent",psd2,x@example.com,In Review\n' +
      'Payments,SG,chatbot,,x@example.com,publishd\n'
    const result = await importInto(repo, csv)
    expect(result.rows[0]).toMatchObject({action: 'created', markets: ['DE']})
    const made = await loadDocument(loadConfig(repo), path.join(repo, 'sops/DE/returns.md'))
    expect(made.meta).toMatchObject({status: 'in-review', channels: ['chatbot', 'ai-agent']})
    expect(made.meta.compliance).toEqual(expect.arrayContaining(['GDPR', 'DSA', 'PSD2']))
    expect(result.rows[1]).toMatchObject({action: 'error', reason: 'unknown status "publishd"'})
  })

  it('reports a ragged row by number and still creates the rows around it', async () => {
    const repo = tempRepo()
    const result = await importInto(
      repo,
      'Title,Market,Channel,Owner\nOne,GLOBAL,chatbot,x@example.com\nTwo,GLOBAL,x@example.com\nThree,GLOBAL,chatbot,x@example.com\n',
    )
    expect(result.rows.map(r => [r.row, r.action])).toEqual([
      [2, 'created'],
      [3, 'error'],
      [4, 'created'],
    ])
    expect(result.rows[1]!.reason).toMatch(/3 cells but the header has 4/)
  })

  it('keeps formula-like cells as plain text', async () => {
    const repo = tempRepo()
    const csv =
      'ID,Title,Market,Channel,Owner\nhyperlink,"=HYPERLINK(""http://evil.example"",""click"")",GLOBAL,chatbot,x@example.com\n' +
      'plus-one,+1,GLOBAL,chatbot,x@example.com\nminus-one,-1,GLOBAL,chatbot,x@example.com\nat-x,@x,GLOBAL,chatbot,x@example.com\n'
    const result = await importInto(repo, csv)
    expect(result.summary).toEqual({created: 4, skipped: 0, errors: 0})
    const titleOf = async (id: string) =>
      (await loadDocument(loadConfig(repo), path.join(repo, `sops/global/${id}.md`))).meta.title
    expect(await titleOf('hyperlink')).toBe('=HYPERLINK("http://evil.example","click")')
    expect(await Promise.all([titleOf('plus-one'), titleOf('minus-one'), titleOf('at-x')])).toEqual(['+1', '-1', '@x'])
    expect(await errorsOf(repo)).toEqual([])
  })

  it('refuses cells that would escape the repo or reach prototypes, row by row', async () => {
    const repo = tempRepo()
    const csv =
      'ID,Title,Market,Channel,Owner\n../../etc,Escape,GLOBAL,chatbot,x@example.com\nok,Fine,constructor,chatbot,x@example.com\nok2,Fine,toString,chatbot,x@example.com\n'
    const result = await importInto(repo, csv)
    expect(result.rows.map(r => r.action)).toEqual(['error', 'error', 'error'])
    expect(result.rows[0]!.reason).toMatch(/kebab-case|cannot be part of a file path/)
    expect(result.rows[1]!.reason).toBe('unknown market "constructor"')
    expect(existsSync(path.join(repo, 'sops'))).toBe(false)
  })

  it('never overwrites a file at the target path, even one that is not a document of this id', async () => {
    const repo = tempRepo({'sops/global/refund-escalation.md': 'hand-written notes\n'})
    const result = await importInto(
      repo,
      'Title,Market,Channel,Owner\nRefund escalation,GLOBAL,chatbot,x@example.com\n',
    )
    expect(result.rows[0]).toMatchObject({action: 'error', reason: expect.stringMatching(/already exists/)})
    expect(readFileSync(path.join(repo, 'sops/global/refund-escalation.md'), 'utf8')).toBe('hand-written notes\n')
  })

  it('refuses an unknown --type before any row', async () => {
    await expect(importInto(tempRepo(), 'Title\nx\n', {type: 'sopp'})).rejects.toThrow(
      /unknown template or type "sopp" \(did you mean "sop"\?\)/,
    )
  })
})

describe('runImport on a large inventory', () => {
  it(
    'plans each row against one growing library: the last of 1,000 rows is refused as a copy of the first',
    {timeout: 120_000},
    async () => {
      const repo = tempRepo()
      const rows = Array.from(
        {length: 1000},
        (_, i) => `Procedure number ${i},${i % 3 === 0 ? 'GLOBAL' : 'DE'},chatbot,cs-ops@example.com,sop`,
      )
      const result = await importInto(
        repo,
        ['Title,Market,Channel,Owner,Type', ...rows, 'Procedure number 0,GLOBAL,chatbot,cs-ops@example.com,sop'].join(
          '\n',
        ),
        {dryRun: true},
      )
      expect(result.summary).toEqual({created: 1000, skipped: 1, errors: 0})
      expect(result.rows.at(-1)!.reason).toMatch(/already exists/)
      // Its speed (linear, not a library rebuilt per row) is measured by `npm run bench` (import-10k-rows).
    },
  )
})
