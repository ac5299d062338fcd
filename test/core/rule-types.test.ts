// What a rule is given is what its type says: a library rule reads summaries, never text. The
// `@ts-expect-error` lines are checked by `tsc -p tsconfig.json` (npm run typecheck): if a library
// rule could read the text, they would stop being errors and the typecheck would fail.
import {describe, expect, expectTypeOf, it} from 'vitest'
import type {DocumentSummary, SopDocument} from '../../src/core/document.js'
import type {Section, SectionSummary} from '../../src/core/sections.js'
import {RULES} from '../../src/rules/index.js'
import {type LibraryRuleContext, type RuleContext, defineLibraryRule, isLibraryRule} from '../../src/rules/rule.js'

describe('rule types', () => {
  it('a library rule reads a summary: no text, no body, no section content, no exact YAML', () => {
    expectTypeOf<LibraryRuleContext['doc']>().toEqualTypeOf<DocumentSummary>()
    expectTypeOf<DocumentSummary>().not.toHaveProperty('text')
    expectTypeOf<DocumentSummary>().not.toHaveProperty('body')
    expectTypeOf<DocumentSummary>().not.toHaveProperty('position')
    expectTypeOf<DocumentSummary>().not.toHaveProperty('node')
    expectTypeOf<DocumentSummary['outline']['sections'][number]>().toEqualTypeOf<SectionSummary>()
    expectTypeOf<SectionSummary>().not.toHaveProperty('content')
    expectTypeOf<LibraryRuleContext['library']['documents'][number]>().toEqualTypeOf<DocumentSummary>()
    const rule = defineLibraryRule({
      id: 'reads-text',
      description: 'a rule that reaches for what it was not given',
      defaultSeverity: 'error',
      messages: {m: {message: 'x', mend: 'y'}},
      check({doc, library, report}) {
        // These bare reads exist only for @ts-expect-error to check the types.
        /* eslint-disable @typescript-eslint/no-unused-expressions */
        // @ts-expect-error a summary has no text
        doc.text
        // @ts-expect-error nor a body
        doc.body
        // @ts-expect-error nor section content
        doc.outline.sections[0]?.content
        // @ts-expect-error nor do the other documents of the library
        library.documents[0]?.text
        /* eslint-enable @typescript-eslint/no-unused-expressions */
        // @ts-expect-error a library rule cannot offer a fix (it has no text to edit)
        report({messageId: 'm', fix: {start: 0, end: 0, text: ''}})
      },
    })
    expect(isLibraryRule(rule)).toBe(true)
  })

  it('a document rule reads the whole document, its outline always there', () => {
    expectTypeOf<RuleContext['doc']>().toEqualTypeOf<SopDocument>()
    expectTypeOf<SopDocument['text']>().toEqualTypeOf<string>()
    expectTypeOf<SopDocument['outline']['sections'][number]>().toEqualTypeOf<Section>()
    expectTypeOf<RuleContext>().not.toHaveProperty('library')
  })

  it('every rule that reads the library is typed as a library rule', () => {
    const library = RULES.filter(isLibraryRule)
      .map(r => r.id)
      .sort()
    expect(library).toEqual([
      'known-deviation-section',
      'limit-consistency',
      'links-resolve',
      'no-drift',
      'no-name-collision',
      'require-sections',
      'unique-variant',
      'variant-has-baseline',
      'variant-outdated',
      'version-bump',
    ])
  })
})
