import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv} from 'ajv'
import {describe, expect, it} from 'vitest'
import {SopDocument} from '../../src/core/document.js'
import {ROOT, runSopkit, tempRepo} from '../helpers/cli.js'

const schemaOf = async (cwd: string, ...args: string[]) =>
  JSON.parse((await runSopkit(['schema', ...args], {cwd})).stdout) as Record<string, unknown>
const bundled = (readdirSync(path.join(ROOT, 'sops'), {recursive: true}) as string[]).filter(f => f.endsWith('.md'))
const frontOf = (file: string) => ({
  ...new SopDocument(file, file, readFileSync(path.join(ROOT, 'sops', file), 'utf8')).data,
})

const validate = new Ajv({strict: false, allErrors: true}).compile(await schemaOf(ROOT))

describe('sopkit schema', () => {
  it.each(bundled)('accepts the front matter of %s', file => {
    expect(validate(frontOf(file)), JSON.stringify(validate.errors)).toBe(true)
  })

  it('rejects an unknown market, a bad version and a missing required field', () => {
    const front = frontOf(bundled[0]!)
    expect(validate({...front, markets: ['SGG']})).toBe(false)
    expect(validate({...front, version: 'v1'})).toBe(false)
    const {owner: _, ...withoutOwner} = front
    expect(validate(withoutOwner)).toBe(false)
  })

  it('accepts each limit shape and rejects what valid-limits rejects', () => {
    const front = frontOf(bundled[0]!)
    const limits = (value: unknown) => validate({...front, limits: {refund_auto_approve: value}})
    expect(limits({amount: 75, currency: 'USD'})).toBe(true)
    expect(limits({days: 15})).toBe(true)
    expect(limits({count: 3})).toBe(true)
    expect(limits({amount: 75, currency: 'usd'})).toBe(false)
    expect(limits({amount: 75})).toBe(false)
    expect(limits({days: 1, hours: 2})).toBe(false)
    expect(limits({count: 1.5})).toBe(false)
    expect(validate({...front, limits: {RefundCap: {count: 1}}})).toBe(false)
  })

  it('follows the config: a market the config adds is allowed', async () => {
    const repo = tempRepo({'sopkit.config.yaml': 'taxonomy:\n  markets:\n    XK: {name: Kosovo}\n'})
    const markets = JSON.stringify(((await schemaOf(repo)).properties as Record<string, unknown>).markets)
    expect(markets).toContain('"const":"XK"')
  })

  it('prints the config schema with --for config, the same under --json, and writes -o', async () => {
    const repo = tempRepo()
    expect((await schemaOf(repo, '--for', 'config')).title).toBe('sopkit configuration')
    expect(await schemaOf(repo, '--json')).toEqual(await schemaOf(repo))
    const r = await runSopkit(['schema', '-o', 'schema.json'], {cwd: repo})
    expect(r.code).toBe(0)
    expect(JSON.parse(readFileSync(path.join(repo, 'schema.json'), 'utf8'))).toEqual(await schemaOf(repo))
  })
})
