// The one remark pipeline: check's outline (scanned or parsed) and export's tree read GFM alike.
import type {Nodes} from 'mdast'
import {beforeAll, describe, expect, it} from 'vitest'
import {loadMarkdownParser} from '../../src/core/markdown.js'
import {scanOutline} from '../../src/core/outline-scan.js'
import {outline} from '../../src/core/sections.js'
import {documentTree} from '../../src/export/markdown.js'
import {baseline, playbookOf} from '../export/fixtures.js'

beforeAll(loadMarkdownParser)

const GFM = `# Title

## ~~Old~~ New limits

| Case | Where |
| --- | --- |
| Refund | [policy](policy.md) |

A note[^1] and www.example.com/help, and a [real link](other.md).

[^1]: policy-notes.md

## Footnoted \`code\`
`

function walk(node: Nodes, visit: (n: Nodes) => void): void {
  visit(node)
  if ('children' in node) for (const child of node.children) walk(child, visit)
}

describe('one remark pipeline (GFM) for check and export', () => {
  it('gives check and export the same headings and the same document links for GFM tables, footnotes, strikethrough, autolinks', async () => {
    const check = outline(GFM)
    const playbook = await playbookOf({'sops/global/g.md': baseline('g', {}, GFM)}, 'DE')
    const doc = playbook.documents[0]!
    const tree = documentTree(doc)
    const headings: string[] = []
    walk(tree, n => {
      if (n.type === 'heading')
        headings.push(doc.sections.find(s => s.anchor === n.data?.hProperties?.id)?.heading ?? '?')
    })
    expect(check.sections.map(s => s.heading)).toEqual(['Old New limits', 'Footnoted code'])
    expect(headings).toEqual(check.sections.map(s => s.heading))
    expect(check.links.map(l => l.url)).toEqual(['policy.md', 'other.md'])
    expect(doc.links.map(l => l.url)).toEqual(check.links.map(l => l.url))
  })

  it('reads a struck-through heading as GFM does, scanned or parsed', () => {
    expect(outline('# T\n\n## ~~Old~~ New\n\nText.\n').sections.map(s => s.heading)).toEqual(['Old New'])
  })

  it('never reads a footnote definition as a link definition, scanned or parsed', () => {
    const body = '# T\n\nSee[^a].\n\n[^a]: policy.md\n'
    expect(scanOutline(body)?.links ?? []).toEqual([])
    expect(outline(body).links).toEqual([])
  })
})
