// The bundled library's DE playbook in a real headless Chromium: every TOC link followed (the id
// exists, the click lands there), nothing fetched, a screenshot taken; and the PDF's text read
// back. Skipped, saying why, when no Chromium is installed (CI installs one: .ci/install-chromium).
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, statSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findChromium, withPage} from '../../src/export/chromium.js'
import {hasGeneratorMark} from '../../src/export/write.js'
import {ROOT, sopkit} from '../helpers/cli.js'

// Page-side globals for the callbacks run in the browser (the project compiles without the DOM lib).
declare const document: {getElementById(id: string): {getBoundingClientRect(): {top: number; bottom: number}} | null}
declare const location: {hash: string}
declare const window: {innerHeight: number; scrollTo(x: number, y: number): void}

const chromium = findChromium()
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find(p => {
  try {
    return statSync(p).isFile()
  } catch {
    return false
  }
})
const NO_CHROMIUM = 'SKIPPED: no Chromium found (run .ci/install-chromium, or set SOPKIT_CHROMIUM)'
if (!chromium) console.warn(`browser tests ${NO_CHROMIUM}`)

// CI installs Chromium itself (.ci/run sets SOPKIT_REQUIRE_BROWSER), so there a missing browser fails.
it.runIf(process.env.SOPKIT_REQUIRE_BROWSER)('has a Chromium to test with', () => {
  expect(chromium, NO_CHROMIUM).toBeTruthy()
  expect(pdftotext, 'no pdftotext: install poppler-utils (.ci/install-chromium)').toBeTruthy()
})

const out = mkdtempSync(path.join(os.tmpdir(), 'sopkit-browser-'))

function exportDe(format: string, name: string): string {
  const file = path.join(out, name)
  const result = sopkit(
    ['export', '--market', 'DE', '--format', format, '-o', file, '--date', '2027-02-01', '--force'],
    {cwd: ROOT},
  )
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return file
}

describe.skipIf(!chromium)(
  chromium ? 'the HTML playbook in headless Chromium' : `the HTML playbook in headless Chromium — ${NO_CHROMIUM}`,
  () => {
    it(
      'follows every TOC link to an element that exists, fetches nothing, and looks like a page',
      {timeout: 120_000},
      async () => {
        const html = readFileSync(exportDe('html', 'de.html'), 'utf8')
        const blocked: string[] = []
        const screenshot = path.join(out, 'de.png')
        await withPage(
          chromium!,
          html,
          async page => {
            await page.setViewportSize({width: 1100, height: 1400})
            const hrefs = await page.$$eval('nav.toc a[href^="#"]', links => links.map(a => a.getAttribute('href')!))
            expect(hrefs.length).toBeGreaterThan(40)
            for (const href of hrefs) {
              const id = decodeURIComponent(href.slice(1))
              expect(await page.evaluate(x => document.getElementById(x) !== null, id), href).toBe(true)
              await page.click(`nav.toc a[href="${href}"]`)
              expect(await page.evaluate(() => location.hash), href).toBe(href)
              // The click scrolled the target into view.
              expect(
                await page.evaluate(x => {
                  const r = document.getElementById(x)!.getBoundingClientRect()
                  return r.bottom > 0 && r.top < window.innerHeight
                }, id),
                href,
              ).toBe(true)
            }
            // Links inside documents (rewritten cross-references) land too.
            const inner = await page.$$eval('section.document a[href^="#"]', links =>
              links.map(a => a.getAttribute('href')!.slice(1)),
            )
            for (const id of inner)
              expect(await page.evaluate(x => document.getElementById(x) !== null, id), id).toBe(true)
            await page.click('nav.toc a[href="#toc"], a[href="#toc"]')
            await page.evaluate(() => {
              window.scrollTo(0, 0)
            })
            await page.screenshot({path: screenshot})
          },
          {javaScriptEnabled: true, onBlockedRequest: url => blocked.push(url)},
        )
        expect(blocked).toEqual([])
        expect(statSync(screenshot).size).toBeGreaterThan(30_000)
        expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG')
      },
    )

    it('serves only the page: scripts do not run and every other request is aborted', {timeout: 60_000}, async () => {
      const blocked: string[] = []
      const hostile =
        '<!doctype html><html><head><title>t</title><link rel="stylesheet" href="https://cdn.example/x.css"></head>' +
        '<body><img src="http://tracker.example/p.png"><script>document.title = "ran"</script></body></html>'
      const title = await withPage(chromium!, hostile, page => page.title(), {
        onBlockedRequest: url => blocked.push(url),
      })
      expect(title).toBe('t')
      expect(blocked.sort()).toEqual(['http://tracker.example/p.png', 'https://cdn.example/x.css'])
    })

    it(
      'renders the PDF with the market on the cover and the documents in it, and the same bytes twice',
      {timeout: 120_000},
      () => {
        const [a, b] = [exportDe('pdf', 'a.pdf'), exportDe('pdf', 'b.pdf')]
        const bytes = readFileSync(a)
        expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
        expect(hasGeneratorMark(bytes)).toBe(true)
        expect(readFileSync(b).equals(bytes)).toBe(true)
        if (!pdftotext) {
          console.warn('PDF text check SKIPPED: no pdftotext (apt-get install poppler-utils)')
          return
        }
        const text = execFileSync(pdftotext, ['-layout', a, '-'], {encoding: 'utf8'})
        expect(text).toContain('Germany (DE)')
        expect(text).toContain('Refund escalation (Germany)')
        expect(text).toContain('GDPR')
        // pdfinfo shows dates in the local time zone: read them in UTC, as they are stored.
        const info = execFileSync(pdftotext.replace(/pdftotext$/, 'pdfinfo'), [a], {
          encoding: 'utf8',
          env: {...process.env, TZ: 'UTC'},
        })
        expect(info).toMatch(/Producer:\s+sopkit export/)
        expect(info).toMatch(/CreationDate:\s+Mon Feb {2}1 00:00:00 2027 UTC/)
      },
    )
  },
)
