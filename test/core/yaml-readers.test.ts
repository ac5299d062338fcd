// The two YAML readers must agree: the fast path (js-yaml) answers only where the exact reader
// (the `yaml` package, YAML 1.2 core schema) would answer the same, and defers otherwise. A table
// of the cases where the two schools of YAML part ways, then generated front matter.
import fc from 'fast-check'
import {describe, expect, it, vi} from 'vitest'
import {SopDocument} from '../../src/core/document.js'
import {parseYaml, parseYamlFast} from '../../src/core/front-matter.js'

/** The same value to the last bit: -0 is not 0, NaN is NaN, and keys keep their order. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b)
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => same(v, b[i]))
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ka = Object.keys(a)
    const kb = Object.keys(b)
    return (
      ka.length === kb.length &&
      ka.every((k, i) => k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    )
  }
  return a === b
}

/** The fast reader agrees with the exact one, or leaves the source to it. */
function agrees(source: string): boolean {
  const fast = parseYamlFast(source)
  if (fast === undefined) return true
  const exact = parseYaml(source)
  return exact.problems.length === 0 && same(fast, exact.data)
}

const TRICKY: Array<[string, unknown]> = [
  // Numbers YAML 1.1 or js-yaml read, and YAML 1.2 core does not (or reads otherwise).
  ['a: 0b101', '0b101'],
  ['a: 0B1', '0B1'],
  ['a: -0x1F', '-0x1F'],
  ['a: +0o17', '+0o17'],
  ['a: 1_000', '1_000'],
  ['a: 0o17', 15],
  ['a: 0x1F', 31],
  ['a: 012', 12],
  ['a: 08', 8],
  ['a: -0', -0],
  ['a: +12', 12],
  ['a: 1.10', 1.1],
  ['a: 1e3', 1000],
  ['a: .5', 0.5],
  ['a: 1.', 1],
  ['a: 190:20:30', '190:20:30'],
  ['a: 12345678901234567890', Number('12345678901234567890')],
  ['a: .inf', Infinity],
  ['a: -.inf', -Infinity],
  ['a: +.INF', Infinity],
  ['a: .nan', NaN],
  ['a: .NaN', NaN],
  ['a: -.nan', '-.nan'],
  // Timestamps stay as written.
  ['a: 2026-01-01', '2026-01-01'],
  ['a: 2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z'],
  ['a: 2026-1-1 10:00', '2026-1-1 10:00'],
  // Booleans and nulls of YAML 1.1 are strings in 1.2.
  ['a: NO', 'NO'],
  ['a: on', 'on'],
  ['a: y', 'y'],
  ['a: Yes', 'Yes'],
  ['a: tRue', 'tRue'],
  ['a: TRUE', true],
  ['a: False', false],
  ['a: ~', null],
  ['a: NULL', null],
  ['a: nULL', 'nULL'],
  ['a:', null],
  // Quoting always wins.
  ['a: "0b101"', '0b101'],
  ["a: '1.10'", '1.10'],
  ['a: "\\x41"', 'A'],
  ['a: "\uFEFFx"', '\uFEFFx'],
]

/** Sources the exact reader must read (or refuse) itself: the fast one defers. */
const DEFERRED = [
  '<<: *base',
  'base: &b {x: 1}\nother:\n  <<: *b',
  'a: &x 1\nb: *x',
  'a: !!str 1',
  'a: !!float 1',
  'a: !custom x',
  'a: 1\na: 2',
  '~: a',
  'null: a',
  ': a',
  '[a, b]: x',
  '{a: 1}: x',
  '? a\n: b',
  '\ta: b',
  `${'k'.repeat(1100)}: 1`,
  '__proto__: {x: 1}',
  '- a\n- b',
  'just text',
  'a: b: c',
  'a: [1, 2',
  'a:\n  - -\n  - b',
  'a: "x\ny"',
  "a: 'x\ny'",
  // A comment right after a flow collection or a quoted scalar: js-yaml reads it, YAML 1.2 refuses it.
  'a:\n  - {}#\n',
  'a: [x]#c',
  'a: {b: 1}# c',
  'a: "x"#',
  "a: 'x'#",
  // A comment line after a blank line, above an indented value: the yaml package refuses it.
  'id:\n\n# :\n  id:0\n"x": \n',
  'a:\n\n# c\n  b\nc: 1\n',
  'id: \n#!:\n :0b101\n-: []\n',
  // A collection as a key inside a flow mapping: each parser stringifies it its own way.
  '-: {{$: }}\n',
  // An empty key inside a flow collection: "null" to js-yaml, "" to yaml.
  'id: [:]\n',
  'id: {:}\n',
  'id: [a, : x]\n',
  '-: [? ]\n',
  'id: [[]:(]\n',
  // A document marker inside the block (a comment after it keeps the block from closing there).
  '---  #',
  '-----: x',
  '%a\n  --- a: ',
  // An anchor named by a no-break or ideographic space: yaml reads it as a name, js-yaml as none.
  '{&\u00A0}',
  'a: &\u3000- : ',
  // An explicit null for the whole block is a scalar, not an empty mapping.
  'null',
  '~\n',
  'a: 1\n--- # next\nb: 2',
  'id: {~, a: 1}\n',
  'id: {a: 1, null}\n',
  // An empty item above a shallower one: js-yaml reads two items, yaml refuses the block.
  'id:\n  - \n- \n',
  'a: {x: 1, [b]}',
]

