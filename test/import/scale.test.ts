// Issue 19's pathological import: rebuilding the library for every row made 8,000 rows take 166 s.
// The one time budget here is generous on purpose (about 10× what the linear import takes on a
// quiet 2-core machine, where the quadratic one took about 95 s): it fails on quadratic work, not
// on a busy machine. `npm run bench` (import-10k-rows, import-100k-rows) measures the figures.
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/core/config.js'
import {loadLibrary} from '../../src/core/loader.js'
import {parseCsv} from '../../src/csv/read.js'
import {runImport} from '../../src/import/import.js'
import {listTemplates} from '../../src/scaffold/templates.js'
import {tempRepo} from '../helpers/cli.js'

const ROWS = 6000
const BUDGET_MS = 60_000

describe('import of a large inventory (issue 19)', () => {
  it(
    `plans ${ROWS} rows, each seeing the rows before it, within ${BUDGET_MS / 1000} s`,
    {timeout: 120_000},
    async () => {
      const repo = tempRepo()
      // Every third row a GLOBAL baseline; the row after it that family's DE variant; the rest DE documents.
      const rows = Array.from({length: ROWS}, (_, i) => {
        const family = i % 3 === 1 ? i - 1 : i
        return `Procedure ${family},${i % 3 === 0 ? 'GLOBAL' : 'DE'},chatbot,cs-ops@example.com,sop`
      })
      const csv = ['Title,Market,Channel,Owner,Type', ...rows].join('\n') + '\n'
      const config = loadConfig(repo)
      const started = performance.now()
      const result = await runImport(config, await loadLibrary(config), listTemplates(config), parseCsv(csv, 'x.csv'), {
        map: [],
        defaultType: 'sop',
        yes: false,
        today: '2026-05-01',
        dryRun: true,
        cwd: repo,
      })
      const elapsed = performance.now() - started
      expect(result.summary).toEqual({created: ROWS, skipped: 0, errors: 0})
      // A row naming one market of a family with a baseline made a few rows above is that baseline's variant.
      expect(result.rows[1]).toMatchObject({action: 'would-create', id: 'procedure-0', markets: ['DE']})
      expect(result.rows[1]!.file).toMatch(/sops[\\/]DE[\\/]procedure-0\.md$/)
      expect(elapsed).toBeLessThan(BUDGET_MS)
    },
  )
})
