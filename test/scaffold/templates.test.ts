import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {DEFAULT_TYPES} from '../../src/core/catalogue.js'
import {loadConfig} from '../../src/core/config.js'
import {SopkitError} from '../../src/core/errors.js'
import {loadMarkdownParser} from '../../src/core/markdown.js'
import {outline} from '../../src/core/sections.js'
import {plainText, renderBody} from '../../src/scaffold/render.js'
import {builtinTemplatesDir, findTemplate, listTemplates, parseTemplate} from '../../src/scaffold/templates.js'
import {ROOT, tempRepo} from '../helpers/cli.js'

const config = loadConfig(tempRepo())
beforeAll(() => loadMarkdownParser())
const data = {
  title: 'Refund escalation',
  id: 'refund-escalation',
  type: 'sop',
  owner: 'a@b.co',
  version: '0.1.0',
  status: 'draft',
  effective: '2026-01-01',
  review_by: '2026-07-01',
  markets: ['SG'],
  marketList: 'Singapore (SG)',
  channels: ['chatbot'],
  channelList: 'Chatbot',
  compliance: ['SG-PDPA'],
  complianceList: 'SG-PDPA',
  topics: [],
  topicList: '',
}

describe('built-in templates', () => {
  const builtins = listTemplates(config)

  it('ship beside dist/ and src/ in templates/, one per configured type', () => {
    expect(builtinTemplatesDir()).toBe(path.join(ROOT, 'templates') + path.sep)
    expect(builtins.map(t => t.name).sort()).toEqual(Object.keys(DEFAULT_TYPES).sort())
    for (const t of builtins) {
      expect(t.problem).toBeUndefined()
      expect(t.source).toBe('built-in')
      expect(t.description.length).toBeGreaterThan(20)
    }
  })

  it.each(Object.entries(DEFAULT_TYPES))(
    '%s renders every section its type requires, as top-level sections',
    (type, {sections}) => {
      const t = findTemplate(builtins, type)
      const body = renderBody(t.file, t.body, {...data, type})
      const o = outline(body)
      expect(o.title?.text).toBe('Refund escalation')
      const top = o.sections.filter(s => !s.path.includes(' > ')).map(s => s.heading)
      for (const section of sections) expect(top).toContain(section)
    },
  )

  it('give guidance on escalation tiers, SLAs and the metrics to target', () => {
    const sop = findTemplate(builtins, 'sop').body
    expect(sop).toMatch(/SLA/)
    expect(sop).toMatch(/CSAT/)
    expect(sop).toMatch(/Automation rate/)
    expect(findTemplate(builtins, 'strategy').body).toMatch(/containment/)
  })
})

/**
 * The sections each built-in template writes beyond what its type requires: the gaps the domain
 * review found. They stay optional for the older types, so documents written before them still pass.
 */
const RECOMMENDED: Record<string, string[]> = {
  'ai-agent': ['Purpose', 'Metrics'],
  'automation-rule': ['Test cases', 'Rollout and rollback', 'Monitoring'],
  flow: ['Disclosure', 'Fallbacks', 'Hours per market'],
  'kb-article': ['Audience', 'Intents', 'Linked SOP', 'Last verified'],
  policy: ['Enforcement', 'Appeals', 'Notice period'],
  strategy: ['Options and trade-offs', 'Impact sizing', 'Risks', 'Go/no-go per market'],
}

describe('what the built-in templates ask authors to write', () => {
  const builtins = listTemplates(config)
  const render = (type: string) => {
    const t = findTemplate(builtins, type)
    return outline(renderBody(t.file, t.body, {...data, type, markets: ['DE'], compliance: ['GDPR', 'DSA', 'AI-ACT']}))
  }
  const section = (type: string, heading: string) =>
    render(type).sections.find(s => s.heading === heading && !s.path.includes(' > '))?.content ?? ''

  it.each(Object.entries(RECOMMENDED))('%s writes %j as top-level sections', (type, headings) => {
    const top = render(type)
      .sections.filter(s => !s.path.includes(' > '))
      .map(s => s.heading)
    expect(top).toEqual(expect.arrayContaining(headings))
    for (const heading of headings) expect(DEFAULT_TYPES[type]!.sections).not.toContain(heading)
  })

  it('ai-agent requires a section for each duty and control of an AI agent specification', () => {
    expect(DEFAULT_TYPES['ai-agent']).toMatchObject({
      name: 'AI agent specifications',
      sections: [
        'Disclosure',
        'Allowed intents and actions',
        'Prohibited actions',
        'Knowledge sources',
        'Confidence and hand-off',
        'Personal data',
        'Minors and vulnerable users',
        'Languages',
        'Evaluation',
        'Kill switch',
        'Model and prompt version',
        'Human review of decisions',
      ],
    })
    expect(DEFAULT_TYPES['ai-agent']!.fields).toEqual(expect.arrayContaining(['channels', 'effective']))
    expect(findTemplate(builtins, 'ai-agent').defaults).toEqual({channels: ['ai-agent']})
  })

  it('ai-agent guides each section with the law or the practice behind it', () => {
    expect(section('ai-agent', 'Disclosure')).toMatch(/first interaction[\s\S]*Art\. 50\(1\)/)
    expect(section('ai-agent', 'Disclosure')).toMatch(/First message of every conversation/)
    expect(section('ai-agent', 'Allowed intents and actions')).toMatch(/\| Intent \| Tool action \| Limit \|/)
    expect(section('ai-agent', 'Prohibited actions')).toMatch(/deny being an AI system/)
    expect(section('ai-agent', 'Knowledge sources')).toMatch(/\| Source \| Id \| Version \|/)
    expect(section('ai-agent', 'Confidence and hand-off')).toMatch(/The first request for a\s+human hands off/)
    expect(section('ai-agent', 'Confidence and hand-off')).toMatch(/\| The user asks for a person \| The first time \|/)
    expect(section('ai-agent', 'Evaluation')).toMatch(/Golden conversations[\s\S]*QA sample[\s\S]*Groundedness/)
    expect(section('ai-agent', 'Model and prompt version')).toMatch(/\| System prompt \|/)
    expect(section('ai-agent', 'Human review of decisions')).toMatch(/GDPR Art\. 22/)
    expect(section('ai-agent', 'Compliance')).toMatch(/- \*\*AI-ACT\*\*:/)
  })

  it('the other templates cover testing, disclosure, verification, appeals and per-market decisions', () => {
    expect(section('automation-rule', 'Test cases')).toMatch(/\| At the limit \|[\s\S]*\| Above the limit \|/)
    expect(section('automation-rule', 'Rollout and rollback')).toMatch(/Rollback trigger:/)
    expect(section('flow', 'Disclosure')).toMatch(/Art\. 50\(1\)/)
    expect(section('flow', 'Hours per market')).toMatch(/\| Market \| Hours \(local time\) \| Out of hours \|/)
    expect(section('kb-article', 'Last verified')).toMatch(/Verified on:/)
    expect(section('policy', 'Enforcement')).toMatch(/Reg\. 2019\/1150 Art\. 4/)
    expect(section('policy', 'Notice period')).toMatch(/at least 15 days[\s\S]*Art\. 3\(2\)/)
    expect(section('strategy', 'Risks')).toMatch(/\| Risk \|.*\| Owner \|/)
    expect(section('strategy', 'Go/no-go per market')).toMatch(/\| Market \| Criteria met \| Decision \|/)
  })
})