describe('the two YAML readers', () => {
  it.each(TRICKY)('read %j alike', (source, expected) => {
    const exact = parseYaml(source)
    expect(exact.problems).toEqual([])
    expect(same(exact.data?.a, expected)).toBe(true)
    const fast = parseYamlFast(source)
    // Where the fast reader answers, it answers what the exact reader does.
    if (fast !== undefined) expect(same(fast, exact.data)).toBe(true)
  })

  it('read the common numbers and words fast (the fast path is not simply off)', () => {
    const common = [
      'a: 0o17',
      'a: 1.10',
      'a: .inf',
      'a: NO',
      'a: 2026-01-01',
      'a: 0b101',
      'a: "x"\nb: [DE, FR]\nc: {d: 1}',
      'deviations:\n  - {section: Scope, expires: 2027-01-01}\n  - [a, b]',
    ]
    for (const source of common) {
      expect(parseYamlFast(source), source).toBeDefined()
    }
  })

  it.each(DEFERRED.map(s => [s.length > 40 ? `${s.slice(0, 12)}… (${s.length} characters)` : s, s]))(
    'leave %j to the exact reader',
    (_, source) => {
      expect(parseYamlFast(source)).toBeUndefined()
    },
  )

  it('print no process warning when the exact reader stringifies a collection key', () => {
    const warn = vi.spyOn(process, 'emitWarning')
    try {
      expect(parseYaml('{a: 1}: x').data).toEqual({'{ a: 1 }': 'x'})
      expect(warn).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
    }
  })

  it('read merge keys without aliases as a plain key, in both readers', () => {
    expect(agrees('<<: {b: 1}\nc: 2')).toBe(true)
    expect(parseYaml('<<: {b: 1}\nc: 2').data).toEqual({'<<': {b: 1}, c: 2})
  })

  it('agree on a tab after a colon, a BOM inside the block, and a document end marker', () => {
    for (const source of ['a:\tb', 'a: b\t', '\uFEFFa: 1', 'a: 1\n...\n', 'a: 1 # note\nb: "#x"'])
      expect(agrees(source), source).toBe(true)
  })

  it('agree on a flow collection that spans lines (js-yaml takes under-indented continuation lines)', () => {
    for (const source of ['id: [\n](: 0\n', 'a: [x,\n  y]\n', 'a: {b: 1,\n c: 2}\n', 'a: [x,\ny]\n'])
      expect(agrees(source), source).toBe(true)
  })

  it('give a document the same front matter whichever reader read it', () => {
    for (const [source] of TRICKY) {
      const doc = new SopDocument('a.md', '/a.md', `---\nversion: "1"\n${source}\n---\n# T\n`)
      expect(doc.problems).toEqual([])
      expect(same(doc.data.a, parseYaml(source).data?.a)).toBe(true)
    }
  })

  const scalar = fc.oneof(
    fc.constantFrom(
      '0b101',
      '0B11',
      '0o17',
      '0O7',
      '-0o7',
      '0x1F',
      '-0x1F',
      '+0x1',
      '0xg',
      '012',
      '08',
      '-0',
      '+0',
      '00',
      '1_000',
      '1__0',
      '0.',
      '.5',
      '-.5',
      '1.10',
      '1e3',
      '1E+3',
      '1e',
      '+0.5e-3',
      '.inf',
      '-.inf',
      '+.inf',
      '.Inf',
      '.INF',
      '.nan',
      '.NaN',
      '-.nan',
      '1:20',
      '190:20:30',
      '2026-01-01',
      '2026-01-01T10:00:00Z',
      '2026-01-01 10:00:00 +2',
      'NO',
      'no',
      'on',
      'Off',
      'y',
      'Y',
      'yes',
      'true',
      'True',
      'TRUE',
      'tRUE',
      'false',
      'null',
      'Null',
      'NULL',
      '~',
      '',
      '=',
      '<<',
      '-',
      '@x',
      '`x`',
      '%x',
      '"q"',
      "'q'",
      '"\\x41\\u00e9"',
      '[]',
      '{}',
      '[1, 0b1, .nan]',
      '{b: 0o7, c: NO}',
      '"a # b"',
      '"a, b"',
      "'[x], {y}'",
      '"x: y"',
      "'it''s'",
      'x\u00A0',
      '\u00A0x',
      'x\u3000',
      '\u2003',
      'a # b',
      'x:y',
      '12345678901234567890',
    ),
    fc.integer().map(String),
    fc.double().map(String),
    fc.string({maxLength: 8}),
  )
  const key = fc.oneof(
    fc.constantFrom('id', 'version', 'markets', '<<', '1', '1.10', 'true', 'null', '~', 'NO', '"x"', 'a b'),
    fc.string({minLength: 1, maxLength: 6}),
  )
  const entry = fc.tuple(key, fc.constantFrom(': ', ':\t', ':  '), scalar).map(([k, sep, v]) => `${k}${sep}${v}`)
  const list = fc
    .tuple(key, fc.array(scalar, {maxLength: 3}))
    .map(([k, items]) => `${k}:\n${items.map(i => `  - ${i}`).join('\n')}`)
  // The shapes the line reader takes: sequences at the key's own indentation or deeper, items that
  // are mappings (a variant's deviations), one-level mappings, flow collections, and blank lines.
  const indent = fc.constantFrom('', ' ', '  ', '    ')
  const pairLine = fc.tuple(key, fc.constantFrom(': ', ':  ', ':'), scalar).map(([k, sep, v]) => `${k}${sep}${v}`)
  const mappingItems = fc
    .tuple(key, indent, fc.array(fc.array(pairLine, {minLength: 1, maxLength: 3}), {maxLength: 3}))
    .map(
      ([k, ind, items]) =>
        `${k}:\n${items.map(pairs => pairs.map((p, i) => `${ind}${i === 0 ? '- ' : '  '}${p}`).join('\n')).join('\n')}`,
    )
  const mapping = fc
    .tuple(key, indent, fc.array(pairLine, {maxLength: 3}))
    .map(([k, ind, pairs]) => `${k}:\n${pairs.map(p => `${ind}${p}`).join('\n')}`)
  const flow = fc
    .tuple(key, fc.array(fc.tuple(key, scalar), {maxLength: 3}), fc.boolean())
    .map(([k, items, asMap]) =>
      asMap
        ? `${k}: {${items.map(([a, b]) => `${a}: ${b}`).join(', ')}}`
        : `${k}: [${items.map(([, b]) => b).join(', ')}]`,
    )
  // Blocks inside blocks: a key with nothing after it, then lines one to four columns deeper (or
  // none), each a pair, an item or another such key, to three levels.
  const nested: fc.Arbitrary<string[]> = fc.letrec<{node: string[]}>(tie => ({
    node: fc.oneof(
      {maxDepth: 3, depthSize: 'small'},
      pairLine.map(p => [p]),
      scalar.map(v => [`- ${v}`]),
      fc
        .tuple(fc.constantFrom('', '- '), key, fc.constantFrom(0, 1, 2, 4), fc.array(tie('node'), {maxLength: 3}))
        .map(([dash, k, by, children]) => [`${dash}${k}:`, ...children.flat().map(line => `${' '.repeat(by)}${line}`)]),
    ),
  })).node
  const block = fc
    .array(
      fc.oneof(
        entry,
        entry,
        list,
        mappingItems,
        mapping,
        flow,
        fc.constant(''),
        nested.map(l => l.join('\n')),
      ),
      {
        maxLength: 6,
      },
    )
    .chain(lines => fc.constantFrom('\n', '\r\n').map(eol => lines.join(eol) + eol))

  // Front matter as token soup: the pieces YAML's indicators and the readers' rules are made of,
  // thrown together. A line that is only a document marker closes the block, so it never reaches
  // a reader and is left out.
  const token = fc.constantFrom(
    'a',
    'b',
    'id',
    ':',
    ': ',
    '- ',
    '  ',
    ' ',
    '\n',
    '\n  ',
    '\n    ',
    '[',
    ']',
    '{',
    '}',
    ', ',
    ',',
    '"',
    "'",
    '#',
    ' #',
    '1',
    '0x1',
    '.5',
    '~',
    'null',
    'true',
    '\u00A0',
    '\u3000',
    'é',
    '?',
    '&',
    '*',
    '!',
    '|',
    '>',
    '@',
    '%',
    '`',
    '\\',
    '-',
    '--- ',
    '...',
  )
  const soup = fc
    .array(token, {maxLength: 30})
    .map(tokens => tokens.join(''))
    .filter(source => !/^(?:---|\.\.\.)[ \t]*\r?$/m.test(source))

  it('agree on token soup', () => {
    fc.assert(fc.property(soup, agrees), {numRuns: Number(process.env.YAML_RUNS ?? 3000)})
  })

  it('agree on generated front matter', () => {
    fc.assert(fc.property(block, agrees), {numRuns: Number(process.env.YAML_RUNS ?? 3000)})
  })
})
