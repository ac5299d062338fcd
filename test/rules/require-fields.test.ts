import {describe, expect, it} from 'vitest'
import {COMMON_FIELDS, DEFAULT_TYPES} from '../../src/core/catalogue.js'
import {brief, lintRule, runFixture, sop} from './harness.js'

const RULE = 'require-fields'

const POLICY_BODY =
  '# Seller response-time standard\n\n## Purpose\n\nx\n\n## Scope\n\nx\n\n## Standard\n\nx\n\n## Exceptions\n\nx\n'

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('reports a missing field at the start of the front matter', async () => {
    expect(brief(await lintRule(RULE, sop({owner: null})))).toEqual(['missing@2:1'])
  })

  it('reports an empty list or an empty value at its key', async () => {
    expect(brief(await lintRule(RULE, sop({markets: '[]'})))).toEqual(['missing@8:1'])
    expect(brief(await lintRule(RULE, sop({owner: '""'})))).toEqual(['missing@7:1'])
    expect(brief(await lintRule(RULE, sop({owner: '~'})))).toEqual(['missing@7:1'])
  })

  it('reports each missing field once', async () => {
    const findings = await lintRule(RULE, sop({owner: null, review_by: null, channels: '[]'}))
    expect(brief(findings).sort()).toEqual(['missing@2:1', 'missing@2:1', 'missing@8:1'])
  })

  it('requires what the type requires: an sop needs effective, a policy needs effective but not channels', async () => {
    expect(brief(await lintRule(RULE, sop({effective: null})))).toEqual(['missing@2:1'])
    expect(await lintRule(RULE, sop({type: 'policy', channels: null}, {body: POLICY_BODY}))).toEqual([])
    expect(brief(await lintRule(RULE, sop({type: 'policy', effective: null}, {body: POLICY_BODY})))).toEqual([
      'missing@2:1',
    ])
  })

  it("falls back to the common fields for an unknown type: the built-in types' own, review_by included", async () => {
    expect(await lintRule(RULE, sop({type: 'memo', channels: null, effective: null}))).toEqual([])
    expect(brief(await lintRule(RULE, sop({type: 'memo', owner: null})))).toEqual(['missing@2:1'])
    expect(brief(await lintRule(RULE, sop({type: 'memo', review_by: null})))).toEqual(['missing@2:1'])
  })

  it('has one list of common fields: every built-in type requires all of them, and so does a configured type listing none', async () => {
    for (const t of Object.values(DEFAULT_TYPES)) expect(t.fields).toEqual(expect.arrayContaining([...COMMON_FIELDS]))
    const config = {types: {memo: {sections: []}}}
    expect(
      brief(await lintRule(RULE, sop({type: 'memo', review_by: null, channels: null, effective: null}), {config})),
    ).toEqual(['missing@2:1'])
  })

  it('uses the fields a configured type lists', async () => {
    const config = {types: {memo: {fields: ['id', 'title', 'owner', 'targets'], sections: []}}}
    expect(brief(await lintRule(RULE, sop({type: 'memo'}), {config}))).toEqual(['missing@2:1'])
    expect(await lintRule(RULE, sop({type: 'memo'}, {extra: ['targets: {csat: 4.5}']}), {config})).toEqual([])
  })

  it('treats a list holding only empty items as missing (`markets: [""]`, `markets: [~]`)', async () => {
    // A document whose only market is empty applies to no market, and no other rule notices it.
    expect(brief(await lintRule(RULE, sop({markets: '[""]'})))).toEqual(['missing@8:1'])
    expect(brief(await lintRule(RULE, sop({markets: '[~]'})))).toEqual(['missing@8:1'])
  })
})
