// The markdown diff is posted as a pull-request comment: parsed back as GitHub reads it (remark +
// GFM), a change that touches bold text, list numbers or a table still shows struck and bold words
// inside an intact list or table, and no raw HTML of a document gets through.
import type {Nodes, Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {Chalk} from 'chalk'
import {beforeAll, describe, expect, it} from 'vitest'
import {diffDocuments} from '../../src/diff/diff.js'
import {diffRendererNamed} from '../../src/diff/render/index.js'
import {make} from './fixtures.js'

const plain = {color: new Chalk({level: 0})}
const markdown = diffRendererNamed('markdown')

beforeAll(async () => {
  await markdown.load?.()
})

function doc(market: string, body: string): string {
  return `---\nid: refund\ntitle: Refund\nversion: "1.0.0"\nmarkets: [${market}]\n---\n# Refund\n\n## Procedure\n\n${body}\n`
}

/** The markdown diff of two bodies, parsed back with GFM. */
function rendered(before: string, after: string): {out: string; tree: Root} {
  const diff = diffDocuments(make(doc('GLOBAL', before), 'sops/global/refund.md'), make(doc('SG', after)), {
    classify: false,
    today: '2026-11-22',
  })
  const out = markdown.render({kind: 'diff', diff}, plain)
  return {out, tree: unified().use(remarkParse).use(remarkGfm).parse(out)}
}

function all(node: Nodes, type: string): Nodes[] {
  const own = node.type === type ? [node] : []
  return [...own, ...('children' in node ? node.children.flatMap(c => all(c, type)) : [])]
}

function text(node: Nodes): string {
  if ('value' in node) return node.value
  return 'children' in node ? node.children.map(text).join('') : ''
}

/** Markdown syntax that leaked into the text a reader sees. */
function leaked(tree: Root): string[] {
  return all(tree, 'text')
    .map(text)
    .filter(t => /\*\*|~~|^\d+\. /.test(t))
}

describe('markdown diff parsed back as GitHub does', () => {
  it('strikes and bolds a change inside bold text without stray asterisks', () => {
    const {out, tree} = rendered('Refund up to **USD 50** per order.', 'Refund up to **S$70** per order.')
    expect(out).not.toContain('**~~')
    expect(all(tree, 'delete').map(text)).toEqual(['USD 50'])
    expect(all(tree, 'strong').map(text)).toContain('S$70')
    expect(leaked(tree)).toEqual([])
  })

  it('keeps a numbered list a list when steps change and one is added', () => {
    const {tree} = rendered(
      '1. Check the order.\n2. Refund up to USD 50.\n3. Close the ticket.',
      '1. Check the order.\n2. Refund up to S$70.\n3. Tell the customer.\n4. Close the ticket.',
    )
    const lists = all(tree, 'list')
    expect(lists).toHaveLength(1)
    const items = all(lists[0]!, 'listItem')
    expect(items.length).toBeGreaterThanOrEqual(4)
    expect(all(items[1]!, 'delete').map(text)).toEqual(['USD 50'])
    expect(all(items[1]!, 'strong').map(text)).toEqual(['S$70'])
    expect(all(lists[0]!, 'strong').map(text)).toContain('Tell the customer.')
    expect(leaked(tree)).toEqual([])
  })

  it('keeps a table a table with the change inside its cell', () => {
    const {tree} = rendered(
      '| Tier | Limit |\n|---|---|\n| 1 | USD 50 |\n| 2 | USD 500 |',
      '| Tier | Limit |\n|---|---|\n| 1 | S$70 |\n| 2 | S$700 |',
    )
    const tables = all(tree, 'table')
    expect(tables).toHaveLength(3) // metadata, the section summary, then the section's own
    const rows = all(tables[2]!, 'tableRow')
    expect(rows).toHaveLength(3)
    for (const row of rows) expect(all(row, 'tableCell')).toHaveLength(2)
    expect(all(rows[1]!, 'delete').map(text)).toEqual(['USD 50'])
    expect(all(rows[1]!, 'strong').map(text)).toEqual(['S$70'])
    expect(leaked(tree)).toEqual([])
  })

  it('shows a document’s raw HTML as text, never as markup', () => {
    const {out, tree} = rendered('Hand off to tier 2.', 'Hand off to <b onclick="x()">tier 3</b>.')
    expect(all(tree, 'html').map(text)).toEqual(expect.arrayContaining(['</details>']))
    expect(all(tree, 'html').filter(n => !/^<\/?(details|summary)/.test(text(n)))).toEqual([])
    expect(out).not.toMatch(/(?<!\\)<b /)
  })

  it('leaves no trailing spaces', () => {
    const {out} = rendered('Refund up to **USD 50** per order.', 'Refund up to **S$70** per order.')
    expect(out).not.toMatch(/[ \t]$/m)
  })
})
