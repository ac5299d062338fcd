// Properties that must hold for any input, not just the fixtures.
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {beforeAll, describe, expect, it} from 'vitest'
import {runCheck} from '../../src/check/engine.js'
import {lintWhole} from '../../src/check/lint.js'
import {resolveConfig} from '../../src/core/config.js'
import {SopDocument} from '../../src/core/document.js'
import {splitFrontMatter} from '../../src/core/front-matter.js'
import {buildLibrary} from '../../src/core/library.js'
import {loadDocument} from '../../src/core/loader.js'
import {loadMarkdownParser} from '../../src/core/markdown.js'
import {RULES} from '../../src/rules/index.js'
import {documentText, stringifyFrontMatter} from '../../src/scaffold/front-matter.js'
import {tempRepo} from '../helpers/cli.js'

beforeAll(loadMarkdownParser)

const config = resolveConfig('/repo', undefined, {})

/** Load, parse and lint whatever a file holds: every step must answer, none may throw. */
async function survives(doc: SopDocument | Promise<SopDocument>): Promise<boolean> {
  const whole = await doc
  expect(() => whole.meta).not.toThrow()
  await lintWhole(whole, buildLibrary(config, [whole]), {rules: RULES, severities: new Map(), today: '2026-11-22'})
  return true
}

describe('the loader never throws', () => {
  const dir = tempRepo()

  it('on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({maxLength: 2048}), bytes => {
        const file = path.join(dir, 'any.md')
        writeFileSync(file, bytes)
        return survives(loadDocument({...config, root: dir}, file))
      }),
      {numRuns: 400},
    )
  })

  it('on arbitrary text after a front-matter fence', async () => {
    const piece = fc.constantFrom(
      '---',
      '...',
      ': ',
      '- ',
      '[',
      ']',
      '{',
      '}',
      '&a ',
      '*a',
      '!!js/function ',
      '"',
      "'",
      '#',
      '\n',
      '\r\n',
      '  ',
      '\t',
      'id',
      'markets',
      '__proto__',
      '`',
      '<!--',
      '](x.md)',
    )
    const text = fc.array(fc.oneof(piece, fc.string()), {maxLength: 60}).map(parts => `---\n${parts.join('')}`)
    await fc.assert(
      fc.asyncProperty(text, t => survives(SopDocument.parse('a.md', '/repo/a.md', t))),
      {numRuns: 2000},
    )
  })
})

describe('--fix', () => {
  const scalar = fc.constantFrom(
    '1.10',
    '2',
    '0.5',
    'true',
    'null',
    '"quoted"',
    'sg',
    'Approved',
    'SG',
    'NO',
    'approved',
  )
  const body = fc
    .array(
      fc.constantFrom('# T', '## Purpose', 'text: 1.10', '---', '', 'version: 1.10', '## Escalation', '```', 'é'),
      {maxLength: 12},
    )
    .map(lines => lines.join('\n'))

  it('is idempotent and never changes a byte of the body', async () => {
    let changed = 0
    await fc.assert(
      fc.asyncProperty(
        scalar,
        scalar,
        scalar,
        body,
        fc.constantFrom('\n', '\r\n'),
        async (version, market, status, text, eol) => {
          const front = [
            'id: a',
            'title: T',
            'type: sop',
            `version: ${version}`,
            `status: ${status}`,
            'owner: a@b.co',
            `markets: [${market}]`,
            'review_by: 2099-01-01',
          ]
          const original = `---${eol}${front.join(eol)}${eol}---${eol}${text.replaceAll('\n', eol)}`
          const repo = tempRepo({'sops/a.md': original})
          const file = path.join(repo, 'sops/a.md')
          const fix = () =>
            runCheck({config: resolveConfig(repo, undefined, {}), cwd: repo, fix: true, today: '2026-11-22'})
          await fix()
          const once = readFileSync(file, 'utf8')
          await fix()
          const twice = readFileSync(file, 'utf8')
          const bodyOf = (t: string) => t.slice(splitFrontMatter(t)?.bodyStart ?? 0)
          expect(twice).toBe(once)
          expect(bodyOf(once)).toBe(bodyOf(original))
          expect(once.includes('\r\n')).toBe(eol === '\r\n')
          if (once !== original) changed++
        },
      ),
      {numRuns: 40},
    )
    expect(changed).toBeGreaterThan(5)
  })
})

describe('serialised front matter', () => {
  const text = fc.oneof(
    fc.string(),
    fc.constantFrom(
      'NO',
      'on',
      'yes',
      '1.10',
      '2026-01-15',
      '~',
      'null',
      '- x',
      '#',
      'a: b',
      '\nmarkets: [EVIL]',
      '"',
      "'",
      '{x}',
      '*a',
      '&a',
    ),
  )

  it('parses back to the same values (and a title cannot add keys)', () => {
    fc.assert(
      fc.property(text, text, fc.array(text, {maxLength: 4}), (title, owner, markets) => {
        const front = {id: 'a', title, owner, markets, version: '1.10'}
        const doc = new SopDocument('a.md', '/a.md', documentText(front, '# T\n'))
        expect(doc.problems).toEqual([])
        expect(Object.keys(doc.data).sort()).toEqual(['id', 'markets', 'owner', 'title', 'version'])
        expect(doc.data).toEqual({...front})
        expect(stringifyFrontMatter(front).endsWith('\n')).toBe(true)
      }),
      {numRuns: 1000},
    )
  })
})
