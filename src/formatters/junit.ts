// JUnit XML for CI test reports: a passing case per clean file, a case per finding. Errors fail;
// warnings are skipped cases with their message, so GitLab's test report lists them (it shows
// failed and skipped cases, and hides the output of passed ones) without failing the pipeline.
import type {CheckResult} from '../check/engine.js'
import {countFindings, type Finding, groupByFile} from '../core/finding.js'
import {defineFormatter} from './formatter.js'

/** Characters XML 1.0 cannot carry at all: C0 controls but tab/LF/CR, lone surrogates, U+FFFE and U+FFFF. */
const XML_ILLEGAL =
  // eslint-disable-next-line no-control-regex -- matching the control characters XML cannot carry is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const ENTITIES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'}
/** Attribute values also keep their line breaks and tabs, which parsers would otherwise turn into spaces. */
const ATTRIBUTE_ENTITIES: Record<string, string> = {...ENTITIES, '\n': '&#10;', '\r': '&#13;', '\t': '&#9;'}

export default defineFormatter({
  name: 'junit',
  extensions: ['xml'],
  description: 'JUnit XML, for CI test reports (GitLab, Jenkins)',
  format({result}) {
    const cases = testCases(result)
    const {errorCount: failures, warningCount: skipped} = countFindings(result.findings)
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="sopkit" tests="${cases.length}" failures="${failures}">`,
      `  <testsuite name="sopkit check" tests="${cases.length}" failures="${failures}" errors="0"` +
        ` skipped="${skipped}">`,
      ...cases,
      '  </testsuite>',
      '</testsuites>',
    ].join('\n')
  },
})

/** Checked files in order, then any file a finding names that was not among them. */
function testCases(result: CheckResult): string[] {
  return [...groupByFile(result.findings, result.files)].flatMap(([file, findings]) => {
    if (findings.length === 0) return [`    <testcase classname="${attribute(file)}" name="${attribute(file)}"/>`]
    return caseNames(findings).map((name, i) => findingCase(findings[i]!, name))
  })
}

/** `rule line:col`, with ` (2)`, ` (3)`… on repeats: GitLab drops cases with the same classname and name. */
function caseNames(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>()
  return findings.map(f => {
    const name = `${f.ruleId} ${f.line}:${f.column}`
    const count = (seen.get(name) ?? 0) + 1
    seen.set(name, count)
    return count === 1 ? name : `${name} (${count})`
  })
}

function findingCase(f: Finding, name: string): string {
  const body = text(
    `${f.file}:${f.line}:${f.column} ${f.severity === 'error' ? 'error' : 'warning'} ${f.message}\n${f.mend}`,
  )
  const inner =
    f.severity === 'error'
      ? `<failure type="${attribute(f.ruleId)}" message="${attribute(f.message)}">${body}</failure>`
      : `<skipped message="${attribute(`warning: ${f.message}`)}"/>\n      <system-out>${body}</system-out>`
  return `    <testcase classname="${attribute(f.file)}" name="${attribute(name)}">\n      ${inner}\n    </testcase>`
}

function text(value: string): string {
  return value.replace(XML_ILLEGAL, '').replace(/[&<>"']/g, c => ENTITIES[c]!)
}

function attribute(value: string): string {
  return value.replace(XML_ILLEGAL, '').replace(/[&<>"'\n\r\t]/g, c => ATTRIBUTE_ENTITIES[c]!)
}
