import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/core/config.js'
import {SopDocument, summarize, summaryOnce} from '../../src/core/document.js'
import {contentFingerprint} from '../../src/core/drift.js'
import {
  addDocument,
  buildLibrary,
  inheritedBy,
  isOutdated,
  readingFor,
  removeLastDocument,
  resolveVariant,
} from '../../src/core/library.js'

const config = resolveConfig('/repo', undefined, {})
const make = (file: string, markets: string[], extra = '') =>
  new SopDocument(
    file,
    `/repo/${file}`,
    `---\nid: refund\nversion: "1.4.0"\nmarkets: [${markets.join(', ')}]\n${extra}---\n# T\n`,
  )

describe('families and the variant resolver', () => {
  const baseline = make('global.md', ['GLOBAL'])
  const sg = make('sg.md', ['SG', 'MY'], 'based_on: "1.3.0"\n')
  const eu = make('eu.md', ['EU'], 'based_on: "1.4.0"\n')
  const de = make('de.md', ['DE'], 'based_on: "1.4.0"\n')
  const library = buildLibrary(config, [baseline, sg, eu, de])
  const family = library.families.get('refund')!

  it('splits a family into its baseline and variants', () => {
    expect(family.baselines).toEqual([baseline])
    expect(family.variants).toEqual([sg, eu, de])
  })

  it("picks the market's own variant first", () => {
    expect(resolveVariant(config.taxonomy, family, 'MY')).toEqual({via: 'market', document: sg})
    expect(resolveVariant(config.taxonomy, family, 'DE')).toEqual({via: 'market', document: de})
  })

  it("then the variant of the market's first region with one", () => {
    expect(resolveVariant(config.taxonomy, family, 'FR')).toEqual({via: 'region', region: 'EU', document: eu})
  })

  it('then the baseline', () => {
    expect(resolveVariant(config.taxonomy, family, 'NO')).toEqual({via: 'baseline', document: baseline})
    expect(resolveVariant(config.taxonomy, family, 'US')).toEqual({via: 'baseline', document: baseline})
  })

  it('gives what a variant would inherit without itself', () => {
    expect(inheritedBy(config.taxonomy, family, de)?.document).toBe(eu)
    expect(inheritedBy(config.taxonomy, family, sg)?.document).toBe(baseline)
    expect(inheritedBy(config.taxonomy, family, eu)?.document).toBe(baseline)
  })

  it('knows an outdated variant', () => {
    expect(isOutdated(sg, baseline)).toBe(true)
    expect(isOutdated(de, baseline)).toBe(false)
  })
})

describe('the one resolver applies status before resolving', () => {
  const approved = 'status: approved\n'
  const baseline = make('global.md', ['GLOBAL'], approved)
  const br = make('br.md', ['BR'], 'status: draft\nbased_on: "1.4.0"\n')
  const eu = make('eu.md', ['EU'], 'status: in-review\nbased_on: "1.4.0"\n')
  const de = make('de.md', ['DE'], 'status: approved\nbased_on: "1.4.0"\n')
  const old = make('my.md', ['MY'], 'status: retired\nbased_on: "1.4.0"\n')
  const family = buildLibrary(config, [baseline, br, eu, de, old]).families.get('refund')!

  it('leaves a market with a draft variant on the approved baseline, and names the draft as pending', () => {
    expect(readingFor(config.taxonomy, family, 'BR')).toEqual({
      read: {via: 'baseline', document: baseline},
      pending: {via: 'market', document: br},
    })
  })

  it("names a region's variant not in force as pending too, and a retired variant not at all", () => {
    expect(readingFor(config.taxonomy, family, 'FR')).toEqual({
      read: {via: 'baseline', document: baseline},
      pending: {via: 'region', region: 'EU', document: eu},
    })
    expect(readingFor(config.taxonomy, family, 'MY')).toEqual({read: {via: 'baseline', document: baseline}})
  })

  it("reads an approved variant over a region's draft, with nothing pending", () => {
    expect(readingFor(config.taxonomy, family, 'DE')).toEqual({read: {via: 'market', document: de}})
  })

  it('takes the statuses in force from the caller (export --status)', () => {
    const draftsToo = (d: {meta: {status?: string}}) => ['approved', 'draft'].includes(d.meta.status ?? '')
    expect(readingFor(config.taxonomy, family, 'BR', {inForce: draftsToo})).toEqual({
      read: {via: 'market', document: br},
    })
  })

  it('judges a variant against what its market reads without it: in force first', () => {
    const at = make('at.md', ['AT'], 'status: approved\nbased_on: "1.4.0"\n')
    const withAt = buildLibrary(config, [baseline, eu, at]).families.get('refund')!
    expect(inheritedBy(config.taxonomy, withAt, at)?.document).toBe(baseline)
  })
})

