// Heading anchors as GitHub renders them; check and export both read them from here.
import fc from 'fast-check'
import GithubSlugger from 'github-slugger'
import {describe, expect, it} from 'vitest'
import {headingAnchors, headingSlug} from '../../src/core/anchors.js'
import {loadMarkdownParser} from '../../src/core/markdown.js'
import {outline, rawOutline} from '../../src/core/sections.js'

describe('heading anchors', () => {
  it('slugs headings as GitHub does: lower case, punctuation dropped, spaces to -', () => {
    expect(headingSlug('Refund above limit')).toBe('refund-above-limit')
    expect(headingSlug('Hand-off & SLA (2h)')).toBe('hand-off--sla-2h')
    expect(headingSlug("What's next? Q&A: refunds / returns")).toBe('whats-next-qa-refunds--returns')
    expect(headingSlug('🚀 Launch')).toBe('-launch')
    expect(headingSlug('Rückerstattung über 50 €')).toBe('rückerstattung-über-50-')
  })

  it('keeps the combining marks of Thai and decomposed accents, and drops symbols GitHub drops', () => {
    expect(headingSlug('นโยบายการคืนเงิน')).toBe('นโยบายการคืนเงิน')
    expect(headingSlug('Ünïcödé'.normalize('NFD'))).toBe('Ünïcödé'.normalize('NFD').toLowerCase())
    expect(headingSlug('m² and ½')).toBe('m-and-')
  })

  it('numbers repeats across the whole document, title first, as GitHub does', () => {
    const anchors = headingAnchors({
      title: {text: 'Notes', start: 0},
      sections: ['Notes', 'Notes-1', 'Notes', 'Other'].map(heading => ({
        path: heading,
        heading,
        depth: 2,
        start: 0,
        contentStart: 0,
        end: 0,
        content: '',
      })),
    })
    expect(anchors).toEqual({title: 'notes', sections: ['notes-1', 'notes-1-1', 'notes-2', 'other']})
  })

  it('reduces inline markup to its text: code, emphasis, links and HTML tags', async () => {
    await loadMarkdownParser()
    const body = '# `npm ci` *fails*\n\n## [Refund](x.md) **policy** ~~old~~\n\n## <span>Tagged</span> heading\n'
    const {title, sections} = headingAnchors(outline(body, rawOutline(body)))
    expect(title).toBe('npm-ci-fails')
    expect(sections).toEqual(['refund-policy-old', 'tagged-heading'])
  })
})

describe('repeat numbering', () => {
  it('matches github-slugger for any run of headings, including ones that collide with a numbered repeat', () => {
    const texts = fc.array(
      fc.constantFrom('Notes', 'notes', 'Notes 1', 'Notes-1', 'notes-1-1', 'Ä', 'a', 'A-1', ' a '),
      {
        maxLength: 12,
      },
    )
    fc.assert(
      fc.property(texts, headings => {
        const slugger = new GithubSlugger()
        const expected = headings.map(h => slugger.slug(h.trim()))
        const got = headingAnchors({sections: headings.map(heading => ({heading}))}).sections
        expect(got).toEqual(expected)
      }),
    )
  })
})
