// The HTML diff shows the Markdown it compares rendered (a table is a table, bold is bold), each
// side with its own changes marked, sanitised; unchanged sections take one compact line.
import {Chalk} from 'chalk'
import {beforeAll, describe, expect, it} from 'vitest'
import {diffDocuments} from '../../src/diff/diff.js'
import {diffRendererNamed} from '../../src/diff/render/index.js'
import {make} from './fixtures.js'

const html = diffRendererNamed('html')

beforeAll(async () => {
  await html.load?.()
})

function doc(market: string, procedure: string): string {
  return `---\nid: refund\ntitle: Refund\nversion: "1.0.0"\nmarkets: [${market}]\n---\n# Refund\n\n## Purpose\n\nResolve disputes.\n\n## Scope\n\nAll orders.\n\n## Procedure\n\n${procedure}\n\n## Escalation\n\nTier 2.\n`
}

function render(before: string, after: string): string {
  const diff = diffDocuments(make(doc('GLOBAL', before), 'sops/global/refund.md'), make(doc('SG', after)), {
    classify: false,
    today: '2026-11-22',
  })
  return html.render({kind: 'diff', diff}, {color: new Chalk({level: 0})})
}

describe('html diff', () => {
  const table = (limit: string) => `Refund up to **${limit}**.\n\n| Tier | Limit |\n|---|---|\n| 1 | ${limit} |`
  const out = () => render(table('USD 50'), table('S$70'))

  it('renders the Markdown: tables and bold as HTML, never the source', () => {
    expect(out()).not.toContain('|---|')
    expect(out()).not.toContain('**')
    expect(out()).toMatch(/<td class="side">[^]*?<table>[^]*?<td><del>USD 50<\/del><\/td>/)
    expect(out()).toMatch(/<td class="side">[^]*?<table>[^]*?<td><ins>S\$70<\/ins><\/td>/)
    expect(out()).toContain('<strong><del>USD 50</del></strong>')
  })

  it('gives unchanged sections one compact line between the changes', () => {
    expect(out()).toContain('<tr class="unchanged"><td colspan="3">unchanged: Purpose · Scope</td></tr>')
    expect(out()).toContain('<tr class="unchanged"><td colspan="3">unchanged: Escalation</td></tr>')
    expect(out().match(/<td class="section">/g)).toHaveLength(1)
  })

  it('keeps the section column wide enough not to wrap word by word', () => {
    expect(out()).toMatch(/td\.section\{width:13rem/)
  })

  it('lets no document HTML, image or script through', () => {
    const page = render(
      'Hand off.',
      'Hand off <img src="https://t.example/p.png"> [x](javascript:alert(1)) ![i](https://t.example/i.png)',
    )
    expect(page).not.toMatch(/<img|<script|href="javascript|<[a-z]+[^>]*\ssrc=/i)
    expect(page).toContain('&#x3C;img')
  })
})

describe('html diff sides', () => {
  it('each side reads as its own text: no words run together where the other side changed', () => {
    const page = render(
      'Record the decision, the amount and the evidence.',
      'Record the decision, the amount, the refund destination and the evidence.',
    )
    expect(page).toContain('the amount and the evidence')
    expect(page).not.toContain('amountand')
  })
})