describe('equalIgnoringWhitespace', () => {
  it('agrees with comparing whitespace-collapsed text', async () => {
    const {equalIgnoringWhitespace} = await import('../../src/core/drift.js')
    const fc = (await import('fast-check')).default
    const text = fc.string({unit: fc.constantFrom('a', 'b', ' ', '\n', '\t', '\u00a0', '\u2003', 'é')})
    fc.assert(
      fc.property(text, text, (a, b) => {
        const norm = (s: string) => s.replace(/\s+/g, ' ').trim()
        return equalIgnoringWhitespace(a.trim(), b.trim()) === (norm(a) === norm(b))
      }),
      {numRuns: 5000},
    )
  })
})

describe('contentFingerprint', () => {
  it('is equal exactly when the texts are equal ignoring whitespace (random texts over a small alphabet)', async () => {
    const {contentFingerprint, equalIgnoringWhitespace} = await import('../../src/core/drift.js')
    const fc = (await import('fast-check')).default
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', '\n', '\t', '\u00a0', '\u2003', 'é', '\u3000'),
      maxLength: 12,
    })
    fc.assert(
      fc.property(text, text, (a, b) => {
        return (contentFingerprint(a) === contentFingerprint(b)) === equalIgnoringWhitespace(a.trim(), b.trim())
      }),
      {numRuns: 20000},
    )
  })

  it('reads a range of a text as the trimmed slice', async () => {
    const {contentFingerprint} = await import('../../src/core/drift.js')
    const fc = (await import('fast-check')).default
    const text = fc.string({unit: fc.constantFrom('a', 'b', ' ', '\n', '\u00a0'), maxLength: 30})
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, x, y) => {
        const [start, end] = [Math.min(x, y) % (t.length + 1), Math.max(x, y) % (t.length + 1)].sort(
          (p, q) => p - q,
        ) as [number, number]
        return contentFingerprint(t, start, end) === contentFingerprint(t.slice(start, end).trim())
      }),
      {numRuns: 5000},
    )
  })

  it('tells re-wrapped paragraphs apart from changed ones', async () => {
    const {contentFingerprint} = await import('../../src/core/drift.js')
    const a = 'Refund within 14 days\nof the request, once.'
    expect(contentFingerprint('Refund within 14 days of the\n  request, once.')).toBe(contentFingerprint(a))
    expect(contentFingerprint('Refund within 15 days of the request, once.')).not.toBe(contentFingerprint(a))
    expect(contentFingerprint('Refund within 14 daysof the request, once.')).not.toBe(contentFingerprint(a))
    // 20,000 distinct section-like texts, no two fingerprints alike.
    const seen = new Set(
      Array.from({length: 20_000}, (_, i) =>
        contentFingerprint(`Step ${i}: escalate to tier ${i % 7} within ${i % 48} hours.`),
      ),
    )
    expect(seen.size).toBe(20_000)
  })
})

