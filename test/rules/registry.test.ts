// The rule registry: every rule is well-formed, and every rule has its test file and fixture folder.
import {existsSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {RULES} from '../../src/rules/index.js'
import {FIXTURES, expectedFromComments, fixtureText, readTree} from './harness.js'

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const TESTS = import.meta.dirname

describe('rule registry', () => {
  it('has unique kebab-case ids', () => {
    const ids = RULES.map(r => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(KEBAB)
  })

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has a description, a default severity and at least one message with a message and a mend', () => {
        expect(rule.description.trim()).not.toBe('')
        expect(['off', 'warn', 'error']).toContain(rule.defaultSeverity)
        const messages = Object.entries(rule.messages)
        expect(messages.length).toBeGreaterThan(0)
        for (const [id, {message, mend}] of messages) {
          expect(message.trim(), `${rule.id}:${id} message`).not.toBe('')
          expect(mend.trim(), `${rule.id}:${id} mend`).not.toBe('')
        }
      })

      it('has a test file and a fixture folder', () => {
        expect(existsSync(path.join(TESTS, `${rule.id}.test.ts`))).toBe(true)
        const folder = path.join(FIXTURES, rule.id)
        expect(existsSync(folder) && statSync(folder).isDirectory()).toBe(true)
      })

      it('has a fixture that expects at least one finding, only of known message ids, and one document that expects none', () => {
        const tree = readTree(path.join(FIXTURES, rule.id))
        const docs = Object.entries(tree).filter(([name]) => name.endsWith('.md'))
        const expectations = docs.map(([, bytes]) =>
          expectedFromComments(fixtureText(bytes)).filter(e => e.ruleId === rule.id),
        )
        expect(expectations.flat().length).toBeGreaterThan(0)
        expect(expectations.some(list => list.length === 0)).toBe(true)
        for (const e of expectations.flat()) expect(Object.keys(rule.messages)).toContain(e.messageId)
      })
    })
  }

  it('has no fixture folder or rule test for a rule that does not exist', () => {
    const ids = new Set(RULES.map(r => r.id))
    for (const folder of readdirSync(FIXTURES)) expect(ids.has(folder), folder).toBe(true)
    const tests = readdirSync(TESTS)
      .filter(f => f.endsWith('.test.ts'))
      .map(f => f.replace(/\.test\.ts$/, ''))
    for (const name of tests.filter(t => t !== 'registry' && t !== 'harness')) expect(ids.has(name), name).toBe(true)
  })
})

describe('expectedFromComments', () => {
  it('reads one expectation per comment', () => {
    const text =
      '<!-- expect known-market:unknown@8:11 -->\n# T\n<!--expect valid-file:too-large@1:1-->\n<!-- a plain comment -->'
    expect(expectedFromComments(text)).toEqual([
      {ruleId: 'known-market', messageId: 'unknown', line: 8, column: 11},
      {ruleId: 'valid-file', messageId: 'too-large', line: 1, column: 1},
    ])
  })
})
