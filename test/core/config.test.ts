import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadConfig, resolveConfig} from '../../src/core/config.js'
import {ConfigError, SopkitError} from '../../src/core/errors.js'
import {tempRepo} from '../helpers/cli.js'

describe('config discovery', () => {
  it('uses the built-in defaults rooted at the working folder when there is no config', () => {
    const dir = tempRepo()
    const config = loadConfig(dir)
    expect(config.root).toBe(dir)
    expect(config.file).toBeUndefined()
    expect(config.documents).toEqual(['sops/**/*.md'])
  })

  it('finds the nearest config upward and roots paths there', () => {
    const dir = tempRepo({'sopkit.config.yaml': 'documents: ["docs/**/*.md"]\n'})
    const nested = path.join(dir, 'docs', 'sg')
    mkdirSync(nested, {recursive: true})
    const config = loadConfig(nested)
    expect(config.root).toBe(dir)
    expect(config.documents).toEqual(['docs/**/*.md'])
  })

  it.each([
    ['sopkit.config.json', '{"templates": "tpl"}'],
    ['.sopkitrc', 'templates: tpl\n'],
    ['package.json', '{"name": "x", "sopkit": {"templates": "tpl"}}'],
  ])('reads %s', (name, content) => {
    const dir = tempRepo({[name]: content})
    expect(loadConfig(dir).templates).toBe('tpl')
  })

  it('skips a package.json without a sopkit key', () => {
    const dir = tempRepo({'package.json': '{"name": "x"}'})
    expect(loadConfig(dir).file).toBeUndefined()
  })

  it('fails on an explicit config that does not exist', () => {
    expect(() => loadConfig(tempRepo(), 'nope.yaml')).toThrow(SopkitError)
  })
})

