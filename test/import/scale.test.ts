// Issue 19's pathological import: rebuilding the library for every row made 8,000 rows take 166 s.
// No time is asserted: the size is one a quadratic plan cannot finish within the test's timeout
// (it took about 95 s; the linear one about 8 s on a quiet 2-core machine). `npm run bench`
// (import-10k-rows, import-100k-rows) measures the figures.
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/core/config.js'
import {loadLibrary} from '../../src/core/loader.js'
import {parseCsv} from '../../src/csv/read.js'
import {runImport} from '../../src/import/import.js'
import {listTemplates} from '../../src/scaffold/templates.js'
import {tempRepo} from '../helpers/cli.js'

const ROWS = 6000

describe('import of a large inventory (issue 19)', () => {
  it(`plans ${ROWS} rows, each seeing the rows before it`, {timeout: 60_000}, async () => {
    const repo = tempRepo()
    // Every third row a GLOBAL baseline; the row after it that family's DE variant; the rest DE documents.
    const rows = Array.from({length: ROWS}, (_, i) => {
      const family = i % 3 === 1 ? i - 1 : i
      return `Procedure ${family},${i % 3 === 0 ? 'GLOBAL' : 'DE'},chatbot,cs-ops@example.com,sop`
    })
    const csv = ['Title,Market,Channel,Owner,Type', ...rows].join('\n') + '\n'
    const config = loadConfig(repo)
    const result = await runImport(config, await loadLibrary(config), listTemplates(config), parseCsv(csv, 'x.csv'), {
      map: [],
      defaultType: 'sop',
      yes: false,
      today: '2026-05-01',
      dryRun: true,
      cwd: repo,
    })
    expect(result.summary).toEqual({created: ROWS, skipped: 0, errors: 0})
    // A row naming one market of a family with a baseline made a few rows above is that baseline's variant.
    expect(result.rows[1]).toMatchObject({action: 'would-create', id: 'procedure-0', markets: ['DE']})
    expect(result.rows[1]!.file).toMatch(/sops[\\/]DE[\\/]procedure-0\.md$/)
  })
})