describe('repo templates', () => {
  it('replace a built-in of the same name and add new ones', () => {
    const repo = tempRepo({
      'sopkit.config.yaml': 'templates: my-templates\n',
      'my-templates/sop.md.hbs': '---\ndescription: Our SOP\nfields: [title, owner]\n---\n# {{title}}\n',
      'my-templates/payments-sop.md.hbs': '---\ntype: sop\ndefaults: {topics: [payments]}\n---\n# {{title}}\n',
      'my-templates/notes.txt': 'not a template',
    })
    const templates = listTemplates(loadConfig(repo))
    const sop = findTemplate(templates, 'sop')
    expect(sop).toMatchObject({source: 'repo', overrides: true, description: 'Our SOP', fields: ['title', 'owner']})
    expect(findTemplate(templates, 'payments-sop')).toMatchObject({
      source: 'repo',
      type: 'sop',
      defaults: {topics: ['payments']},
    })
    expect(findTemplate(templates, 'flow').source).toBe('built-in')
  })

  it('record a problem instead of failing the listing, and refuse it when chosen', () => {
    const repo = tempRepo({
      'templates/odd.md.hbs': '---\ntype: memo\n---\n# {{title}}\n',
      'templates/bad.md.hbs': '---\nfields: [title, secret]\n---\n',
      'templates/open.md.hbs': '---\nfields: [title]\n# {{title}}\n',
    })
    const templates = listTemplates(loadConfig(repo))
    expect(templates.find(t => t.name === 'odd')?.problem).toMatch(/type "memo" is not a document type/)
    expect(templates.find(t => t.name === 'bad')?.problem).toMatch(/unknown field "secret"/)
    expect(templates.find(t => t.name === 'open')?.problem).toMatch(/never closed/)
    expect(() => findTemplate(templates, 'odd')).toThrow(SopkitError)
  })

  it('an unknown name gets a did-you-mean and the list', () => {
    expect(() => findTemplate(listTemplates(config), 'stratgy')).toThrow(/did you mean "strategy"/)
  })

  it('a template without a metadata block asks every field', () => {
    const t = parseTemplate('/x/kb-article.md.hbs', '# {{title}}\n', 'repo', config)
    expect(t.fields).toContain('owner')
    expect(t.problem).toBeUndefined()
  })
})

describe('rendering', () => {
  const render = (body: string, values = data) => renderBody('/t/x.md.hbs', body, values)

  it('never reaches prototypes or unknown helpers, and names the template when it fails', () => {
    expect(() => render('{{constructor}}')).toThrow(/template (\.\.\/)*t\/x\.md\.hbs:/) // relative to the working folder
    expect(() => render('{{title.constructor.name}}')).toThrow(SopkitError)
    expect(() => render('{{lookup title "constructor"}}')).not.toThrow()
    expect(render('{{lookup title "constructor"}}')).toBe('')
    expect(() => render('{{exec "rm -rf /"}}')).toThrow(/unknown helper/)
    expect(() => render('{{> partial}}')).toThrow(/partial/)
    expect(() => render('{{nope}}')).toThrow(/"nope" not defined in the template data/)
  })

  it('puts values in as one line of text: no heading or section can be injected', () => {
    const out = render('# {{title}}\n\n## Purpose\n', {...data, title: 'Refund\n## Escalation\n<script>x</script>'})
    expect(out).toBe('# Refund ## Escalation &lt;script>x&lt;/script>\n\n## Purpose\n')
    expect(outline(out).sections.map(s => s.heading)).toEqual(['Purpose'])
  })

  it('keeps Markdown text readable (no HTML entities for & or quotes)', () => {
    expect(plainText('Q&A "refunds" <= 50')).toBe('Q&A "refunds" <= 50')
  })
})
