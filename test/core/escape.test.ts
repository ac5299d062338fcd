// The one Markdown table cell: every Markdown table sopkit writes keeps its columns and shows the
// text as written, read back by a GFM parser (the one remark pipeline).
import type {Nodes, Table} from 'mdast'
import {beforeAll, describe, expect, it} from 'vitest'
import {markdownCell, markdownTable} from '../../src/core/escape.js'
import {loadMarkdownParser, parseMarkdown} from '../../src/core/markdown.js'
import diffMarkdown from '../../src/diff/render/markdown.js'
import {stepSummary} from '../../src/formatters/github.js'
import {SAMPLE_FINDINGS, SAMPLE_RESULT} from '../formatters/sample.js'
import {makeChalk} from '../../src/cli/terminal.js'

beforeAll(loadMarkdownParser)

const AWKWARD = [
  'a|b',
  'C:\\path\\',
  'ends in a backslash \\',
  '\\|',
  'two\nlines\r\nthree',
  '  padded  ',
  '<script>x</script>',
  'Q&A &amp; more',
  'tab\there',
  '|',
  'bell\u0007gone',
]

/** What a reader should see: the text, trimmed, tabs as spaces, control characters gone, line breaks kept. */
const shown = (text: string) =>
  text
    .replace(/\t/g, ' ')
    .replace(/\u0007/g, '')
    .trim()
    .replace(/\r\n/g, '\n')

/** Each table of the Markdown, as rows of cell text (a `<br>` read back as a line break). */
function tables(markdown: string): string[][][] {
  const text = (n: Nodes): string =>
    n.type === 'html'
      ? n.value === '<br>'
        ? '\n'
        : n.value
      : 'value' in n
        ? n.value
        : 'children' in n
          ? n.children.map(text).join('')
          : ''
  return parseMarkdown(markdown)
    .children.filter((n): n is Table => n.type === 'table')
    .map(t => t.children.map(row => row.children.map(text)))
}

describe('markdownCell', () => {
  it('keeps every row at its columns and shows pipes, backslashes, line breaks and HTML as written', () => {
    const [table] = tables(
      markdownTable(
        ['text', 'after'],
        AWKWARD.map(t => [t, 'x']),
      ),
    )
    expect(table!.slice(1)).toEqual(AWKWARD.map(t => [shown(t), 'x']))
  })

  it('is the cell of the diff tables and of the GitHub job summary too', () => {
    const side = {file: 'a.md', label: 'a', markets: []}
    const diff = diffMarkdown.render(
      {
        kind: 'diff',
        diff: {
          a: side,
          b: side,
          classified: false,
          sections: [],
          fields: AWKWARD.map(t => ({field: 'title', before: t, after: 'x'})),
        },
      },
      {color: makeChalk(0)},
    )
    expect(
      tables(diff)[0]!
        .slice(1)
        .map(row => row[1]),
    ).toEqual(AWKWARD.map(shown))
    const summary = stepSummary({
      ...SAMPLE_RESULT,
      findings: AWKWARD.map(message => ({...SAMPLE_FINDINGS[0]!, message})),
    })
    expect(
      tables(summary)[0]!
        .slice(1)
        .map(row => row[3]),
    ).toEqual(AWKWARD.map(shown))
  })

  it('leaves no raw HTML and no line break in the cell source', () => {
    for (const t of AWKWARD) expect(markdownCell(t)).not.toMatch(/<(?!br>)|[\n\r]/)
  })
})
