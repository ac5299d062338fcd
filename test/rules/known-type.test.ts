import {describe, expect, it} from 'vitest'
import {brief, lintRule, runFixture, sop} from './harness.js'

const RULE = 'known-type'

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('accepts every built-in type', async () => {
    for (const type of ['sop', 'strategy', 'policy', 'flow', 'kb-article', 'automation-rule']) {
      expect(await lintRule(RULE, sop({type})), type).toEqual([])
    }
  })

  it('reports an unknown type at its value', async () => {
    expect(brief(await lintRule(RULE, sop({type: 'sops'})))).toEqual(['unknown@4:7'])
    expect(brief(await lintRule(RULE, sop({type: 'SOP'})))).toEqual(['unknown@4:7'])
  })

  it('accepts a type the config adds', async () => {
    const config = {types: {memo: {fields: ['id', 'title'], sections: []}}}
    expect(await lintRule(RULE, sop({type: 'memo'}), {config})).toEqual([])
    expect(brief(await lintRule(RULE, sop({type: 'memo'})))).toEqual(['unknown@4:7'])
  })

  it('says nothing when the type is missing (require-fields does)', async () => {
    expect(await lintRule(RULE, sop({type: null}))).toEqual([])
  })
})
