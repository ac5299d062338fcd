// The adversarial corpus: hostile documents, each with the finding `sopkit check` must give.
// A payload that would run code writes a file named PWNED; its absence proves nothing ran.
import {SOP_BODY, doc} from '../helpers/docs.js'

const PAYLOAD = 'require("fs").writeFileSync("PWNED", "x")'

export interface HostileDocument {
  name: string
  content: string | Buffer
  /** rule:messageId expected on the file, or [] when it must read cleanly. */
  expect: string[]
}

const aliasBomb = (() => {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array.from({length: 9}, () => `*a${i - 1}`).join(', ')}]`)
  return `---\n${lines.join('\n')}\n---\n# Bomb\n`
})()

/** Bodies nested far past what a recursive renderer survives: check reports them, export flattens them. */
export const DEEP_BODIES: Array<{name: string; body: string}> = [
  {name: 'deep-blockquote', body: `${'>'.repeat(50_000)} deep\n`},
  {name: 'deep-blockquote-spaced', body: `${'> '.repeat(20_000)}deep\n`},
  {name: 'deep-list-inline', body: `${'- '.repeat(20_000)}deep\n`},
  {
    name: 'deep-list-indented',
    body: Array.from({length: 600}, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n'),
  },
  {name: 'deep-mixed', body: `${'> 1. - '.repeat(6_000)}deep\n`},
]

const deep = (name: string, body: string): HostileDocument => ({
  name,
  content: doc({front: {id: name}, body: `${SOP_BODY}\n${body}\n`}),
  expect: ['valid-file:too-deep'],
})

export const HOSTILE_DOCUMENTS: HostileDocument[] = [
  ...DEEP_BODIES.map(({name, body}) => deep(name, body)),
  {
    name: 'engine-js',
    content: `---js\n{ id: (function(){ ${PAYLOAD}; return "x" })() }\n---\n# x\n`,
    expect: ['valid-front-matter:language'],
  },
  {
    name: 'engine-javascript',
    content: `---javascript\nmodule.exports = (function(){ ${PAYLOAD}; return {} })()\n---\n# x\n`,
    expect: ['valid-front-matter:language'],
  },
  {
    name: 'engine-coffee',
    content: `---coffee\nid: do -> ${PAYLOAD}\n---\n# x\n`,
    expect: ['valid-front-matter:language'],
  },
  {
    name: 'engine-odd-case',
    content: `---JS\n{ id: (function(){ ${PAYLOAD}; return "x" })() }\n---\n# x\n`,
    expect: ['valid-front-matter:language'],
  },
  {
    name: 'engine-odd-spacing',
    content: `---   js   \n{ id: (function(){ ${PAYLOAD}; return "x" })() }\n---\n# x\n`,
    expect: ['valid-front-matter:language'],
  },
  {name: 'alias-bomb', content: aliasBomb, expect: ['valid-front-matter:yaml']},
  {
    name: 'deep-nesting',
    content: `---\nid: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n---\n# x\n`,
    expect: ['valid-front-matter:yaml'],
  },
  {name: 'duplicate-keys', content: '---\nid: a\nid: b\n---\n# x\n', expect: ['valid-front-matter:yaml']},
  {
    name: 'proto-keys',
    content: doc({front: {id: 'proto-keys'}}).replace(
      '---\n',
      '---\n__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\n',
    ),
    expect: [],
  },
  {name: 'scalar-front-matter', content: '---\njust a sentence\n---\n# x\n', expect: ['valid-front-matter:yaml']},
  {name: 'list-front-matter', content: '---\n- id\n- title\n---\n# x\n', expect: ['valid-front-matter:yaml']},
  {name: 'unterminated', content: '---\nid: a\ntitle: no end\n# x\n', expect: ['valid-front-matter:unterminated']},
  {name: 'no-front-matter', content: '# Just Markdown\n', expect: ['valid-front-matter:missing']},
  {name: 'bom-utf8', content: `\uFEFF${doc({front: {id: 'bom-utf8'}})}`, expect: []},
  {
    name: 'bom-utf16le',
    content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc({front: {id: 'utf16'}}), 'utf16le')]),
    expect: ['valid-file:utf16'],
  },
  {
    name: 'bom-utf16be',
    content: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(doc({front: {id: 'utf16be'}}), 'utf16le').swap16()]),
    expect: ['valid-file:utf16'],
  },
  {
    name: 'invalid-utf8',
    content: Buffer.concat([Buffer.from('---\nid: caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n---\n')]),
    expect: ['valid-file:encoding'],
  },
  {name: 'nul-bytes', content: Buffer.from('---\nid: a\u0000b\n---\n'), expect: ['valid-file:binary']},
  {name: 'crlf', content: doc({front: {id: 'crlf'}}).replaceAll('\n', '\r\n'), expect: []},
  {name: 'lone-cr', content: doc({front: {id: 'lone-cr'}}).replaceAll('\n', '\r'), expect: ['valid-file:lone-cr']},
  {
    name: 'lone-cr-mixed',
    content: doc({front: {id: 'lone-cr-mixed'}}).replace('\n#', '\r#'),
    expect: ['valid-file:lone-cr'],
  },
  {name: 'empty', content: '', expect: ['valid-file:empty']},
  {name: 'huge', content: Buffer.alloc(50 * 1024 * 1024, 0x61), expect: ['valid-file:too-large']},
  {
    name: 'prototype-market',
    content: doc({front: {id: 'prototype-market', markets: ['constructor', 'toString']}}),
    expect: ['known-market:unknown', 'known-market:unknown'],
  },
]

/** File names that break naive path handling. */
export const ODD_NAMES = ['with space.md', 'hash#tag.md', 'ünïcødé-市场.md', 'new\nline.md']

export const CSV_PAYLOADS = [
  '=HYPERLINK("http://evil.example","click")',
  '+1+1',
  '-1+1',
  '@SUM(A1)',
  "=cmd|' /C calc'!A0",
]
