// Findings and listings must be identical whatever the number of threads that read documents.
import {cpSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runSopkit, tempRepo} from '../helpers/cli.js'

/** A library of `copies` × the bundled one, each copy its own families, some with problems. */
function bigLibrary(copies: number): string {
  const repo = tempRepo()
  for (let i = 0; i < copies; i++) {
    const target = path.join(repo, 'sops', `copy-${i}`)
    cpSync(path.join(ROOT, 'sops'), target, {recursive: true})
    for (const market of readdirSync(target)) {
      for (const name of readdirSync(path.join(target, market))) {
        const file = path.join(target, market, name)
        const text = readFileSync(file, 'utf8').replace(/^id: (.*)$/m, `id: $1-${i}`)
        writeFileSync(file, i % 7 === 0 ? text.replace(/^owner: .*$/m, 'owner: nobody') : text)
      }
    }
  }
  return repo
}

describe('parallel loading', () => {
  it('gives the same findings with one thread and with three', async () => {
    const repo = bigLibrary(15)
    const one = await runSopkit(['check', '--json'], {cwd: repo, env: {SOPKIT_WORKERS: '1'}})
    const three = await runSopkit(['check', '--json'], {cwd: repo, env: {SOPKIT_WORKERS: '3'}})
    expect(one.code).toBe(1)
    expect(JSON.parse(one.stdout).findings.length).toBeGreaterThan(30)
    expect(three.stdout).toBe(one.stdout)
    expect(three.code).toBe(one.code)
  })
})

describe('parallel loading for the other commands', () => {
  it('gives the same inventory and coverage with one thread and with three', async () => {
    const repo = bigLibrary(15)
    for (const args of [
      ['ls', '--json'],
      ['coverage', '--json'],
    ]) {
      const one = await runSopkit(args, {cwd: repo, env: {SOPKIT_WORKERS: '1'}})
      const three = await runSopkit(args, {cwd: repo, env: {SOPKIT_WORKERS: '3'}})
      expect(one.code).toBe(0)
      expect(one.stdout.length).toBeGreaterThan(1000)
      expect(three.stdout).toBe(one.stdout)
    }
  })
})

describe('--shard', () => {
  it('splits the checked documents so that n jobs cover each exactly once', async () => {
    const repo = bigLibrary(2)
    const files = async (args: string[]) =>
      (JSON.parse((await runSopkit(['check', '--json', ...args], {cwd: repo})).stdout) as {files: string[]}).files
    const all = await files([])
    const shards: string[][] = []
    for (const i of [1, 2, 3]) shards.push(await files(['--shard', `${i}/3`]))
    expect(shards.flat().sort()).toEqual([...all].sort())
    expect(new Set(shards.flat()).size).toBe(all.length)
    expect(shards.every(s => s.length > 0)).toBe(true)
  })

  it('rejects a malformed shard with exit 2', async () => {
    const r = await runSopkit(['check', '--shard', '4/3'], {cwd: tempRepo()})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--shard 4\/3: expected i\/n/)
  })
})
