// Export through worker threads (core/threads) writes the same bytes as one thread, in every
// format whose documents are converted on the pool. Worker threads run built modules, so this
// drives dist/ in-process (built by test/global-setup.ts).
import {cpSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterEach, describe, expect, it} from 'vitest'
import {ROOT, tempRepo} from '../helpers/cli.js'

type Run = typeof import('../../src/export/run.js')
type ConfigModule = typeof import('../../src/core/config.js')
const dist = (file: string) => pathToFileURL(path.join(ROOT, 'dist', file)).href
const {runExport} = (await import(dist('export/run.js'))) as Run
const {loadConfig} = (await import(dist('core/config.js'))) as ConfigModule

/** The bundled library twice over, each copy its own families. */
function library(): string {
  const repo = tempRepo()
  for (let i = 0; i < 2; i++) {
    const target = path.join(repo, 'sops', `copy-${i}`)
    cpSync(path.join(ROOT, 'sops'), target, {recursive: true})
    for (const market of readdirSync(target)) {
      for (const name of readdirSync(path.join(target, market))) {
        const file = path.join(target, market, name)
        writeFileSync(file, readFileSync(file, 'utf8').replace(/^id: (.*)$/m, `id: $1-${i}`))
      }
    }
  }
  return repo
}

const repo = library()
const saved = process.env.SOPKIT_WORKERS

afterEach(() => {
  if (saved === undefined) delete process.env.SOPKIT_WORKERS
  else process.env.SOPKIT_WORKERS = saved
})

async function exported(format: string, workers: string): Promise<string> {
  process.env.SOPKIT_WORKERS = workers
  const {stdout} = await runExport({
    config: loadConfig(repo),
    cwd: repo,
    market: 'DE',
    format,
    channels: [],
    types: [],
    statuses: ['approved'],
    date: '2027-01-15',
    output: '-',
    force: false,
    env: {},
  })
  if (typeof stdout !== 'string') throw new Error(`expected text from ${format}`)
  return stdout
}

describe('export on worker threads', () => {
  for (const format of ['html', 'md']) {
    it(`${format}: three threads write byte for byte what one thread writes`, async () => {
      const one = await exported(format, '1')
      const three = await exported(format, '3')
      expect(one.length).toBeGreaterThan(10_000)
      expect(three).toBe(one)
    })
  }
})