describe('config validation', () => {
  const invalid = (raw: unknown) => {
    try {
      resolveConfig('/repo', '/repo/sopkit.config.yaml', raw)
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      return (error as ConfigError).problems
    }
    throw new Error('expected a ConfigError')
  }

  it('names the key and the expectation for a wrong type', () => {
    expect(invalid({documents: 'sops'})).toEqual(['documents: must be array'])
  })

  it('refuses a NUL byte in a path or glob as a config error, not a crash of the file walker', () => {
    expect(invalid({documents: ['a\u0000b/**/*.md']})[0]).toMatch(/^documents\.0: /)
    expect(invalid({ignore: ['x\u0000']})[0]).toMatch(/^ignore\.0: /)
    expect(invalid({path: 'sops/\u0000/{{id}}.md'})[0]).toMatch(/^path: /)
    expect(invalid({templates: 't\u0000'})[0]).toMatch(/^templates: /)
  })

  it('names an unknown key', () => {
    expect(invalid({tempaltes: 'x'})[0]).toMatch(
      /^\(top level\): unknown key "tempaltes" \(did you mean "templates"\?\), expected one of documents, /,
    )
  })

  it('reports every problem at once', () => {
    const problems = invalid({
      taxonomy: {markets: {XK: {name: 'Kosovo', regions: ['BALKANS']}}},
      requirements: [{when: {market: 'ZZ'}, require: {compliance: ['NOPE']}}],
    })
    expect(problems).toHaveLength(3)
    expect(problems.join('\n')).toMatch(/taxonomy\.markets\.XK\.regions: unknown region "BALKANS"/)
    expect(problems.join('\n')).toMatch(/requirements\.0\.when\.market: unknown market "ZZ"/)
    expect(problems.join('\n')).toMatch(/requirements\.0\.require\.compliance: unknown compliance tag "NOPE"/)
  })

  it('rejects a bad severity', () => {
    expect(invalid({rules: {'review-overdue': 'loud'}})[0]).toMatch(
      /^rules\.review-overdue: "loud" must be one of off, warn, error$/,
    )
  })

  it("checks report metrics' direction and unit, naming the allowed values", () => {
    expect(invalid({metrics: {cost_per_contact: {better: 'down'}}})).toEqual([
      'metrics.cost_per_contact.better: "down" must be one of higher, lower',
    ])
    expect(invalid({metrics: {aht: {better: 'lower', unit: 'minutes'}}})).toEqual([
      'metrics.aht.unit: "minutes" must be one of percent, score, currency, seconds, count, ratio',
    ])
    expect(invalid({metrics: {aht: {unit: 'seconds'}}})[0]).toMatch(
      /^metrics\.aht: must have required property 'better'/,
    )
    const config = resolveConfig('/repo', undefined, {metrics: {cost_per_contact: {better: 'lower', unit: 'currency'}}})
    expect(config.metrics.cost_per_contact).toEqual({better: 'lower', unit: 'currency'})
  })

  it('reports YAML that does not parse, with the file', () => {
    const dir = tempRepo()
    writeFileSync(path.join(dir, 'sopkit.config.yaml'), 'documents: [\n')
    expect(() => loadConfig(dir)).toThrow(/sopkit.config.yaml: cannot be parsed/)
  })

  it('gives every document type its name: built-in, renamed, or a new type named in the config', () => {
    const config = resolveConfig('/repo', undefined, {
      types: {sop: {name: 'SOPs'}, memo: {name: 'Internal memos', sections: []}, note: {sections: []}},
    })
    expect(config.types.sop).toMatchObject({name: 'SOPs', sections: ['Purpose', 'Scope', 'Procedure', 'Escalation']})
    expect(config.types.policy!.name).toBe('Policies')
    expect(config.types.memo!.name).toBe('Internal memos')
    expect(config.types.note!.name).toBe('note')
    expect(invalid({types: {memo: {name: ''}}})[0]).toMatch(/^types\.memo\.name: /)
    expect(invalid({types: {memo: {label: 'x'}}})[0]).toMatch(/^types\.memo: unknown key "label", expected one of /)
  })

  it('merges user taxonomy over the defaults', () => {
    const config = resolveConfig('/repo', undefined, {
      taxonomy: {
        markets: {XK: {name: 'Kosovo', regions: ['BALKANS']}},
        regions: {BALKANS: {name: 'Balkans', markets: ['XK', 'RS']}},
      },
      requirements: [{when: {region: 'BALKANS'}, require: {compliance: ['GDPR']}}],
    })
    expect(config.taxonomy.markets.XK).toEqual({name: 'Kosovo', regions: ['BALKANS']})
    expect(config.taxonomy.markets.RS!.regions).toContain('BALKANS')
    expect(config.taxonomy.markets.SG).toBeDefined()
    expect(config.requirements.at(-1)!.when.region).toEqual(['BALKANS'])
  })

  it('lets a config replace the built-in requirements with its own (builtinRequirements: false)', async () => {
    const {requiredCompliance} = await import('../../src/core/taxonomy.js')
    const facts = {markets: ['DE'], channels: [], topics: []}
    const own = [{when: {market: 'DE'}, require: {compliance: ['BDSG']}}]
    const taxonomy = {compliance: {BDSG: {name: 'Bundesdatenschutzgesetz'}}}
    const added = resolveConfig('/repo', undefined, {taxonomy, requirements: own})
    expect(requiredCompliance(added, facts).map(r => r.tag)).toEqual(['GDPR', 'BDSG'])
    const replaced = resolveConfig('/repo', undefined, {taxonomy, requirements: own, builtinRequirements: false})
    expect(requiredCompliance(replaced, facts).map(r => r.tag)).toEqual(['BDSG'])
    expect(resolveConfig('/repo', undefined, {builtinRequirements: false}).requirements).toEqual([])
    expect(invalid({builtinRequirements: 'no'})).toEqual(['builtinRequirements: must be boolean'])
    expect(
      invalid({builtinRequirements: false, requirements: [{when: {market: 'ZZ'}, require: {compliance: ['GDPR']}}]}),
    ).toEqual(['requirements.0.when.market: unknown market "ZZ"'])
  })
})
