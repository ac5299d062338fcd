// Rule-test harness, markdownlint style: a fixture is a small library of files, and the findings
// each file should get are written inside it as `<!-- expect rule-id:messageId@line:col -->`.
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll} from 'vitest'
import {BASE_FRONT, SOP_BODY} from '../helpers/docs.js'
import {lintWhole} from '../../src/check/lint.js'
import {lintPaths} from '../../src/check/engine.js'
import {type Config, resolveConfig} from '../../src/core/config.js'
import type {Severity} from '../../src/core/finding.js'
import {buildLibrary} from '../../src/core/library.js'
import {loadDocument} from '../../src/core/loader.js'
import {RULES} from '../../src/rules/index.js'
import type {TextEdit} from '../../src/rules/rule.js'

/** The fixed "today" of every rule test. */
export const TODAY = '2026-11-22'

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/rules')

const tempRoots: string[] = []
afterAll(() => {
  for (const root of tempRoots.splice(0)) rmSync(root, {recursive: true, force: true})
})

export interface RuleFinding {
  /** Repo-relative path with forward slashes. */
  file: string
  ruleId: string
  messageId: string
  line: number
  column: number
  severity: Severity
  message: string
  mend: string
  fixable: boolean
  fix?: TextEdit
  /** The whole file after applying this finding's fix alone, when it has one. */
  fixed?: string
}

export interface LintFixtureOptions {
  /** A raw user config object, as it would be written in sopkit.config.yaml. */
  config?: unknown
  today?: string
  /** Symbolic links to create and load too: repo-relative link path → target (absolute, or relative to the link). */
  symlinks?: Record<string, string>
}

export interface LintFixtureResult {
  findings: RuleFinding[]
  /** The temp repo the files were written to. */
  root: string
}

/** Write `files` (repo-relative path → content) to a fresh temp repo, load and lint every one of them. */
export async function lintFixtureIn(
  files: Record<string, string | Uint8Array>,
  options: LintFixtureOptions = {},
): Promise<LintFixtureResult> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sopkit-rules-'))
  tempRoots.push(root)
  const paths: string[] = []
  for (const [name, content] of Object.entries(files)) {
    const abs = path.join(root, name)
    mkdirSync(path.dirname(abs), {recursive: true})
    writeFileSync(abs, content)
    paths.push(abs)
  }
  for (const [name, target] of Object.entries(options.symlinks ?? {})) {
    const abs = path.join(root, name)
    mkdirSync(path.dirname(abs), {recursive: true})
    symlinkSync(target, abs)
    paths.push(abs)
  }
  const config = resolveConfig(root, undefined, options.config ?? {})
  const documents = await Promise.all(paths.sort().map(async abs => loadDocument(config, abs)))
  const library = buildLibrary(config, documents)
  const findings: RuleFinding[] = []
  for (const doc of documents) {
    for (const {finding, fix} of await lintWhole(doc, library, {
      rules: RULES,
      severities: new Map(),
      today: options.today ?? TODAY,
    })) {
      const {file, ruleId, messageId, line, column, severity, message, mend, fixable} = finding
      const result: RuleFinding = {file, ruleId, messageId, line, column, severity, message, mend, fixable}
      if (fix) {
        result.fix = fix
        result.fixed = doc.text.slice(0, fix.start) + fix.text + doc.text.slice(fix.end)
      }
      findings.push(result)
    }
  }
  await expectEngineAgrees(config, paths, findings, options.today ?? TODAY)
  return {findings, root}
}

/**
 * check's engine reads each document once, keeps it compact (no text, section fingerprints) and
 * runs the library rules on that: every rule test also proves it finds what linting whole
 * documents finds, to the message and position.
 */
async function expectEngineAgrees(
  config: Config,
  paths: string[],
  findings: RuleFinding[],
  today: string,
): Promise<void> {
  const key = (f: Omit<RuleFinding, 'fix' | 'fixed'>) =>
    `${findingKey(f)} ${f.severity} ${f.fixable} ${f.message} | ${f.mend}`
  const viaEngine = (await lintPaths(config, paths, paths, {severities: new Map(), today})).map(key).sort()
  const direct = findings.map(key).sort()
  if (JSON.stringify(viaEngine) !== JSON.stringify(direct)) {
    throw new Error(
      `check's engine disagrees with linting whole documents:\n engine: ${viaEngine.join('\n         ')}\n direct: ${direct.join('\n         ')}`,
    )
  }
}

/** The findings of linting `files` as a library (see lintFixtureIn). */
export async function lintFixture(
  files: Record<string, string | Uint8Array>,
  options: LintFixtureOptions = {},
): Promise<RuleFinding[]> {
  return (await lintFixtureIn(files, options)).findings
}

/** Lint a single document written at `file` (default sops/global/doc.md). */
export function lintOne(
  content: string | Uint8Array,
  options: LintFixtureOptions & {file?: string} = {},
): Promise<RuleFinding[]> {
  return lintFixture({[options.file ?? 'sops/global/doc.md']: content}, options)
}

/** Findings of one rule only. */
export function ofRule(findings: readonly RuleFinding[], ruleId: string): RuleFinding[] {
  return findings.filter(f => f.ruleId === ruleId)
}

/** The short form tests compare: `messageId@line:col`. */
export function brief(findings: readonly RuleFinding[]): string[] {
  return findings.map(f => `${f.messageId}@${f.line}:${f.column}`)
}

export interface Expectation {
  ruleId: string
  messageId: string
  line: number
  column: number
}

const EXPECT = /<!--\s*expect\s+([a-z0-9-]+):([A-Za-z0-9-]+)@(\d+):(\d+)\s*-->/g

