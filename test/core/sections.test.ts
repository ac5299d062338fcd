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
    expect(o.sections.map(s => s.path)).toEqual(['Procedure', 'Procedure > Refund above limit', 'Escalation'])
  })

  it('gives each section its own content, without sub-sections', () => {
    const o = outline(body)
    expect(o.sections[0]!.content).toBe('Steps.')
    expect(o.sections[1]!.content).toBe('Cap at S$500.')
  })

  it('treats a later H1 as a section', () => {
    expect(outline('# T\n## A\n# Appendix\n## B\n').sections.map(s => s.path)).toEqual([
      'A',
      'Appendix',
      'Appendix > B',
    ])
  })

  it('collects links and definitions with offsets', () => {
    const o = outline('See [a](a.md#x) and [b].\n\n[b]: ./b.md\n')
    expect(o.links.map(l => l.url)).toEqual(['a.md#x', './b.md'])
  })
})

describe('outline of a body with very many headings', () => {
  it('ends each section at the next heading in one pass: 200,000 headings', () => {
    const body = `# Title\n\n${Array.from({length: 200_000}, (_, i) => `## Step ${i}\n\nDo ${i}.\n`).join('\n')}`
    const o = outline(body)
    expect(o.sections).toHaveLength(200_000)
    expect(o.sections[1]).toMatchObject({path: 'Step 1', content: 'Do 1.'})
    expect(o.sections.at(-1)!.content).toBe('Do 199999.')
    // Linear work takes about a second; a search per section took minutes.
  })
})
