import {describe, expect, it} from 'vitest'
import {SOP_BODY} from '../helpers/docs.js'
import {brief, lintOne, lintRule, runFixture, sop} from './harness.js'

const RULE = 'valid-file'

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('reports an empty file at 1:1', async () => {
    expect(brief(await lintRule(RULE, ''))).toEqual(['empty@1:1'])
  })

  it('reports a binary file (a NUL byte) and no other rule runs on it', async () => {
    const bytes = Buffer.concat([Buffer.from(sop()), Buffer.from([0x00, 0x01, 0x02])])
    const findings = await lintOne(bytes)
    expect(findings.map(f => `${f.ruleId}:${f.messageId}@${f.line}:${f.column}`)).toEqual(['valid-file:binary@1:1'])
    expect(findings[0]!.severity).toBe('error')
  })

  it('reports a file that is not valid UTF-8', async () => {
    const bytes = Buffer.from(sop({title: 'Caf\u00e9 refunds'}), 'latin1')
    expect(brief(await lintRule(RULE, bytes))).toEqual(['encoding@1:1'])
  })

  it('reports a UTF-16 file by its byte-order mark, little- or big-endian', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sop(), 'utf16le')])
    const be = Buffer.from(le.subarray(2).swap16())
    expect(brief(await lintRule(RULE, le))).toEqual(['utf16@1:1'])
    expect(brief(await lintRule(RULE, Buffer.concat([Buffer.from([0xfe, 0xff]), be])))).toEqual(['utf16@1:1'])
  })

  it('reads a UTF-8 file with a BOM, or with CRLF line ends, as a normal document', async () => {
    expect(await lintOne(`\ufeff${sop()}`)).toEqual([])
    expect(await lintOne(sop().replace(/\n/g, '\r\n'))).toEqual([])
  })

  it('reports lone-CR line ends (classic Mac OS) as such, not as a document without front matter', async () => {
    const findings = await lintOne(sop().replace(/\n/g, '\r'))
    expect(findings.map(f => `${f.ruleId}:${f.messageId}@${f.line}:${f.column}`)).toEqual(['valid-file:lone-cr@1:1'])
    expect(findings[0]!.message).toMatch(/lone CR/)
  })

  it('reports a lone CR among LF line ends, and reads a CR inside CRLF as a line end', async () => {
    expect(brief(await lintRule(RULE, sop().replace('## Scope', 'Some\rtext\n\n## Scope')))).toEqual(['lone-cr@1:1'])
    expect(await lintOne(sop().replace(/\n/g, '\r\n'))).toEqual([])
  })

  it('reports blockquotes and lists nested past the limit at the first such line, and nothing for ordinary nesting', async () => {
    const deep = sop({}, {body: `${SOP_BODY}\nText.\n\n${'>'.repeat(5_000)} deep\n`})
    const findings = await lintRule(RULE, deep)
    expect(findings.map(f => `${f.messageId}@${f.line}`)).toEqual([
      `too-deep@${deep.split('\n').findIndex(l => l.startsWith('>>>')) + 1}`,
    ])
    const indented = sop(
      {},
      {body: `${SOP_BODY}\n${Array.from({length: 100}, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n')}\n`},
    )
    expect(brief(await lintRule(RULE, indented)).map(b => b.split('@')[0])).toEqual(['too-deep'])
    const ordinary = sop({}, {body: `${SOP_BODY}\n> quote\n> > nested quote\n\n- a\n  - b\n    - c\n      1. d\n`})
    expect(await lintRule(RULE, ordinary)).toEqual([])
  })

  it('reports a file over maxFileSize, and accepts it under a larger limit', async () => {
    const text = sop()
    expect(text.length).toBeGreaterThan(100)
    expect(brief(await lintRule(RULE, text, {config: {maxFileSize: 100}}))).toEqual(['too-large@1:1'])
    expect(await lintRule(RULE, text, {config: {maxFileSize: text.length}})).toEqual([])
  })

  it('reports a symlink that leads out of the repository, without reading it', async () => {
    const findings = await lintOne(sop(), {symlinks: {'sops/global/passwd.md': '/etc/passwd'}})
    expect(findings.map(f => `${f.file} ${f.ruleId}:${f.messageId}@${f.line}:${f.column}`)).toEqual([
      'sops/global/passwd.md valid-file:outside-root@1:1',
    ])
  })

  it('reports a symlink loop as unreadable instead of throwing', async () => {
    const findings = await lintOne(sop(), {
      symlinks: {'sops/global/loop-a.md': 'loop-b.md', 'sops/global/loop-b.md': 'loop-a.md'},
    })
    expect(findings.map(f => `${f.file} ${f.messageId}`).sort()).toEqual([
      'sops/global/loop-a.md unreadable',
      'sops/global/loop-b.md unreadable',
    ])
  })

  it('follows a symlink that stays inside the repository', async () => {
    const findings = await lintOne(sop(), {symlinks: {'sops/DE/alias.md': '../global/doc.md'}})
    expect(findings.filter(f => f.ruleId === RULE)).toEqual([])
  })

  it('says nothing about a sound document', async () => {
    expect(await lintOne(sop())).toEqual([])
  })
})