/** The expectations a fixture states inline, one `<!-- expect rule-id:messageId@line:col -->` per finding. */
export function expectedFromComments(text: string): Expectation[] {
  return [...text.matchAll(EXPECT)].map(m => ({
    ruleId: m[1]!,
    messageId: m[2]!,
    line: Number(m[3]),
    column: Number(m[4]),
  }))
}

/** Text of a fixture file for reading its comments, whatever its encoding (UTF-16 by BOM, else byte by byte). */
export function fixtureText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return Buffer.from(bytes).toString('latin1')
}

/** Every file under a folder, repo-relative path → bytes. */
export function readTree(dir: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {}
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(dir, rel), {withFileTypes: true})) {
      const child = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(child)
      else out[child] = readFileSync(path.join(dir, child))
    }
  }
  walk('')
  return out
}

/** `file ruleId:messageId@line:col`, the key a fixture test compares as a set. */
export function findingKey(f: {file: string; ruleId: string; messageId: string; line: number; column: number}): string {
  return `${f.file} ${f.ruleId}:${f.messageId}@${f.line}:${f.column}`
}

export interface FixtureRun {
  /** Keys of the findings `ruleId` gave, sorted. */
  actual: string[]
  /** Keys of the findings of `ruleId` the fixture files state inline, sorted. */
  expected: string[]
  /** Every finding of every rule, for looking closer. */
  findings: RuleFinding[]
  /** Names of the Markdown files of the fixture. */
  files: string[]
  /** The temp repo the fixture was linted in. */
  root: string
}

/**
 * Lint the fixture folder test/fixtures/rules/<ruleId>/ (an optional `sopkit.config.json` in it
 * is the raw config) and compare the findings of `ruleId` with those its files state inline.
 */
export async function runFixture(ruleId: string, options: LintFixtureOptions = {}): Promise<FixtureRun> {
  const tree = readTree(path.join(FIXTURES, ruleId))
  const configBytes = tree['sopkit.config.json']
  const config = options.config ?? (configBytes ? JSON.parse(Buffer.from(configBytes).toString('utf8')) : undefined)
  const docs = Object.fromEntries(Object.entries(tree).filter(([name]) => name.endsWith('.md')))
  const {findings, root} = await lintFixtureIn(docs, {...options, config})
  const expected = Object.entries(docs).flatMap(([file, bytes]) =>
    expectedFromComments(fixtureText(bytes))
      .filter(e => e.ruleId === ruleId)
      .map(e => findingKey({file, ...e})),
  )
  return {
    actual: ofRule(findings, ruleId).map(findingKey).sort(),
    expected: expected.sort(),
    findings,
    files: Object.keys(docs).sort(),
    root,
  }
}

/**
 * The standard front matter of the rule tests, one field a line in this order, so that a test can
 * name a position by heart:
 *
 *     1 ---                                   7 owner: cs-strategy@example.com
 *     2 id: refund-escalation                 8 markets: [GLOBAL]         (items from column 11)
 *     3 title: Refund escalation              9 channels: [chatbot, agent-assisted]  (from column 12)
 *     4 type: sop                            10 compliance: []            (items from column 14)
 *     5 version: 1.4.0        (value col 10) 11 effective: 2026-01-15     (value column 12)
 *     6 status: approved      (value col 9)  12 review_by: 2099-12-31     (value column 12)
 *                                            13 --- (or the `extra` lines, then ---)
 *
 * Values are YAML source text; `null` drops a line; `extra` lines follow review_by.
 */
export const STANDARD_FRONT: Record<string, string> = Object.fromEntries(
  Object.entries(BASE_FRONT).map(([key, value]) => [key, Array.isArray(value) ? `[${value.join(', ')}]` : value]),
)

export interface SopOptions {
  /** Lines after review_by (line 13 onwards). */
  extra?: string[]
  /** Lines between the closing `---` and the body. */
  preamble?: string[]
  body?: string
}

/** A document with the standard front matter (see STANDARD_FRONT) and, by default, a valid SOP body. */
export function sop(fields: Record<string, string | null> = {}, options: SopOptions = {}): string {
  const merged: Record<string, string | null> = {...STANDARD_FRONT, ...fields}
  const lines = Object.entries(merged)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => `${k}: ${v}`)
  const front = [...lines, ...(options.extra ?? [])].join('\n')
  const preamble = (options.preamble ?? []).map(l => `${l}\n`).join('')
  return `---\n${front}\n---\n${preamble}${options.body ?? SOP_BODY}`
}

/** 1-based line and column of the first `needle` in `text` (from `from`), for findings in a body. */
export function positionOf(text: string, needle: string, from = 0): {line: number; column: number} {
  const index = text.indexOf(needle, from)
  if (index === -1) throw new Error(`${JSON.stringify(needle)} is not in the text`)
  const lineStart = text.lastIndexOf('\n', index - 1) + 1
  return {line: text.slice(0, index).split('\n').length, column: index - lineStart + 1}
}

/** `messageId@line:col` of the first `needle` in `text`. */
export function at(messageId: string, text: string, needle: string): string {
  const {line, column} = positionOf(text, needle)
  return `${messageId}@${line}:${column}`
}

/** The findings of one rule for one document (written at sops/global/doc.md unless `file` says). */
/** One rule's findings over a small library, as `file rule:message@line:col` keys. */
export async function ruleKeys(ruleId: string, files: Record<string, string>): Promise<string[]> {
  return ofRule(await lintFixture(files), ruleId).map(findingKey)
}

export async function lintRule(
  ruleId: string,
  content: string | Uint8Array,
  options: LintFixtureOptions & {file?: string} = {},
): Promise<RuleFinding[]> {
  return ofRule(await lintOne(content, options), ruleId)
}
