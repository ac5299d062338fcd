import {describe, expect, it} from 'vitest'
import {at, brief, lintRule, runFixture, sop} from './harness.js'

const RULE = 'require-sections'

const PURPOSE_SCOPE_PROCEDURE = '## Purpose\n\nWhy.\n\n## Scope\n\nWhat.\n\n## Procedure\n\n1. Check the order.\n'

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('reports an sop missing Escalation at its title', async () => {
    const text = sop({}, {body: `# Refund escalation\n\n${PURPOSE_SCOPE_PROCEDURE}`})
    const findings = await lintRule(RULE, text)
    expect(brief(findings)).toEqual([at('missing', text, '# Refund escalation')])
    expect(findings[0]!.severity).toBe('error')
  })

  it('does not count a `### Escalation` under another H2', async () => {
    const text = sop({}, {body: `# Refund escalation\n\n${PURPOSE_SCOPE_PROCEDURE}\n### Escalation\n\nTier 2.\n`})
    expect(brief(await lintRule(RULE, text))).toEqual([at('missing', text, '# Refund escalation')])
  })

  it('never counts the H1 title as a section', async () => {
    const text = sop({}, {body: `# Escalation\n\n${PURPOSE_SCOPE_PROCEDURE}`})
    expect(brief(await lintRule(RULE, text))).toEqual([at('missing', text, '# Escalation')])
  })

  it('counts a second H1 as a section', async () => {
    expect(
      await lintRule(
        RULE,
        sop({}, {body: `# Refund escalation\n\n${PURPOSE_SCOPE_PROCEDURE}\n# Escalation\n\nTier 2.\n`}),
      ),
    ).toEqual([])
  })

  it('reports at the start of the body when there is no title', async () => {
    const text = sop({}, {body: PURPOSE_SCOPE_PROCEDURE})
    expect(brief(await lintRule(RULE, text))).toEqual(['missing@14:1'])
  })

  it('reports every missing section of an empty body', async () => {
    expect(brief(await lintRule(RULE, sop({}, {body: ''})))).toEqual([
      'missing@14:1',
      'missing@14:1',
      'missing@14:1',
      'missing@14:1',
    ])
  })

  it('matches headings case-insensitively and accepts setext headings', async () => {
    expect(
      await lintRule(
        RULE,
        sop({}, {body: `# Refund escalation\n\n${PURPOSE_SCOPE_PROCEDURE}\n## ESCALATION\n\nTier 2.\n`}),
      ),
    ).toEqual([])
    expect(
      await lintRule(
        RULE,
        sop({}, {body: `# Refund escalation\n\n${PURPOSE_SCOPE_PROCEDURE}\nEscalation\n----------\n\nTier 2.\n`}),
      ),
    ).toEqual([])
  })

  it('does not count a heading inside a code block or an HTML comment', async () => {
    const fenced = sop(
      {},
      {body: `# Refund escalation\n\n${PURPOSE_SCOPE_PROCEDURE}\n\`\`\`md\n## Escalation\n\`\`\`\n`},
    )
    expect(brief(await lintRule(RULE, fenced))).toEqual([at('missing', fenced, '# Refund escalation')])
    const comment = sop({}, {body: `# Refund escalation\n\n${PURPOSE_SCOPE_PROCEDURE}\n<!--\n## Escalation\n-->\n`})
    expect(brief(await lintRule(RULE, comment))).toEqual([at('missing', comment, '# Refund escalation')])
  })

  it('reads CRLF documents', async () => {
    expect(await lintRule(RULE, sop().replace(/\n/g, '\r\n'))).toEqual([])
  })

  it("requires the sections of the document's type", async () => {
    const strategy = sop(
      {type: 'strategy'},
      {body: '# Chatbot strategy\n\n## Context\n\nx\n\n## Objectives\n\nx\n\n## Approach\n\nx\n'},
    )
    expect(brief(await lintRule(RULE, strategy))).toEqual([at('missing', strategy, '# Chatbot strategy')])
  })

  it('uses the sections a configured type lists, and none for an unknown type', async () => {
    const config = {types: {memo: {fields: ['id'], sections: ['Summary']}}}
    const memo = sop({type: 'memo'}, {body: '# Memo\n\n## Details\n\nx\n'})
    expect(brief(await lintRule(RULE, memo, {config}))).toEqual([at('missing', memo, '# Memo')])
    expect(await lintRule(RULE, sop({type: 'unknown-type'}, {body: '# Memo\n'}))).toEqual([])
  })
})
