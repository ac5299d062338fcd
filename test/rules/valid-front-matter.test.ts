import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {SOP_BODY} from '../helpers/docs.js'
import {brief, lintOne, lintRule, runFixture, sop} from './harness.js'

const RULE = 'valid-front-matter'

const canaryDirs: string[] = []
afterAll(() => {
  for (const dir of canaryDirs) rmSync(dir, {recursive: true, force: true})
})

/** A path that code in a front-matter block would create if anything evaluated it. */
function canary(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sopkit-canary-'))
  canaryDirs.push(dir)
  return path.join(dir, 'evaluated.txt')
}

describe(RULE, () => {
  it('finds exactly what its fixture library states inline, and evaluates none of its code blocks', async () => {
    const {actual, expected, root} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
    for (const name of ['pwned-js.txt', 'pwned-javascript.txt', 'pwned-coffee.txt']) {
      expect(existsSync(path.join(root, name))).toBe(false)
      expect(existsSync(path.join(process.cwd(), name))).toBe(false)
    }
  })

  it('reports a document without front matter at 1:1', async () => {
    expect(brief(await lintRule(RULE, SOP_BODY))).toEqual(['missing@1:1'])
  })

  it('reports a thematic break (----) as no front matter', async () => {
    expect(brief(await lintRule(RULE, `----\n${SOP_BODY}`))).toEqual(['missing@1:1'])
  })

  for (const opening of ['---js', '---javascript', '---JS', '--- coffee']) {
    it(`refuses a "${opening}" block and never evaluates it`, async () => {
      const file = canary()
      const code = `({id: require('fs').writeFileSync(${JSON.stringify(file)}, 'evaluated') || 'refund-escalation'})`
      const findings = await lintOne(`${opening}\n${code}\n---\n${SOP_BODY}`)
      expect(findings.map(f => `${f.ruleId}:${f.messageId}@${f.line}:${f.column}`)).toEqual([`${RULE}:language@1:1`])
      expect(existsSync(file)).toBe(false)
    })
  }

  it('accepts a block labelled yaml or yml', async () => {
    const text = sop()
    expect(await lintOne(text.replace(/^---\n/, '---yaml\n'))).toEqual([])
    expect(await lintOne(text.replace(/^---\n/, '--- yml\n'))).toEqual([])
  })

  it('accepts `...` as the closing line', async () => {
    expect(await lintOne(sop().replace('\n---\n#', '\n...\n#'))).toEqual([])
  })

  it('reports front matter that is never closed, at 1:1, and no other rule guesses at it', async () => {
    const text = `---\nid: refund-escalation\ntitle: Refund escalation\n\n# Refund escalation\n`
    const findings = await lintOne(text)
    expect(findings.map(f => `${f.ruleId}:${f.messageId}@${f.line}:${f.column}`)).toEqual([`${RULE}:unterminated@1:1`])
    expect(brief(await lintRule(RULE, '---'))).toEqual(['unterminated@1:1'])
  })

  it('reports invalid YAML on the line where it is', async () => {
    // Line 7: a value containing ": " reads as a nested mapping.
    expect(brief(await lintRule(RULE, sop({owner: 'Owner: cs-strategy@example.com'})))).toEqual(['yaml@7:8'])
    // Line 7: `@` cannot start a plain value (a team handle must be quoted).
    expect(brief(await lintRule(RULE, sop({owner: '@cs-ops'})))).toEqual(['yaml@7:8'])
    // Line 8: an unclosed flow sequence is reported where YAML gives up on it, on the next key.
    expect(brief(await lintRule(RULE, sop({markets: '[DE'})))).toEqual(['yaml@9:1'])
  })

  it('reports a duplicate key at the second occurrence', async () => {
    expect(brief(await lintRule(RULE, sop({}, {extra: ['status: draft']})))).toEqual(['yaml@13:1'])
  })

  it('reports front matter that is a scalar or a list, not a mapping', async () => {
    expect(brief(await lintRule(RULE, `---\nJust a note\n---\n${SOP_BODY}`))).toEqual(['yaml@2:1'])
    expect(brief(await lintRule(RULE, `---\n- id: a\n- title: b\n---\n${SOP_BODY}`))).toEqual(['yaml@2:1'])
  })

  it('stops a YAML alias bomb (billion laughs, 9 levels) quickly, with a finding', async () => {
    const levels = 'abcdefghi'.split('')
    const lines = [`a: &a [${Array(9).fill('"lol"').join(', ')}]`]
    for (let i = 1; i < levels.length; i++)
      lines.push(
        `${levels[i]}: &${levels[i]} [${Array(9)
          .fill(`*${levels[i - 1]}`)
          .join(', ')}]`,
      )
    const findings = await lintOne(`---\n${lines.join('\n')}\n---\n${SOP_BODY}`)
    expect(findings.map(f => `${f.ruleId}:${f.messageId}@${f.line}:${f.column}`)).toEqual([`${RULE}:yaml@2:1`])
  })

  it('keeps a `__proto__` key as data', async () => {
    const findings = await lintOne(sop({}, {extra: ['__proto__: {polluted: true}']}))
    expect(findings).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('says nothing about empty front matter (the other rules list what is missing)', async () => {
    expect(await lintRule(RULE, `---\n---\n${SOP_BODY}`)).toEqual([])
  })
})
