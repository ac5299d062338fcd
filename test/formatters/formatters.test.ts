// Every check output format, run over one shared sample result.
import {createRequire} from 'node:module'
import AjvDraft04 from 'ajv-draft-04'
import {XMLParser} from 'fast-xml-parser'
import {describe, expect, it} from 'vitest'
import compact from '../../src/formatters/compact.js'
import {FORMATTERS, formatterNamed} from '../../src/formatters/index.js'
import github, {stepSummary} from '../../src/formatters/github.js'
import {
  AWKWARD_MESSAGE,
  CLEAN_RESULT,
  SAMPLE_FINDINGS,
  SAMPLE_RESULT,
  SAMPLE_RULES,
  SPACED_FILE,
  sampleContext,
} from './sample.js'
import {isWellFormedXml} from '../helpers/xml.js'

const ANSI = /\u001B\[/

function run(name: string, result = SAMPLE_RESULT, level: 0 | 1 = 0): string {
  return formatterNamed(name).format(sampleContext(result, level))
}

describe('stylish', () => {
  it('lists every finding with its position, rule and mend, then the counts', () => {
    const out = run('stylish')
    for (const f of SAMPLE_FINDINGS) {
      expect(out).toContain(`${f.line}:${f.column}`)
      expect(out).toContain(f.ruleId)
      expect(out).toContain(`→ ${f.mend}`)
    }
    expect(out).toContain('✖ 6 problems (5 errors, 1 warning)')
    expect(out).toContain('1 fixable with --fix')
    expect(out).toContain('1 suppressed')
  })

  it('keeps each finding on one line, its columns aligned', () => {
    const lines = run('stylish').split('\n')
    const rows = lines.filter(l => /^ {2}\d+:\d+ /.test(l))
    expect(rows).toHaveLength(SAMPLE_FINDINGS.length)
    expect(lines.join('\n')).not.toContain('\u0007')
    const b = rows.slice(0, 4)
    expect(new Set(b.map(r => r.indexOf('error')))).toHaveProperty('size', 1)
    expect(new Set(b.map(r => r.lastIndexOf('  ')))).toHaveProperty('size', 1)
  })

  it('colours only when the chalk instance has a level', () => {
    expect(run('stylish', SAMPLE_RESULT, 0)).not.toMatch(ANSI)
    expect(run('stylish', SAMPLE_RESULT, 1)).toMatch(ANSI)
  })

  it('says so when there is nothing to report', () => {
    expect(run('stylish', CLEAN_RESULT)).toBe('✔ 2 documents checked, no problems')
  })
})

describe('compact', () => {
  it('writes one grep-able line per finding, then the count', () => {
    const lines = run('compact').split('\n')
    expect(lines[0]).toBe(
      'sops/b.md:1:1: error [require-fields] Missing required field "owner" for type sop (add `owner:` to the front matter)',
    )
    expect(lines.at(-2)).toMatch(/^sops\/my market\/a b\.md:9:1: warning \[variant-outdated\] /)
    expect(lines).toHaveLength(SAMPLE_FINDINGS.length + 1)
    expect(lines.at(-1)).toBe('6 problems')
  })

  it('prints nothing when there is nothing to report', () => {
    expect(run('compact', CLEAN_RESULT)).toBe('')
  })
})

describe('json', () => {
  // The contract as a literal: restating the formatter (JSON.stringify of checkJson) could not fail.
  it('round-trips the findings with the version, files and summary counts', () => {
    expect(JSON.parse(run('json'))).toEqual({
      version: 1,
      files: ['sops/b.md', 'sops/c.md', SPACED_FILE],
      summary: {documents: 3, errors: 5, warnings: 1, fixable: 1, suppressed: 1},
      failure: '5 errors',
      findings: SAMPLE_FINDINGS,
    })
  })

  it('is indented JSON, never coloured, the awkward message intact', () => {
    const out = run('json', SAMPLE_RESULT, 1)
    expect(out).not.toMatch(ANSI)
    expect(out.split('\n').slice(0, 2)).toEqual(['{', '  "version": 1,'])
    expect((JSON.parse(out) as {findings: Array<{message: string}>}).findings[4]?.message).toBe(AWKWARD_MESSAGE)
  })

  it('is an empty list with zero counts on a clean result', () => {
    expect(JSON.parse(run('json', CLEAN_RESULT))).toMatchObject({findings: [], summary: {errors: 0, warnings: 0}})
  })
})

describe('sarif', () => {
  const schema = createRequire(import.meta.url)('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json')
  // A CommonJS default export under NodeNext. unicodeRegExp off: one pattern in the official schema is not valid with /u.
  // ajv-formats is not installed: these stand-ins reject what matters here, such as a space in a URI.
  const ajv = new AjvDraft04.default({allErrors: true, strict: false, unicodeRegExp: false})
    .addFormat('uri', (s: string) => URL.canParse(s))
    .addFormat('uri-reference', (s: string) => /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/.test(s))
    .addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)))
  const validate = ajv.compile(schema)

  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(run('sarif'))
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true)
  })

  it('describes every rule and points each result at a region', () => {
    const log = JSON.parse(run('sarif'))
    const {driver} = log.runs[0].tool
    expect(driver.rules.map((r: {id: string}) => r.id)).toEqual(SAMPLE_RULES.map(r => r.id))
    expect(driver.rules[0]).toMatchObject({name: 'ValidFile', shortDescription: {text: SAMPLE_RULES[0]!.description}})
    const results = log.runs[0].results
    expect(results).toHaveLength(SAMPLE_FINDINGS.length)
    for (const [i, r] of results.entries()) {
      const f = SAMPLE_FINDINGS[i]!
      expect(r.ruleId).toBe(f.ruleId)
      expect(driver.rules[r.ruleIndex].id).toBe(f.ruleId)
      expect(r.message.text).toBe(`${f.message}. Mend: ${f.mend}`)
      expect(r.locations[0].physicalLocation.region).toEqual({startLine: f.line, startColumn: f.column})
      expect(r.partialFingerprints['sopkitFinding/v2']).toMatch(/^[0-9a-f]{64}$/)
    }
  })

  it('gives each rule a full description, help with the mend in text and Markdown, and a docs link', () => {
    const {driver} = JSON.parse(run('sarif')).runs[0].tool
    for (const [i, rule] of driver.rules.entries()) {
      const source = SAMPLE_RULES[i]!
      expect(rule.fullDescription.text).toBe(source.description)
      for (const message of Object.values(source.messages)) {
        expect(rule.help.text).toContain(message.mend)
        expect(rule.help.markdown).toContain('**How to mend**')
      }
      expect(rule.helpUri).toMatch(/^https:\/\/\S+#rules$/)
    }
  })

  it('percent-encodes paths and anchors them at the repo root', () => {
    const log = JSON.parse(run('sarif'))
    const uris = log.runs[0].results.map(
      (r: {locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}) =>
        r.locations[0]!.physicalLocation.artifactLocation.uri,
    )
    expect(uris).toContain('sops/my%20market/a%20b.md')
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///repo/cs%20playbooks/')
  })

  it('keeps a fingerprint when the finding moves to another line', () => {
    const moved = {...SAMPLE_RESULT, findings: SAMPLE_FINDINGS.map(f => ({...f, line: f.line + 10}))}
    const prints = (out: string) =>
      JSON.parse(out).runs[0].results.map((r: {partialFingerprints: object}) => r.partialFingerprints)
    expect(prints(run('sarif', moved))).toEqual(prints(run('sarif')))
  })
})

