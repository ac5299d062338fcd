// The one worker pool (core/threads): results in order, and a worker that fails is an error, never a hang.
// Worker threads run built modules, so these tests drive dist/ (built by test/global-setup.ts).
import {mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {ROOT} from '../helpers/cli.js'

type Threads = typeof import('../../src/core/threads.js')
const threadsUrl = pathToFileURL(path.join(ROOT, 'dist/core/threads.js')).href
const {shareWork} = (await import(threadsUrl)) as Threads

const dir = mkdtempSync(path.join(os.tmpdir(), 'sopkit-threads-'))

/** A worker module that serves items with `body` (an expression of `index`). */
function workerModule(name: string, source: string): URL {
  const file = path.join(dir, `${name}.mjs`)
  writeFileSync(file, `import {serveShare, shareSetup} from ${JSON.stringify(threadsUrl)}\n${source}\n`)
  return pathToFileURL(file)
}

const doubling = workerModule('double', 'await serveShare((index) => ({index, value: index * shareSetup().factor}))')

describe('shareWork', () => {
  it('runs every item exactly once and returns the results in item order, on any thread count', async () => {
    for (const threads of [1, 2, 4]) {
      const results = await shareWork({
        count: 500,
        threads,
        worker: doubling,
        setup: {factor: 2},
        chunk: 3,
        handle: index => ({index, value: index * 2}),
      })
      expect(results).toEqual(Array.from({length: 500}, (_, index) => ({index, value: index * 2})))
    }
  })

  it('tells progress as items finish, ending at the count', async () => {
    const told: number[] = []
    await shareWork({
      count: 200,
      threads: 3,
      worker: doubling,
      setup: {factor: 2},
      chunk: 5,
      handle: index => index,
      onProgress: finished => told.push(finished),
    })
    expect(told.length).toBeGreaterThan(0)
    expect(told.every((n, i) => n <= 200 && (i === 0 || n > told[i - 1]!))).toBe(true)
  })

  it('a worker whose handler throws fails the run with a one-line error', async () => {
    const throwing = workerModule(
      'throw',
      'await serveShare((index) => { throw new Error(`boom on ${index}\\nsecond line`) })',
    )
    const run = shareWork({
      count: 400,
      threads: 3,
      worker: throwing,
      setup: {},
      chunk: 1,
      handle: async index => {
        // The main thread yields, so the workers start and claim items too.
        await new Promise(resolve => setTimeout(resolve, 2))
        return index
      },
    })
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/^a worker thread failed: boom on \d+$/)
  })

  it('a worker that exits before it sends its results, or cannot load, fails the run', async () => {
    const exiting = workerModule('exit', 'process.exit(3)')
    const broken = workerModule('broken', 'throw new Error("cannot load")')
    const slow = async (index: number) => {
      await new Promise(resolve => setTimeout(resolve, 2))
      return index
    }
    await expect(
      shareWork({count: 300, threads: 2, worker: exiting, setup: {}, chunk: 1, handle: slow}),
    ).rejects.toThrow(/^a worker thread failed: it stopped \(exit code 3\)/)
    await expect(
      shareWork({count: 300, threads: 2, worker: broken, setup: {}, chunk: 1, handle: slow}),
    ).rejects.toThrow(/^a worker thread failed: cannot load$/)
  })

  it('an error on the main thread stops the workers and is the error of the run', async () => {
    const endless = workerModule(
      'endless',
      'await serveShare(async (index) => { await new Promise((r) => setTimeout(r, 5)); return index })',
    )
    await expect(
      shareWork({
        count: 100_000,
        threads: 3,
        worker: endless,
        setup: {},
        chunk: 1,
        handle: index => {
          if (index > 20) throw new Error('main failed')
          return index
        },
      }),
    ).rejects.toThrow('main failed')
  })
})