describe('document summaries', () => {
  it('keep front matter as written and the outline, with a fingerprint for each section instead of its content', () => {
    const text = '---\nid: refund\nmarkets: [SG]\n---\n# T\n\n## Steps\n\nDo  this.\n\n## Escalation\n\nCall.\n'
    const doc = new SopDocument('sg.md', '/repo/sg.md', text)
    const summary = summarize(doc)
    expect(summary.meta).toEqual(doc.meta)
    expect(summary.written).toEqual({id: 'refund', markets: ['SG']})
    expect(summary.outline.sections.map(s => [s.path, s.start])).toEqual([
      ['Steps', 5],
      ['Escalation', 26],
    ])
    expect(summary.outline.sections.some(s => 'content' in s)).toBe(false)
    expect(doc.outline.sections.map(s => s.content)).toEqual(['Do  this.', 'Call.'])
    expect(summary.outline.sections.map(s => s.fingerprint)).toEqual(
      doc.outline.sections.map(s => contentFingerprint(s.content)),
    )
    // Plain data: a summary crosses threads as it is.
    expect(structuredClone(summary)).toEqual(summary)
  })

  it('keep typed front matter as the author wrote it', () => {
    const doc = new SopDocument('x.md', '/repo/x.md', '---\nid: refund\nversion: 1.10\nmarkets: [SG, 1.10]\n---\n# T\n')
    expect(summarize(doc).written).toMatchObject({version: '1.10', markets: ['SG', '1.10']})
    expect(doc.data).toMatchObject({version: 1.1})
  })

  it('made to be kept (import), hold the same data as any summary, one object however often asked', () => {
    const text =
      '---\nid: refund-above-limit\ntitle: Refund above the agent limit\nmarkets: [SG]\nchannels: [chatbot, email]\n---\n# T\n\n## Steps\n\nDo.\n'
    const doc = new SopDocument('sg.md', '/repo/sg.md', text)
    const kept = summaryOnce(doc)
    expect(summaryOnce(doc)).toBe(kept)
    expect(kept).toEqual(summarize(doc))
    expect(Object.getPrototypeOf(kept.written)).toBe(Object.getPrototypeOf(doc.written))
    expect(kept.meta.channels).not.toBe(doc.meta.channels)
  })

  it('made to be kept, share each section with the equal sections of other documents, and only those', () => {
    const body = (step: string) => `# T\n\n## Steps\n\n${step}\n\n## Escalation\n\nCall.\n`
    const make = (name: string, step: string) =>
      summaryOnce(new SopDocument(`${name}.md`, `/repo/${name}.md`, `---\nid: ${name}\n---\n${body(step)}`))
    const [a, b, c] = [make('a', 'Do.'), make('b', 'Do.'), make('c', 'Do!')]
    expect(b.outline.sections[0]).toBe(a.outline.sections[0])
    expect(b.outline.sections[1]).toBe(a.outline.sections[1])
    expect(c.outline.sections[0]).not.toBe(a.outline.sections[0])
    expect(c.outline.sections[0]).toEqual(
      summarize(new SopDocument('c.md', '/repo/c.md', `---\nid: c\n---\n${body('Do!')}`)).outline.sections[0],
    )
    expect(c.outline.sections[0]!.fingerprint).not.toBe(a.outline.sections[0]!.fingerprint)
    // Same heading, offsets and content: shared, though the section before it differs.
    expect(c.outline.sections[1]).toBe(a.outline.sections[1])
    expect(a.outline.sections).not.toBe(b.outline.sections)
  })
})

describe('names that are one name on macOS and Windows', () => {
  const doc = (file: string, id: string, market = 'GLOBAL') =>
    new SopDocument(file, `/repo/${file}`, `---\nid: ${id}\nmarkets: [${market}]\n---\n# T\n`)

  it('are indexed only when spelled two ways, with every document of the name, and forgotten when a document is taken back', () => {
    const baseline = doc('a.md', 'Refund')
    const variant = doc('b.md', 'Refund', 'SG')
    const library = buildLibrary(config, [baseline, variant, doc('c.md', 'other')])
    expect(library.collidingNames.size).toBe(0)
    const lower = doc('d.md', 'refund', 'MY')
    addDocument(library, lower)
    expect(library.collidingNames.get('id:refund')).toEqual([baseline, variant, lower])
    const later = doc('e.md', 'Refund', 'TH')
    addDocument(library, later)
    expect(library.collidingNames.get('id:refund')).toEqual([baseline, variant, lower, later])
    removeLastDocument(library, later)
    removeLastDocument(library, lower)
    expect(library.collidingNames.size).toBe(0)
    addDocument(library, doc('A.md', 'third'))
    expect([...library.collidingNames.keys()]).toEqual(['path:a.md'])
  })
})

describe('whitespace', () => {
  it('is the same set for fingerprints, for equalIgnoringWhitespace and for String#trim', async () => {
    const {contentFingerprint, equalIgnoringWhitespace} = await import('../../src/core/drift.js')
    for (let code = 0; code < 65536; code++) {
      const c = String.fromCharCode(code)
      const isTrimmed = c.trim() === ''
      expect(equalIgnoringWhitespace(`a${c}b`, 'a b'), `U+${code.toString(16)}`).toBe(isTrimmed)
      expect(contentFingerprint(`a${c}b`) === contentFingerprint('a b'), `U+${code.toString(16)}`).toBe(isTrimmed)
    }
  })
})
