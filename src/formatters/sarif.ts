// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: the rules, then one result per finding.
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Finding, SeveritySetting} from '../core/finding.js'
import type {Rule} from '../rules/rule.js'
import {fingerprints} from './fingerprint.js'
import {defineFormatter} from './formatter.js'

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const INFORMATION_URI = 'https://github.com/sopkit/sopkit'
const SRCROOT = '%SRCROOT%'
/** v2: from the message id and stable data, with an ordinal (v1 hashed the rendered message). */
const FINGERPRINT = 'sopkitFinding/v2'
/** The README's rule table: one row per rule, with what it requires and its default severity. */
const RULES_URI = `${INFORMATION_URI}#rules`

export default defineFormatter({
  name: 'sarif',
  extensions: ['sarif', 'sarif.json'],
  description: 'SARIF 2.1.0, for GitHub code scanning',
  format({result, rules, root, version}) {
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]))
    const prints = fingerprints(result.findings)
    const run = {
      tool: {driver: {name: 'sopkit', version, informationUri: INFORMATION_URI, rules: rules.map(describeRule)}},
      originalUriBaseIds: {[SRCROOT]: {uri: directoryUri(root)}},
      results: result.findings.map((f, i) => toResult(f, ruleIndex.get(f.ruleId), prints[i]!)),
    }
    return JSON.stringify({$schema: SCHEMA, version: '2.1.0', runs: [run]}, null, 2)
  },
})

/** A rule as code scanning shows it beside an alert: what it requires, how to mend each finding, where its docs are. */
function describeRule(rule: Rule) {
  const mends = Object.values(rule.messages).map(m => `${m.message}: ${m.mend}.`)
  const text = `${rule.description}\n\nHow to mend:\n${mends.map(m => `- ${m}`).join('\n')}`
  const list = mends.map(m => `- ${markdownText(m)}`).join('\n')
  const markdown =
    `${rule.description}\n\n**How to mend**\n\n${list}\n\n` +
    `Set its severity with \`rules: {${rule.id}: warn}\` in the config, or \`--rule ${rule.id}=off\` for one run.`
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: {text: rule.description},
    fullDescription: {text: rule.description},
    help: {text, markdown},
    helpUri: RULES_URI,
    defaultConfiguration: {level: sarifLevel(rule.defaultSeverity)},
  }
}

/** Message templates keep their `{placeholders}`; in Markdown they stay literal text. */
function markdownText(value: string): string {
  return value.replace(/[\\`*_[\]<>]/g, '\\$&')
}

function toResult(f: Finding, ruleIndex: number | undefined, fingerprint: string) {
  return {
    ruleId: f.ruleId,
    ...(ruleIndex === undefined ? {} : {ruleIndex}),
    level: sarifLevel(f.severity),
    message: {text: `${f.message}. Mend: ${f.mend}`},
    locations: [
      {
        physicalLocation: {
          artifactLocation: {uri: encodePath(f.file), uriBaseId: SRCROOT},
          region: {
            startLine: f.line,
            startColumn: f.column,
            ...(f.endLine === undefined ? {} : {endLine: f.endLine}),
            ...(f.endColumn === undefined ? {} : {endColumn: f.endColumn}),
          },
        },
      },
    ],
    partialFingerprints: {[FINGERPRINT]: fingerprint},
  }
}

function sarifLevel(severity: SeveritySetting): 'error' | 'warning' | 'none' {
  return severity === 'error' ? 'error' : severity === 'warn' ? 'warning' : 'none'
}

function pascalCase(id: string): string {
  return id
    .split(/[^a-z0-9]+/i)
    .map(word => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')
}

/** A repo-relative path as a URI reference: each segment percent-encoded, slashes kept. */
function encodePath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/')
}

function directoryUri(root: string): string {
  const href = pathToFileURL(path.resolve(root)).href
  return href.endsWith('/') ? href : `${href}/`
}
