// The line scanner must give exactly remark's outline whenever it answers at all.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {beforeAll, describe, expect, it} from 'vitest'
import {loadMarkdownParser, parseWithRemark} from '../../src/core/markdown.js'
import {scanOutline} from '../../src/core/outline-scan.js'
import {type RawOutline, outline} from '../../src/core/sections.js'
import {splitFrontMatter} from '../../src/core/front-matter.js'
import {markdownFiles} from '../../bench/markdown-corpora.js'
import {ROOT} from '../helpers/cli.js'

beforeAll(loadMarkdownParser)

/** What the rest of sopkit reads of an outline. */
function view(body: string, raw: RawOutline) {
  const o = outline(body, raw)
  return {
    title: o.title,
    sections: o.sections.map(s => ({path: s.path, depth: s.depth, start: s.start, content: s.content})),
    links: o.links.map(l => ({url: l.url, start: l.start})),
    images: o.images.map(l => ({url: l.url, start: l.start})),
  }
}

function agrees(body: string): boolean {
  const scanned = scanOutline(body)
  if (!scanned) return true
  expect(view(body, scanned)).toEqual(view(body, parseWithRemark(body)))
  return true
}

describe('scanOutline agrees with remark', () => {
  const files = [...markdownFiles(path.join(ROOT, 'sops')), ...markdownFiles(path.join(ROOT, 'test'))]

  it.each(files.map(f => [path.relative(ROOT, f), f]))('on %s', (_, file) => {
    const text = readFileSync(file, 'utf8')
    agrees(text.slice(splitFrontMatter(text)?.bodyStart ?? 0))
  })

  it('models every bundled document without remark', () => {
    const bodyOf = (f: string) => {
      const text = readFileSync(f, 'utf8')
      return text.slice(splitFrontMatter(text)?.bodyStart ?? 0)
    }
    const unmodelled = files.filter(f => f.startsWith(path.join(ROOT, 'sops')) && !scanOutline(bodyOf(f)))
    expect(unmodelled).toEqual([])
  })

  it('models list items that hold only a template comment (an HTML block), as remark does', () => {
    for (const body of [
      '## Steps\n\n1. <!-- first step -->\n2. <!-- second --> [not a link](x.md)\n---\n',
      '- In scope: <!-- reasons --> see [scope](#scope)\n- <!-- condition -->\n\n## Scope\n',
      '> <!-- quoted -->\n> text [a](b.md)\n',
    ]) {
      expect(scanOutline(body), body).toBeDefined()
      agrees(body)
    }
  })

  const word = fc.constantFrom(
    'Refund',
    'limit',
    'SLA',
    '2h',
    'agent',
    'R&D',
    'a > b',
    '#tag',
    'x_y',
    '*bold*',
    '`code`',
    'é',
    '&amp;',
    '\\#',
    '<b>',
    '!',
  )
  const text = fc.array(word, {minLength: 1, maxLength: 4}).map(w => w.join(' '))
  const url = fc.constantFrom(
    'a.md',
    '../global/refund.md#escalation',
    'https://example.com/x',
    '#scope',
    'b c.md',
    'x(1).md',
    'ä.md',
    '<a.md>',
    '',
  )
  const link = fc
    .tuple(fc.constantFrom('', '!'), text, url, fc.constantFrom('', ' "title"'))
    .map(([bang, t, u, title]) => `${bang}[${t}](${u}${title})`)
  const line = fc.oneof(
    fc
      .tuple(fc.integer({min: 1, max: 7}), text, fc.constantFrom('', ' ##', ' #'))
      .map(([n, t, close]) => `${'#'.repeat(n)} ${t}${close}`),
    fc
      .tuple(fc.constantFrom('', ' ', '   ', '    ', '\t'), fc.constantFrom('#', '##', '###'))
      .chain(([pad, h]) => text.map(t => `${pad}${h} ${t}`)),
    text,
    fc.tuple(text, link, text).map(([a, l, b]) => `${a} ${l} ${b}`),
    fc
      .tuple(fc.constantFrom('- ', '1. ', '> ', '  - '), text, fc.option(link))
      .map(([m, t, l]) => `${m}${t}${l ? ` ${l}` : ''}`),
    fc.constantFrom(
      '',
      '',
      '```',
      '~~~',
      '````',
      '```js',
      '    code',
      '---',
      '===',
      '***',
      '<!-- note -->',
      '<!--',
      '-->',
      '<div>',
      '</div>',
      '| a | b |',
      '[ref]: ./a.md',
      '[ref]: <a.md>',
      '#',
      '#hashtag',
      '  ## indented',
      '> ```',
    ),
  )
  const body = fc.array(line, {maxLength: 30}).chain(lines => fc.constantFrom('\n', '\r\n').map(eol => lines.join(eol)))

  it('on generated documents', () => {
    fc.assert(fc.property(body, agrees), {numRuns: Number(process.env.SCAN_RUNS ?? 3000)})
  })

  // SOP-like bodies: the scanner must answer for most of them, or the property above proves little.
  const plainWord = fc.constantFrom('Refund', 'limit', 'SLA', '2h', 'agent', 'R&D', 'a > b', 'é', '(tier 2)', '100%')
  const plainText = fc.array(plainWord, {minLength: 1, maxLength: 5}).map(w => w.join(' '))
  const plainLink = fc
    .tuple(plainText, fc.constantFrom('a.md', '../global/refund.md#escalation', 'https://example.com/x', '#scope'))
    .map(([t, u]) => `[${t}](${u})`)
  const sopLine = fc.oneof(
    fc.tuple(fc.integer({min: 1, max: 4}), plainText).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
    plainText,
    fc.tuple(fc.constantFrom('', '- ', '1. ', '> '), plainText, plainLink).map(([m, t, l]) => `${m}${t} ${l}.`),
    fc.constantFrom('', '', '```', '~~~', '***', '<!-- guidance -->', '| a | b |'),
  )
  const sopBody = fc.array(sopLine, {maxLength: 40}).map(lines => lines.join('\n'))

  it('on generated SOP-like documents, answering for most', () => {
    let answered = 0
    fc.assert(
      fc.property(sopBody, b => {
        if (scanOutline(b)) answered++
        return agrees(b)
      }),
      {numRuns: 2000},
    )
    expect(answered).toBeGreaterThan(1000)
  })
})
