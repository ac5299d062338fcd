// The HTML diff of the bundled library in a real headless Chromium, as a regional lead opens it:
// nothing fetched, the Markdown rendered (no table source on screen), the section column not
// wrapped word by word, unchanged sections one slim line; a screenshot taken. Skipped, saying why,
// when no Chromium is installed (CI installs one and sets SOPKIT_REQUIRE_BROWSER).
import {mkdtempSync, readFileSync, statSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findChromium, withPage} from '../../src/export/chromium.js'
import {ROOT, runSopkit} from '../helpers/cli.js'

// Page-side globals for the callbacks run in the browser (the project compiles without the DOM lib).
interface Box {
  getBoundingClientRect(): {height: number}
  getClientRects(): {length: number}
  textContent: string | null
}
declare const document: {querySelectorAll(selector: string): Iterable<Box>; body: {innerText: string}}

const chromium = findChromium()
const NO_CHROMIUM = 'SKIPPED: no Chromium found (run .ci/install-chromium, or set SOPKIT_CHROMIUM)'
if (!chromium) console.warn(`diff browser tests ${NO_CHROMIUM}`)

it.runIf(process.env.SOPKIT_REQUIRE_BROWSER)('has a Chromium to test the diff page with', () => {
  expect(chromium, NO_CHROMIUM).toBeTruthy()
})

describe.skipIf(!chromium)(
  chromium ? 'the HTML diff in headless Chromium' : `the HTML diff in headless Chromium — ${NO_CHROMIUM}`,
  () => {
    it('renders the compared Markdown with a readable layout and fetches nothing', {timeout: 120_000}, async () => {
      const r = await runSopkit(
        ['diff', 'refund-escalation', '--market', 'SG', '--format', 'html', '--date', '2026-05-01'],
        {cwd: ROOT},
      )
      expect(r.stderr).toBe('')
      const html = r.stdout
      const blocked: string[] = []
      const screenshot = path.join(mkdtempSync(path.join(os.tmpdir(), 'sopkit-diff-browser-')), 'diff.png')
      const seen = await withPage(
        chromium!,
        html,
        async page => {
          await page.setViewportSize({width: 1100, height: 1400})
          const layout = await page.evaluate(() => ({
            text: document.body.innerText,
            sections: [...document.querySelectorAll('td.section strong')].map(s => ({
              words: (s.textContent ?? '').split(/\s+/).length,
              lines: s.getClientRects().length,
            })),
            unchanged: [...document.querySelectorAll('tr.unchanged')].map(row => row.getBoundingClientRect().height),
            marks: [...document.querySelectorAll('td.side del, td.side ins')].length,
          }))
          await page.screenshot({path: screenshot, fullPage: true})
          return layout
        },
        {javaScriptEnabled: true, onBlockedRequest: url => blocked.push(url)},
      )
      expect(blocked).toEqual([])
      expect(seen.text).not.toMatch(/\|\s*-{3}|\*\*/)
      expect(seen.marks).toBeGreaterThan(0)
      expect(seen.sections.length).toBeGreaterThan(0)
      for (const s of seen.sections) expect(s.lines).toBeLessThanOrEqual(Math.max(1, Math.ceil(s.words / 2)))
      expect(seen.unchanged.length).toBeGreaterThan(0)
      for (const height of seen.unchanged) expect(height).toBeLessThan(32)
      expect(statSync(screenshot).size).toBeGreaterThan(20_000)
      expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG')
    })
  },
)
