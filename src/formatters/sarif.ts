// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: the rules, then one result per finding.
import {createHash} from 'node:crypto'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Finding, SeveritySetting} from '../core/finding.js'
import type {Rule} from '../rules/rule.js'
import {defineFormatter} from './formatter.js'

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const INFORMATION_URI = 'https://github.com/sopkit/sopkit'
const SRCROOT = '%SRCROOT%'
const FINGERPRINT = 'sopkitFinding/v1'

export default defineFormatter({
  name: 'sarif',
  description: 'SARIF 2.1.0, for GitHub code scanning',
  format({result, rules, root, version}) {
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]))
    const run = {
      tool: {driver: {name: 'sopkit', version, informationUri: INFORMATION_URI, rules: rules.map(describeRule)}},
      originalUriBaseIds: {[SRCROOT]: {uri: directoryUri(root)}},
      results: result.findings.map((f) => toResult(f, ruleIndex.get(f.ruleId))),
    }
    return JSON.stringify({$schema: SCHEMA, version: '2.1.0', runs: [run]}, null, 2)
  },
})

function describeRule(rule: Rule) {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: {text: rule.description},
    defaultConfiguration: {level: sarifLevel(rule.defaultSeverity)},
  }
}

function toResult(f: Finding, ruleIndex: number | undefined) {
  return {
    ruleId: f.ruleId,
    ...(ruleIndex === undefined ? {} : {ruleIndex}),
    level: sarifLevel(f.severity),
    message: {text: `${f.message}. Mend: ${f.mend}`},
    locations: [{
      physicalLocation: {
        artifactLocation: {uri: encodePath(f.file), uriBaseId: SRCROOT},
        region: {startLine: f.line, startColumn: f.column},
      },
    }],
    partialFingerprints: {[FINGERPRINT]: sha256([f.ruleId, f.file, f.message])},
  }
}

function sarifLevel(severity: SeveritySetting): 'error' | 'warning' | 'none' {
  return severity === 'error' ? 'error' : severity === 'warn' ? 'warning' : 'none'
}

function pascalCase(id: string): string {
  return id.split(/[^a-z0-9]+/i).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')
}

/** A repo-relative path as a URI reference: each segment percent-encoded, slashes kept. */
function encodePath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/')
}

function directoryUri(root: string): string {
  const href = pathToFileURL(path.resolve(root)).href
  return href.endsWith('/') ? href : `${href}/`
}

/** Not keyed on the line, so a finding keeps its identity when lines are added above it. */
function sha256(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex')
}
