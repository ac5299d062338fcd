// Every diff format, rendered from one shared diff and one shared matrix.
import {Chalk} from 'chalk'
import {beforeAll, describe, expect, it} from 'vitest'
import {CONTENT_SECURITY_POLICY, htmlPage} from '../../src/core/html-page.js'
import {loadMarkdownParser} from '../../src/core/markdown.js'
import {diffDocuments} from '../../src/diff/diff.js'
import type {DiffResult, DriftMatrix} from '../../src/diff/model.js'
import {DIFF_RENDERERS, diffRendererNamed} from '../../src/diff/render/index.js'
import {BASELINE, make, variant} from './fixtures.js'

let diff: DiffResult
const matrix: DiffResult = {
  kind: 'matrix',
  matrix: {
    id: 'refund',
    baseline: {file: 'sops/global/refund.md', version: '1.4.0'},
    columns: [
      {market: 'DE', file: 'sops/DE/refund.md', reference: 'sops/global/refund.md', basedOn: '1.4.0', outdated: false},
      {market: 'US', file: 'sops/US/refund.md', reference: 'sops/global/refund.md', basedOn: '1.2.0', outdated: true},
    ],
    rows: [
      {path: 'Purpose', cells: ['same', 'drift']},
      {path: 'Procedure | limits', cells: ['approved', 'missing']},
    ],
  } satisfies DriftMatrix,
}

beforeAll(async () => {
  await loadMarkdownParser()
  for (const r of DIFF_RENDERERS) await r.load?.()
  const b = variant({
    body: t =>
      t
        .replace('USD 500', 'S$500 <script>alert(1)</script>')
        .replace('## Escalation', '## Local | rules\n\nx\n\n## Escalation'),
  })
  diff = {
    kind: 'diff',
    diff: diffDocuments(make(BASELINE, 'sops/global/refund.md'), make(b), {classify: true, today: '2026-11-22'}),
  }
})

const plain = {color: new Chalk({level: 0})}

