import {describe, expect, it} from 'vitest'
import {outline} from '../../src/core/sections.js'

describe('section model', () => {
  const body = `# Refund escalation (Singapore)

Intro text.

## Procedure

Steps.

### Refund above limit

Cap at S$500.

## Escalation

Tier 2.

\`\`\`
## not a heading (code)
\`\`\`

> ## not a section (quote)
`

  it('takes the first H1 as the title, not a section', () => {
    const o = outline(body)
    expect(o.title?.text).toBe('Refund escalation (Singapore)')
    expect(o.sections.map((s) => s.path)).toEqual(['Procedure', 'Procedure > Refund above limit', 'Escalation'])
  })

  it("gives each section its own content, without sub-sections", () => {
    const o = outline(body)
    expect(o.sections[0]!.content).toBe('Steps.')
    expect(o.sections[1]!.content).toBe('Cap at S$500.')
  })

  it('treats a later H1 as a section', () => {
    expect(outline('# T\n## A\n# Appendix\n## B\n').sections.map((s) => s.path)).toEqual(['A', 'Appendix', 'Appendix > B'])
  })

  it('collects links and definitions with offsets', () => {
    const o = outline('See [a](a.md#x) and [b].\n\n[b]: ./b.md\n')
    expect(o.links.map((l) => l.url)).toEqual(['a.md#x', './b.md'])
  })
})
