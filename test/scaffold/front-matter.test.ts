import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import YAML from 'yaml'
import {SopDocument} from '../../src/core/document.js'
import {documentText, stringifyFrontMatter} from '../../src/scaffold/front-matter.js'

describe('front matter is serialised data', () => {
  it('keeps "NO", "on", dates and versions as text for YAML 1.1 and 1.2 readers', () => {
    const text = stringifyFrontMatter({
      id: 'x',
      version: '1.10.0',
      markets: ['NO'],
      channels: ['on'],
      effective: '2026-01-15',
      based_on: '1.2.0',
    })
    expect(text).toContain('markets: ["NO"]')
    expect(text).toContain('version: "1.10.0"')
    expect(text).toContain('based_on: "1.2.0"')
    const v11 = YAML.parse(text, {version: '1.1'}) as Record<string, unknown>
    expect(v11).toMatchObject({markets: ['NO'], channels: ['on'], effective: '2026-01-15', version: '1.10.0'})
  })

  it('writes the standard fields first, in a fixed order, and flow-style short lists', () => {
    const text = stringifyFrontMatter({
      review_by: '2027-01-01',
      markets: ['GLOBAL'],
      title: 'T',
      id: 'x',
      compliance: [],
      extra: 1,
    })
    expect(text).toBe('id: x\ntitle: T\nmarkets: [GLOBAL]\ncompliance: []\nreview_by: "2027-01-01"\nextra: 1\n')
  })

  it('a title or owner cannot add keys: a newline and "markets: [EVIL]" stay inside the value', () => {
    const title = 'Refund\nmarkets: [EVIL]\n---\n# pwned'
    const text = documentText({id: 'x', title, owner: 'a@b.co\nstatus: approved', markets: ['GLOBAL']}, '# Body\n')
    const doc = new SopDocument('x.md', '/x.md', text)
    expect(doc.problems).toEqual([])
    expect(doc.meta.title).toBe(title)
    expect(doc.meta.markets).toEqual(['GLOBAL'])
    expect(doc.meta.status).toBeUndefined()
    expect(doc.body).toBe('# Body\n')
  })

  it('gives the same text for a pair seen before, and nested values stay under their key', () => {
    const front = (id: string) => ({
      id,
      title: 'Refund: "quoted" #1',
      owner: '@cs-ops',
      markets: ['GLOBAL'],
      targets: {csat: 0.9, sla: {hours: 24}},
    })
    const first = stringifyFrontMatter(front('a'))
    expect(stringifyFrontMatter(front('a'))).toBe(first)
    const second = stringifyFrontMatter(front('1.10'))
    expect(second).toBe(first.replace('id: a\n', 'id: "1.10"\n'))
    expect(YAML.parse(second)).toEqual(front('1.10'))
    expect(second).toContain('targets:\n  csat: 0.9\n  sla:\n    hours: 24\n')
  })

  it('writes a plain text pair itself exactly as the YAML library would', () => {
    const {Document} = YAML
    const byLibrary = (key: string, value: string) =>
      new Document(new Map([[key, value]]), {compat: 'yaml-1.1'}).toString({lineWidth: 0, flowCollectionPadding: false})
    const text = fc.oneof(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._/@()-]{0,30}$/),
      fc.constantFrom(
        'yes',
        'No',
        'ON',
        'y',
        'N',
        'null',
        'True',
        'off',
        'a b ',
        'e1',
        'Infinity',
        'NaN',
        'a.b',
        'x-',
        'e1',
        'E12',
        'e1a',
        'E-0',
        'e+5x',
      ),
      fc.string({
        unit: fc.constantFrom('a', 'Z', '1', ' ', '.', '-', '/', '@', '(', ')', '_', ':', '#', "'", '"'),
        maxLength: 12,
      }),
    )
    fc.assert(
      fc.property(fc.constantFrom('title', 'id', 'owner', 'x_y'), text, (key, value) => {
        expect(stringifyFrontMatter({[key]: value})).toBe(byLibrary(key, value))
      }),
      {numRuns: Number(process.env.YAML_RUNS ?? 3000)},
    )
  })

  it('matches the body line endings when asked', () => {
    expect(documentText({id: 'x'}, '# B\r\n', '\r\n')).toBe('---\r\nid: x\r\n---\r\n# B\r\n')
  })
})
