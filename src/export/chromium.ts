// A Chromium already on the system, driven by playwright-core (which never downloads a browser).
// Pages are served from memory at a reserved .invalid address; every other request is aborted
// and no host name resolves, so a page cannot reach the network whatever it holds.
import {accessSync, constants, mkdtempSync, rmSync, statSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {Page} from 'playwright-core'
import {SopkitError, messageOf} from '../core/errors.js'

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

/** Flags for a quiet, offline headless browser (no sandbox: CI containers run as root). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND',
]

/** The address the page is served at: `.invalid` can never be a real host (RFC 6761). */
export const PAGE_URL = 'http://sopkit.invalid/playbook.html'

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return statSync(file).isFile()
  } catch {
    return false
  }
}

/** SOPKIT_CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH (or /usr/bin). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SOPKIT_CHROMIUM) return isExecutable(env.SOPKIT_CHROMIUM) ? env.SOPKIT_CHROMIUM : undefined
  const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), '/usr/bin']
  for (const name of CANDIDATES)
    for (const dir of dirs) if (isExecutable(path.join(dir, name))) return path.join(dir, name)
  return undefined
}

/** The browser to use, or the error that says how to get one. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const found = findChromium(env)
  if (found) return found
  const named = env.SOPKIT_CHROMIUM ? ` (SOPKIT_CHROMIUM=${env.SOPKIT_CHROMIUM} is not an executable file)` : ''
  throw new SopkitError(
    'NO_CHROMIUM',
    `no Chromium found${named}: PDF export renders the HTML playbook in a headless Chromium`,
    'install one (`apt-get install chromium` on Debian/Ubuntu), or set SOPKIT_CHROMIUM to a Chromium or Chrome executable',
  )
}

export interface PageOptions {
  /** Off for rendering (documents are data); tests switch it on to inspect the page. */
  javaScriptEnabled?: boolean
  /** Told about every request the page tried other than the page itself (all are aborted). */
  onBlockedRequest?: (url: string) => void
}

/** Open `html` in a fresh headless browser (its own empty profile, removed afterwards) and run `use`. */
export async function withPage<T>(
  executable: string,
  html: string,
  use: (page: Page) => Promise<T>,
  options: PageOptions = {},
): Promise<T> {
  const {chromium} = await import('playwright-core')
  const profile = mkdtempSync(path.join(os.tmpdir(), 'sopkit-chromium-'))
  try {
    const context = await chromium
      .launchPersistentContext(profile, {
        executablePath: executable,
        headless: true,
        args: CHROMIUM_ARGS,
        javaScriptEnabled: options.javaScriptEnabled ?? false,
        offline: false,
        serviceWorkers: 'block',
        acceptDownloads: false,
      })
      .catch((error: unknown) => {
        throw new SopkitError(
          'CHROMIUM_FAILED',
          `${executable} did not start: ${messageOf(error).split('\n')[0]}`,
          `check that \`${executable} --headless --version\` runs, or set SOPKIT_CHROMIUM to another Chromium`,
        )
      })
    try {
      await context.route('**/*', route => {
        const url = route.request().url()
        if (url === PAGE_URL) return route.fulfill({status: 200, contentType: 'text/html; charset=utf-8', body: html})
        options.onBlockedRequest?.(url)
        return route.abort('blockedbyclient')
      })
      const page = context.pages()[0] ?? (await context.newPage())
      await page.goto(PAGE_URL, {waitUntil: 'load'})
      return await use(page)
    } finally {
      await context.close()
    }
  } finally {
    rmSync(profile, {recursive: true, force: true})
  }
}
