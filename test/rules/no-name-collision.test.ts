import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/core/config.js'
import {SopDocument, summarize} from '../../src/core/document.js'
import {buildLibrary, foldName} from '../../src/core/library.js'
import rule from '../../src/rules/no-name-collision.js'
import {ruleKeys, runFixture, sop} from './harness.js'

const RULE = 'no-name-collision'

const keys = (files: Record<string, string>) => ruleKeys(RULE, files)

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('reports two paths that differ only by letter case, on the later file', async () => {
    expect(await keys({'sops/global/refund.md': sop(), 'sops/global/Refund.md': sop({id: 'refund-other'})})).toEqual([
      'sops/global/refund.md no-name-collision:path@1:1',
    ])
    expect(await keys({'sops/DE/refund.md': sop({id: 'a'}), 'sops/de/refund.md': sop({id: 'b'})})).toEqual([
      'sops/de/refund.md no-name-collision:path@1:1',
    ])
  })

  it('reports two paths that differ only by Unicode normalisation (NFC against NFD)', async () => {
    const nfc = 'sops/global/caf\u00e9.md'
    const nfd = 'sops/global/cafe\u0301.md'
    const found = await keys({[nfc]: sop({id: 'cafe-a'}), [nfd]: sop({id: 'cafe-b'})})
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(/no-name-collision:path@1:1$/)
  })

  it('says which difference it is', async () => {
    const {findings} = await runFixture(RULE)
    expect(findings.find(f => f.ruleId === RULE)?.message).toMatch(/only by letter case/)
  })

  it('reports ids that differ only by case or normalisation, at the id', async () => {
    expect(
      await keys({
        'sops/global/a.md': sop({id: 'refund-escalation'}),
        'sops/DE/b.md': sop({id: 'Refund-Escalation', markets: '[DE]', compliance: '[GDPR]'}),
      }),
    ).toEqual(['sops/global/a.md no-name-collision:id@2:5'])
    expect(
      await keys({'sops/global/a.md': sop({id: 'caf\u00e9'}), 'sops/global/b.md': sop({id: 'cafe\u0301'})}),
    ).toEqual(['sops/global/b.md no-name-collision:id@2:5'])
  })

  it('says nothing about one family of documents, or about names that differ in letters', async () => {
    expect(
      await keys({
        'sops/global/a.md': sop(),
        'sops/DE/a.md': sop({markets: '[DE]', compliance: '[GDPR]', based_on: '1.4.0'}),
      }),
    ).toEqual([])
    expect(await keys({'sops/global/a.md': sop({id: 'refund'}), 'sops/global/b.md': sop({id: 'refunds'})})).toEqual([])
  })

  it('folds names the way case-insensitive, normalisation-insensitive file systems do', () => {
    expect(foldName('Caf\u00e9.MD')).toBe(foldName('cafe\u0301.md'))
    expect(foldName('a.md')).not.toBe(foldName('b.md'))
  })

  it('finds collisions among 20,000 documents in one pass', () => {
    const names = Array.from({length: 20_000}, (_, i) => `doc-${i}`)
    const config = resolveConfig('/repo', undefined, {})
    const docs = names.map(n =>
      summarize(new SopDocument(`sops/global/${n}.md`, `/repo/sops/global/${n}.md`, sop({id: n}))),
    )
    const library = buildLibrary(config, docs)
    let found = 0
    for (const doc of docs) rule.check({doc, library, config, today: '2026-01-01', report: () => found++})
    expect(found).toBe(0)
  })
})
