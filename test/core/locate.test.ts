// The cheap locator must point exactly where the exact YAML parser points (start and end), whenever it answers.
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {SopDocument} from '../../src/core/document.js'
import {locateSimple} from '../../src/core/locate.js'
import {ROOT} from '../helpers/cli.js'

/** Compare every top-level key and list item of a document with the exact parser's node offsets. */
function agrees(text: string): number {
  const doc = new SopDocument('a.md', '/a.md', text)
  if (!doc.block || doc.problems.length > 0) return 0
  const source = text.slice(doc.block.start, doc.block.end)
  let answered = 0
  for (const [key, value] of Object.entries(doc.data)) {
    const paths: Array<Array<string | number>> = [[key], ...(Array.isArray(value) ? value.map((_, i) => [key, i]) : [])]
    for (const p of paths) {
      const simple = locateSimple(source, p)
      if (!simple) continue
      answered++
      const exact = doc.node(p)!
      expect(doc.block.start + simple.start, `${key} ${p[1] ?? ''}`).toBe(exact.start)
      const keyStart = exact.key && p.length === 1 ? doc.block.start + exact.key.range![0] : exact.start
      expect(doc.block.start + simple.key).toBe(keyStart)
      const keyEnd = exact.key && p.length === 1 ? doc.block.start + exact.key.range![1] : exact.end
      if (simple.keyEnd !== undefined)
        expect(doc.block.start + simple.keyEnd, `key end of ${key} ${p[1] ?? ''}`).toBe(keyEnd)
      if (simple.end !== undefined) expect(doc.block.start + simple.end, `end of ${key} ${p[1] ?? ''}`).toBe(exact.end)
    }
  }
  return answered
}

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap(n => {
    const full = path.join(dir, n)
    return statSync(full).isDirectory() ? files(full) : n.endsWith('.md') ? [full] : []
  })

describe('locateSimple agrees with the exact parser', () => {
  it.each(files(path.join(ROOT, 'sops')).map(f => [path.relative(ROOT, f), f]))('on %s', (_, file) => {
    expect(agrees(readFileSync(file, 'utf8'))).toBeGreaterThan(10)
  })

  const item = fc.constantFrom(
    'SG',
    'NO',
    'DE',
    'chatbot',
    'ai-agent',
    '"quoted"',
    "'single'",
    'a b',
    '1.10',
    '# c',
    '',
    'x: y',
    '[n]',
    '&a',
    '*a',
  )
  const sp = fc.constantFrom('', ' ', '  ')
  const value = fc.oneof(
    item,
    fc
      .tuple(fc.array(fc.tuple(sp, item, sp), {maxLength: 4}), sp)
      .map(([items, tail]) => `[${items.map(([a, b, c]) => a + b + c).join(',')}${tail}]`),
    fc
      .array(fc.tuple(fc.constantFrom('  ', ''), sp, item), {minLength: 1, maxLength: 3})
      .map(items => `\n${items.map(([ind, s, i]) => `${ind}- ${s}${i}`).join('\n')}`),
  )
  const key = fc.constantFrom('id', 'markets', 'channels', 'version', 'review_by', 'owner', 'based_on')
  const front = fc
    .uniqueArray(fc.tuple(key, sp, value), {selector: ([k]) => k, maxLength: 6})
    .map(pairs => pairs.map(([k, s, v]) => `${k}:${v.startsWith('\n') ? '' : ' '}${s}${v}`).join('\n'))

  it('on generated front matter', () => {
    let answered = 0
    fc.assert(
      fc.property(front, f => {
        answered += agrees(`---\n${f}\n---\n# T\n`)
      }),
      {numRuns: 3000},
    )
    expect(answered).toBeGreaterThan(1000)
  })
})
