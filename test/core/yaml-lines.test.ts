// The line reader takes the shape nearly all front matter has and gives exactly the exact parser's
// data for it; everything else it leaves to js-yaml (undefined). yaml-readers.test.ts holds the
// whole fast path (this reader, then js-yaml) to the exact parser on generated front matter.
import {describe, expect, it} from 'vitest'
import {parseYaml} from '../../src/core/front-matter.js'
import {readCommonYaml} from '../../src/core/yaml-lines.js'

const VARIANT = `id: refund-window-de
title: Refund window (Germany), 14 days & more
type: sop
version: "2.3.4"
status: approved
owner: "@de-cs-leads"
markets: [DE]
channels: [chatbot, live-chat, email]
compliance: []
effective: 2025-07-01
review_by: 2029-08-26
based_on: '2.3.1'
url: https://example.com/a:b
deviations:
  - section: Purpose
    reason: the German team staffs this queue in two languages
    approver: "@privacy-office"
    expires: 2028-08-13

  - section: Escalation
    reason: legal review [2025], C# desk
    approver: de-lead@example.com
targets: { csat: 4.5, first_response: 2h, resolution_rate: 0.88, open: ~, strict: TRUE }
aliases:
- refund-de
- 12
contacts:
  lead: ana
  backup: "ben"
empty:
`

describe('the line reader', () => {
  it('reads a variant with deviations, flow collections and nested blocks as the exact parser does', () => {
    const exact = parseYaml(VARIANT)
    expect(exact.problems).toEqual([])
    const common = readCommonYaml(VARIANT)
    expect(common).toEqual(exact.data)
    expect(common?.targets).toEqual({csat: 4.5, first_response: '2h', resolution_rate: 0.88, open: null, strict: true})
    expect(common?.aliases).toEqual(['refund-de', 12])
    expect(common?.empty).toBeNull()
    expect(Object.getPrototypeOf(common)).toBeNull()
  })

  it.each([
    ['a comment', 'a: 1 # note'],
    ['a comment line', '# note\na: 1'],
    ['a tab', 'a:\tb'],
    ['a carriage return', 'a: 1\r\n'],
    ['a BOM', '\uFEFFa: 1'],
    ['an anchor', 'a: &x 1'],
    ['a tag', 'a: !!str 1'],
    ['a block scalar', 'a: |\n  text'],
    ['a plain scalar on two lines', 'a: one\n  two'],
    ['a quoted scalar with an escape', 'a: "\\x41"'],
    ["a single-quoted scalar with ''", "a: 'it''s'"],
    ['an escaped quote inside a flow item', "a: ['it''s']"],
    ['a backslash inside a quoted flow item', 'a: ["a\\"b"]'],
    ['a quote inside a plain flow item', 'a: [a"b, c"]'],
    ['a quoted flow item with more after it', "a: ['x'y]"],
    ['a colon inside a flow item', 'a: [10:30]'],
    ['an empty flow item', 'a: [x, , y]'],
    ['a key the core schema types', 'true: 1'],
    ['a quoted key', '"a": 1'],
    ['a repeated key', 'a: 1\na: 2'],
    ['a repeated key in an item', 'a:\n  - b: 1\n    b: 2'],
    ['a prototype key', '__proto__: 1'],
    ['a scalar on the line after its key', 'a:\n  text'],
    ['a key deeper than its siblings', 'a:\n  b: 1\n   c: 2'],
    ['a sequence in a sequence', 'a:\n  - - x'],
    ['two spaces after a dash', 'a:\n  -  x'],
    ['an empty item', 'a:\n  - \n  - x'],
    ['a mapping value in a value', 'a: b: c'],
    ['a document marker', 'a: 1\n---\nb: 2'],
    ['an indented first line', '  a: 1'],
    ['a sequence at the top', '- a'],
    ['a value opening with an indicator', 'a: -1'],
    ['a key 1024 characters long', `${'k'.repeat(1030)}: 1`],
  ])('leaves %s to js-yaml', (_, source) => {
    expect(readCommonYaml(source)).toBeUndefined()
  })

  it('reads mappings and sequences nested in each other, and empty values, as the exact parser does', () => {
    const source = [
      'params:',
      '  functions_and_methods:',
      '    aliases: [float]',
      '    returnType: float64',
      '    signatures:',
      '    - FLOAT INPUT',
      '  empty:',
      '  deeper:',
      '    - name: a',
      '      tags:',
      '      - x',
      '      - 2',
      '      note:',
      '    - name: b',
      'cascade:',
      '  build:',
      '    list: never',
      'weight: 10',
    ].join('\n')
    const exact = parseYaml(source)
    expect(exact.problems).toEqual([])
    expect(readCommonYaml(source)).toEqual(exact.data)
    expect(readCommonYaml(source)?.params).toEqual({
      functions_and_methods: {aliases: ['float'], returnType: 'float64', signatures: ['FLOAT INPUT']},
      empty: null,
      deeper: [{name: 'a', tags: ['x', 2], note: null}, {name: 'b'}],
    })
  })

  it('reads quoted items of flow collections, commas and brackets inside them included', () => {
    const source = `aliases: ['/variables/', "/a, b/"]\nsignatures: ['collections.Complement SLICE [SLICE...]']\nmap: {a: "x: y", b: 'z'}`
    const exact = parseYaml(source)
    expect(exact.problems).toEqual([])
    expect(readCommonYaml(source)).toEqual(exact.data)
    expect(readCommonYaml(source)?.aliases).toEqual(['/variables/', '/a, b/'])
  })

  it('keeps the no-break and other Unicode spaces around a value, as YAML does (only the space is trimmed)', () => {
    const source = 'a: x\u00A0\nb:  \u00A0y \nc: [x\u3000 , y]\nd:\n  - z\u2003\ne: {k: v\u00A0}'
    const exact = parseYaml(source)
    expect(exact.problems).toEqual([])
    expect(readCommonYaml(source)).toEqual(exact.data)
    expect(readCommonYaml(source)).toEqual({
      a: 'x\u00A0',
      b: '\u00A0y',
      c: ['x\u3000', 'y'],
      d: ['z\u2003'],
      e: {k: 'v\u00A0'},
    })
  })

  it('reads an empty block as no data', () => {
    expect(readCommonYaml('')).toEqual({})
    expect(readCommonYaml('\n\n')).toEqual({})
  })
})