describe('diff formats', () => {
  it('text is readable without colour, with word markers', () => {
    const out = diffRendererNamed('text').render(diff, plain)
    expect(out).not.toMatch(/\u001B\[/)
    expect(out).toMatch(/~ Procedure > Refund above limit\s+changed\s+drift/)
    expect(out).toContain('[-USD -]{+S$+}500')
    expect(out).toMatch(/\+ Local \| rules/)
    expect(diffRendererNamed('text').render(diff, {color: new Chalk({level: 1})})).toMatch(/\u001B\[/)
  })

  it('text shows the matrix with a legend and the outdated market', () => {
    const out = diffRendererNamed('text').render(matrix, plain)
    expect(out).toMatch(/^Purpose\s+·\s+✗/m)
    expect(out).toMatch(/US is based on 1\.2\.0; the baseline is at 1\.4\.0/)
  })

  it('markdown renders GitHub tables with escaped pipes', () => {
    const out = diffRendererNamed('markdown').render(diff, plain)
    expect(out).toMatch(/^\| section \| change \| status \|$/m)
    expect(out).toMatch(/^\|---\|---\|---\|$/m)
    expect(out).toContain('| Local \\| rules | added | drift |')
    const table = diffRendererNamed('markdown').render(matrix, plain)
    expect(table).toMatch(/^\| section \| DE \| US \|$/m)
    expect(table).toMatch(/^\|---\|:-:\|:-:\|$/m)
    expect(table).toContain('| Procedure \\| limits | ✓ | − |')
  })

  it('json is the model, parseable', () => {
    expect(JSON.parse(diffRendererNamed('json').render(diff, plain))).toEqual(JSON.parse(JSON.stringify(diff)))
    expect(JSON.parse(diffRendererNamed('json').render(matrix, plain)).matrix.columns).toHaveLength(2)
  })

  it('html is self-contained, escaped and side by side', () => {
    const out = diffRendererNamed('html').render(diff, plain)
    expect(out).toMatch(/^<!doctype html>/)
    expect(out).not.toMatch(/<script/i)
    // A document's raw HTML shows as text (the `<` escaped), marked as the addition it is.
    expect(out).toContain('<ins>&#x3C;script></ins><ins>alert(1)</ins><ins>&#x3C;/script></ins>')
    expect(out).not.toMatch(/(?:src|href)=["']https?:/)
    expect(out).toMatch(/<del>USD<\/del>/)
    expect(diffRendererNamed('html').render(matrix, plain)).toContain('<td class="drift" title="drift">✗</td>')
    // The one page shell: the same head, CSP included, as every other sopkit HTML page.
    expect(out).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`)
    expect(out.slice(0, out.indexOf('<title>'))).toBe(
      htmlPage('', '', '').slice(0, htmlPage('', '', '').indexOf('<title>')),
    )
  })

  it('every registered format renders both kinds', () => {
    for (const r of DIFF_RENDERERS) {
      expect(r.render(diff, plain).length, r.name).toBeGreaterThan(50)
      expect(r.render(matrix, plain).length, r.name).toBeGreaterThan(50)
    }
  })
})

describe('upstream and conflict states in every format', () => {
  const threeWay: DiffResult = {
    kind: 'matrix',
    matrix: {...matrix.matrix, rows: [{path: 'Purpose', cells: ['upstream', 'conflict']}]},
  }
  const upstreamDiff: DiffResult = {
    kind: 'diff',
    diff: {
      a: {file: 'b.md', label: 'b.md@1.4.0', markets: ['GLOBAL']},
      b: {file: 'b.md', label: 'b.md', markets: ['GLOBAL']},
      classified: false,
      fields: [],
      sections: [
        {
          kind: 'changed',
          path: 'Purpose',
          words: [
            {type: 'same', text: 'Resolve '},
            {type: 'added', text: 'fast'},
          ],
          port: 'portable',
        },
        {kind: 'changed', path: 'Escalation', words: [{type: 'removed', text: 'tier 2'}], port: 'conflict'},
      ],
    },
  }

  it('text', () => {
    expect(diffRendererNamed('text').render(threeWay, plain)).toMatch(/^Purpose\s+↓\s+‼/m)
    const out = diffRendererNamed('text').render(upstreamDiff, plain)
    expect(out).toMatch(/~ Purpose\s+changed\s+port-able/)
    expect(out).toMatch(/~ Escalation\s+changed\s+conflict/)
    expect(out).toMatch(/2 of 2 sections differ \(1 port-able, 1 conflict\)/)
  })

  it('markdown', () => {
    expect(diffRendererNamed('markdown').render(threeWay, plain)).toContain('| Purpose | ↓ | ‼ |')
    expect(diffRendererNamed('markdown').render(upstreamDiff, plain)).toContain('| Escalation | changed | conflict |')
  })

  it('json', () => {
    expect(JSON.parse(diffRendererNamed('json').render(threeWay, plain)).matrix.rows[0].cells).toEqual([
      'upstream',
      'conflict',
    ])
    expect(
      JSON.parse(diffRendererNamed('json').render(upstreamDiff, plain)).diff.sections.map(
        (s: {port: string}) => s.port,
      ),
    ).toEqual(['portable', 'conflict'])
  })

  it('html', () => {
    const out = diffRendererNamed('html').render(threeWay, plain)
    expect(out).toContain('<td class="upstream" title="upstream">↓</td>')
    expect(out).toContain('<td class="conflict" title="conflict">‼</td>')
    expect(diffRendererNamed('html').render(upstreamDiff, plain)).toContain('<span class="conflict">conflict</span>')
  })
})

describe('deviations in every human-readable diff format', () => {
  it('are rows per section with reason, approver and expiry, never raw JSON', async () => {
    await loadMarkdownParser()
    const deviations =
      'deviations:\n  - section: Procedure > Refund above limit\n    reason: MAS cap\n    approver: sea-legal@example.com\n    expires: "2027-01-31"\n'
    const withDeviation = {
      kind: 'diff',
      diff: diffDocuments(make(variant()), make(variant({deviations})), {classify: false, today: '2026-11-22'}),
    } as DiffResult
    for (const name of ['text', 'markdown', 'html']) {
      const out = diffRendererNamed(name).render(withDeviation, plain)
      expect(out, name).toContain(
        name === 'html'
          ? 'deviations: Procedure &gt; Refund above limit'
          : 'deviations: Procedure > Refund above limit',
      )
      expect(out, name).toContain('MAS cap (approved by sea-legal@example.com, until 2027-01-31)')
      expect(out, name).not.toMatch(/\{"section"|\[\{/)
    }
  })
})
