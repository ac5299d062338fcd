import {describe, expect, it} from 'vitest'
import {firstMdxLine} from '../../src/rules/no-mdx.js'
import {brief, lintRule, runFixture, sop} from './harness.js'

const RULE = 'no-mdx'

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('says it once a document, at the first import, export or JSX line', async () => {
    const body = "# Refunds\n\nimport A from 'a'\n\nexport default A\n\n<Tabs>\n"
    expect(brief(await lintRule(RULE, sop({}, {body})))).toEqual(['esm@16:1'])
  })

  it('reads the ES module and JSX lines MDX reads, after a blank line and outside code and comments', () => {
    const kinds = (body: string) => firstMdxLine(body)?.kind
    expect(kinds("import 'polyfill'\n")).toBe('esm')
    expect(kinds('import {a, b} from "c"\n')).toBe('esm')
    expect(kinds('import * as x from "c"\n')).toBe('esm')
    expect(kinds('export {a}\n')).toBe('esm')
    expect(kinds('export function f() {}\n')).toBe('esm')
    expect(kinds('<Tabs.Item value="a">\n')).toBe('jsx')
    expect(kinds('</Tabs>\n')).toBe('jsx')
    expect(kinds('<>\n')).toBe('jsx')
    // Prose, HTML, and what follows paragraph text or sits in code or a comment.
    expect(kinds('import the CSV from the carrier\n')).toBeUndefined()
    expect(kinds('exported files go here\n')).toBeUndefined()
    expect(kinds('<div align="center">\n')).toBeUndefined()
    expect(kinds('a < b\n< c\n')).toBeUndefined()
    expect(kinds("Text\nimport A from 'a'\n")).toBeUndefined()
    expect(kinds("~~~\nimport A from 'a'\n~~~\n")).toBeUndefined()
    expect(kinds("````\n```\nimport A from 'a'\n````\n")).toBeUndefined()
    expect(kinds("<!--\nimport A from 'a'\n-->\n")).toBeUndefined()
    expect(firstMdxLine("```\nx\n```\n\r\nimport A from 'a'\r\n")).toEqual({
      at: 12,
      kind: 'esm',
      line: "import A from 'a'",
    })
  })
})
