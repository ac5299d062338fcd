import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import YAML from 'yaml'
import {DEFAULT_CHANNELS, DEFAULT_COMPLIANCE, DEFAULT_REGIONS, DEFAULT_TYPES} from '../../src/core/catalogue.js'
import {loadConfig, resolveConfig} from '../../src/core/config.js'
import {initialConfigText} from '../../src/scaffold/config-file.js'
import {applyInit, findConfig, planInit} from '../../src/scaffold/init.js'
import {tempRepo} from '../helpers/cli.js'

describe('the config init writes', () => {
  const text = initialConfigText()

  it('loads, and spells out the default regions, channels, compliance tags and types', () => {
    const raw = YAML.parse(text) as {taxonomy: Record<string, unknown>; types: unknown}
    expect(raw.taxonomy.regions).toEqual(DEFAULT_REGIONS)
    expect(raw.taxonomy.channels).toEqual(DEFAULT_CHANNELS)
    expect(raw.taxonomy.compliance).toEqual(DEFAULT_COMPLIANCE)
    expect(raw.types).toEqual(DEFAULT_TYPES)
    const config = resolveConfig('/repo', '/repo/sopkit.config.yaml', raw)
    expect(config.taxonomy.regions.EEA!.markets).toContain('NO')
    expect(config.path).toBe('sops/{{market}}/{{id}}.md')
    expect(config.variants).toBe('copy')
  })

  it('explains `variants` (copy or overlay) for `new --from`', () => {
    expect(text).toMatch(
      /# What `sopkit new --from ID --market M` makes: copy[^\n]*\n# or overlay[^\n]*\n(?:#[^\n]*\n)*variants: copy\n/,
    )
    expect(resolveConfig('/repo', undefined, {variants: 'overlay'}).variants).toBe('overlay')
    expect(() => resolveConfig('/repo', undefined, {variants: 'overlays'})).toThrow(/variants/)
  })

  it('quotes NO for YAML 1.1 readers and explains itself in comments', () => {
    expect(YAML.parse(text, {version: '1.1'}).taxonomy.regions.EEA.markets).toContain('NO')
    expect(text).toMatch(/^# sopkit configuration/)
    expect(text).toMatch(/# {3}GDPR +when region EEA\n/)
    expect(text).toMatch(/# Add your own below/)
    expect(text).not.toMatch(/\[\n/)
  })
})

describe('init plan', () => {
  it('writes each file once and keeps everything that exists', () => {
    const dir = tempRepo({'.pre-commit-config.yaml': 'mine\n'})
    const first = applyInit(dir, planInit(dir))
    expect(first).toEqual([
      {file: 'sopkit.config.yaml', action: 'created'},
      {file: 'sops/README.md', action: 'created'},
      {file: '.github/workflows/sopkit.yml', action: 'created'},
      {file: '.pre-commit-config.yaml', action: 'kept'},
    ])
    expect(readFileSync(path.join(dir, '.pre-commit-config.yaml'), 'utf8')).toBe('mine\n')
    expect(applyInit(dir, planInit(dir)).every(r => r.action === 'kept')).toBe(true)
    expect(loadConfig(dir).file).toBe(path.join(dir, 'sopkit.config.yaml'))
  })

  it('never adds a second config beside an existing one', () => {
    const dir = tempRepo({'.sopkitrc': 'statuses: [draft, live]\n', 'package.json': '{"name": "x"}'})
    expect(findConfig(dir)).toBe('.sopkitrc')
    expect(planInit(dir)[0]).toMatchObject({file: '.sopkitrc'})
    expect(applyInit(dir, planInit(dir))[0]).toEqual({file: '.sopkitrc', action: 'kept'})
    expect(findConfig(tempRepo({'package.json': '{"sopkit": {}}'}))).toBe('package.json')
    expect(findConfig(tempRepo({'package.json': '{"name": "x"}'}))).toBeUndefined()
  })

  it('a dry run reports and writes nothing', () => {
    const dir = tempRepo()
    expect(applyInit(dir, planInit(dir), true).every(r => r.action === 'created')).toBe(true)
    expect(findConfig(dir)).toBeUndefined()
  })
})
