// The `sopkit changes` briefing in a real headless Chromium: readable (no sideways scrolling on a
// laptop or a phone, body text at least 14px, changed words marked with a colour), nothing fetched,
// a screenshot taken. Skipped, saying why, when no Chromium is installed (CI installs one).
import {mkdtempSync, readFileSync, statSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findChromium, withPage} from '../../src/export/chromium.js'
import {sopkit} from '../helpers/cli.js'
import {changesRepo} from './fixtures.js'

// Page-side globals for the callbacks run in the browser (the project compiles without the DOM lib).
declare const document: {
  documentElement: {scrollWidth: number}
  body: object
  querySelectorAll(s: string): {length: number}
}
declare const window: {innerWidth: number; getComputedStyle(e: object): {fontSize: string; backgroundColor: string}}

const chromium = findChromium()
const NO_CHROMIUM = 'SKIPPED: no Chromium found (run .ci/install-chromium, or set SOPKIT_CHROMIUM)'
if (!chromium) console.warn(`browser tests ${NO_CHROMIUM}`)

it.runIf(process.env.SOPKIT_REQUIRE_BROWSER)('has a Chromium to test with', () => {
  expect(chromium, NO_CHROMIUM).toBeTruthy()
})

describe.skipIf(!chromium)(
  chromium ? 'the changes briefing in headless Chromium' : `the changes briefing in headless Chromium — ${NO_CHROMIUM}`,
  () => {
    it('reads on a laptop and a phone, marks changed words, fetches nothing', {timeout: 120_000}, async () => {
      const root = changesRepo()
      const file = path.join(root, 'de.html')
      const run = sopkit(
        ['changes', '-m', 'DE', '--since', 'HEAD~1', '-f', 'html', '-o', file, '--date', '2026-05-01'],
        {
          cwd: root,
        },
      )
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      const html = readFileSync(file, 'utf8')
      const blocked: string[] = []
      const screenshot = path.join(mkdtempSync(path.join(os.tmpdir(), 'sopkit-browser-')), 'changes-de.png')
      await withPage(
        chromium!,
        html,
        async page => {
          expect(await page.textContent('h1')).toBe('What changed for Germany (DE)')
          expect(await page.$$eval('h2', hs => hs.map(h => h.textContent))).toEqual([
            'Added',
            'Approved (now in force)',
            'Changed',
            'Retired',
            'Removed',
          ])
          for (const width of [1100, 390]) {
            await page.setViewportSize({width, height: 900})
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
            expect(overflow, `sideways scrolling at ${width}px`).toBeLessThanOrEqual(0)
          }
          const size = await page.evaluate(() => parseFloat(window.getComputedStyle(document.body).fontSize))
          expect(size).toBeGreaterThanOrEqual(14)
          const marks = await page.$$eval('ins, del', els => els.map(e => [e.tagName, e.textContent] as const))
          expect(marks).toContainEqual(['INS', 'and log the approver'])
          const backgrounds = await page.$$eval('ins, del', els =>
            els.map(e => window.getComputedStyle(e).backgroundColor),
          )
          for (const b of backgrounds) expect(b).not.toBe('rgba(0, 0, 0, 0)')
          await page.setViewportSize({width: 1100, height: 1000})
          await page.screenshot({path: screenshot, fullPage: true})
        },
        {javaScriptEnabled: true, onBlockedRequest: url => blocked.push(url)},
      )
      expect(blocked).toEqual([])
      expect(statSync(screenshot).size).toBeGreaterThan(20_000)
      expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG')
      console.log(`screenshot: ${screenshot}`)
    })
  },
)