describe('junit', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    // Deprecated for a pluggable decoder, but still the one switch that decodes character references (&#10;).
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    htmlEntities: true,
    isArray: name => name === 'testcase',
  })

  it('is well-formed XML without illegal characters', () => {
    const out = run('junit')
    expect(isWellFormedXml(out)).toBe(true)
    expect(out).not.toContain('\u0007')
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true)
  })

  it('counts a case per clean file and per finding, failing only errors', () => {
    const {testsuites} = parser.parse(run('junit'))
    const suite = testsuites.testsuite
    expect(testsuites).toMatchObject({name: 'sopkit', tests: '7', failures: '5'})
    expect(suite).toMatchObject({name: 'sopkit check', tests: '7', failures: '5', errors: '0'})
    expect(suite.testcase).toHaveLength(7)
    expect(suite.testcase.filter((c: object) => 'failure' in c)).toHaveLength(5)
    expect(suite.testcase).toContainEqual({classname: 'sops/c.md', name: 'sops/c.md'})
    const warning = suite.testcase.find((c: {name: string}) => c.name === 'variant-outdated 9:1')
    expect(warning['system-out']).toContain('warning Variant is based on 1.0.0')
  })

  it("reports warnings as skipped cases, which GitLab's test report lists, without failing", () => {
    const {testsuites} = parser.parse(run('junit'))
    const warning = testsuites.testsuite.testcase.find((c: {name: string}) => c.name === 'variant-outdated 9:1')
    expect(warning.skipped.message).toMatch(/^warning: Variant is based on 1\.0\.0/)
    expect(warning.failure).toBeUndefined()
    expect(testsuites.testsuite.skipped).toBe('1')
  })

  it('gives every case in a file a distinct name and keeps the message intact', () => {
    const cases: Array<{classname: string; name: string; failure?: {message: string}}> = parser.parse(run('junit'))
      .testsuites.testsuite.testcase
    const keys = cases.map(c => `${c.classname}\n${c.name}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(cases.map(c => c.name)).toContain('require-fields 1:1 (2)')
    const awkward = cases.find(c => c.classname === SPACED_FILE && c.failure)
    expect(awkward?.failure?.message).toBe(AWKWARD_MESSAGE.replace('\u0007', ''))
  })

  it('passes a clean run', () => {
    const out = run('junit', CLEAN_RESULT)
    expect(isWellFormedXml(out)).toBe(true)
    expect(out).toContain('<testsuites name="sopkit" tests="2" failures="0">')
  })
})

describe('github', () => {
  it('writes one annotation per finding, then a plain count', () => {
    const lines = run('github').split('\n')
    expect(lines).toHaveLength(SAMPLE_FINDINGS.length + 1)
    for (const line of lines.slice(0, -1)) {
      expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=[a-z-]+::/)
    }
    expect(lines[0]).toBe(
      '::error file=sops/b.md,line=1,col=1,title=require-fields::Missing required field "owner" for type sop. Mend: add `owner:` to the front matter',
    )
    expect(lines.at(-2)).toMatch(/^::warning file=sops\/my market\/a b\.md,line=9,col=1,title=variant-outdated::/)
    expect(lines.at(-1)).toBe('3 documents checked: 6 problems (5 errors, 1 warning), 1 suppressed')
  })

  it('escapes % and line breaks in messages', () => {
    const awkward = run('github')
      .split('\n')
      .find(l => l.includes('title=valid-owner'))!
    expect(awkward).toContain('::owner "50%25, team:cs%0Aops <&>"\'\u0007" is neither')
  })

  it('also escapes : and , in properties', () => {
    const odd = {...SAMPLE_RESULT, findings: [{...SAMPLE_FINDINGS[0]!, file: 'sops/fr,be:x%\n.md'}]}
    expect(run('github', odd).split('\n')[0]).toMatch(/^::error file=sops\/fr%2Cbe%3Ax%25%0A\.md,line=1,/)
  })

  it('summarises the job as a Markdown table', () => {
    const summary = stepSummary(SAMPLE_RESULT)
    const lines = summary.split('\n')
    expect(lines[0]).toBe('## sopkit check')
    expect(summary).toContain('| Location | Severity | Rule | Message |\n| --- | --- | --- | --- |\n')
    const rows = lines.filter(l => l.startsWith('| ') && !l.startsWith('| Location') && !l.startsWith('| ---'))
    expect(rows).toHaveLength(SAMPLE_FINDINGS.length)
    expect(rows).toContain('| sops/b.md:1 | error | require-fields | Missing required field "owner" for type sop |')
    const awkward = rows.find(r => r.includes('valid-owner'))!
    expect(awkward).toContain('team:cs<br>ops &lt;&amp;&gt;')
    expect(awkward).not.toContain('\u0007')
    expect(awkward.split(' | ')).toHaveLength(4)
  })

  it('caps the table and says so', () => {
    const many = {
      ...SAMPLE_RESULT,
      findings: Array.from({length: 250}, (_, i) => ({...SAMPLE_FINDINGS[0]!, line: i + 1})),
    }
    const summary = stepSummary(many)
    expect(summary.split('\n').filter(l => l.startsWith('| sops/'))).toHaveLength(200)
    expect(summary).toContain('first 200 of 250')
    expect(stepSummary(CLEAN_RESULT)).not.toContain('|')
    expect(github.format(sampleContext(CLEAN_RESULT))).toBe('2 documents checked, no problems')
  })
})

describe('gitlab', () => {
  it('writes Code Quality issues with unique fingerprints', () => {
    const issues = JSON.parse(run('gitlab'))
    expect(Array.isArray(issues)).toBe(true)
    expect(issues).toHaveLength(SAMPLE_FINDINGS.length)
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity'])
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/)
      expect(issue.location).toEqual({path: expect.any(String), lines: {begin: expect.any(Number)}})
    }
    expect(new Set(issues.map((i: {fingerprint: string}) => i.fingerprint)).size).toBe(issues.length)
    expect(issues.map((i: {severity: string}) => i.severity)).toEqual([
      'major',
      'major',
      'major',
      'major',
      'major',
      'minor',
    ])
    expect(issues[0].description).toBe(`${SAMPLE_FINDINGS[0]!.message}. Mend: ${SAMPLE_FINDINGS[0]!.mend}`)
  })

  it('writes an empty array for a clean run', () => {
    expect(JSON.parse(run('gitlab', CLEAN_RESULT))).toEqual([])
  })
})

describe('the format registry', () => {
  it('has unique names, each with a description', () => {
    const names = FORMATTERS.map(f => f.name)
    expect(new Set(names).size).toBe(names.length)
    for (const f of FORMATTERS) expect(f.description).not.toBe('')
    expect(compact.name).toBe('compact')
  })

  // Read from the collected describe blocks, not from tests that ran before: true under -t too.
  it('has every format tested above', ({task}) => {
    const tested = task.file.tasks.filter(t => t.type === 'suite' && t.tasks.length > 0).map(t => t.name)
    for (const f of FORMATTERS) expect(tested, `format ${f.name} has no tests`).toContain(f.name)
  })
})

describe('the formats that group findings by file, at scale', () => {
  // A quadratic grouping (a copy of the file's findings per finding, or a search of all findings per
  // file) cannot print these within the test's timeout (neither finished in 200 s); one pass takes seconds.
  // Short texts: the cost measured is the grouping, not the escaping of long messages.
  const many = Array.from({length: 200_000}, (_, i) => ({
    ...SAMPLE_FINDINGS[0]!,
    message: 'm',
    mend: 'n',
    file: i % 2 === 0 ? 'sops/one-file.md' : `sops/f${i % 20_000}.md`,
    line: i + 1,
  }))
  const files = Array.from({length: 20_000}, (_, i) => `sops/f${i}.md`)
  it.each([['stylish'], ['junit']])('%s prints 200,000 findings over 20,000 files', name => {
    const out = run(name, {...SAMPLE_RESULT, files, findings: many})
    expect(out).toContain('sops/one-file.md')
    expect(out).toContain('sops/f19999.md')
  })
})
