// Issue 19: no command, given any config and any document set built from hostile names (market
// codes, ids, types, `path` patterns, globs, templates folders), writes outside the repository and
// the output it was given. Run in-process through the core: check --fix --suppress-all --cache,
// export --market all, the `new` path and the report writer, on a temp repo with a sentinel tree
// beside it and a .git inside it; both must stay byte for byte as they were.
import {existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {writeReport} from '../../src/cli/output.js'
import {runCheck} from '../../src/check/engine.js'
import {resolveConfig, type Config} from '../../src/core/config.js'
import {SopkitError} from '../../src/core/errors.js'
import {isInside} from '../../src/core/paths.js'
import {runExport} from '../../src/export/run.js'
import {documentPath} from '../../src/scaffold/paths.js'
import {writeDocument} from '../../src/scaffold/write.js'
import {tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

/** Every file under `dir` with its content: what must not change. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name)
      const stat = lstatSync(full)
      if (stat.isDirectory()) walk(full)
      else out[path.relative(dir, full)] = stat.isFile() ? readFileSync(full, 'latin1') : 'link'
    }
  }
  if (existsSync(dir)) walk(dir)
  return out
}

const climbing = [
  '..',
  '../..',
  '../../..',
  '../outside',
  '.git',
  '.git/hooks',
  'sops/../..',
  '/tmp',
  '~',
  '%2e%2e',
  '..\\..',
  'a/../../..',
]
const name = fc.oneof(
  fc.constantFrom(
    ...climbing,
    'SG',
    'EU',
    'GLOBAL',
    'x/y',
    '.',
    '',
    ' ',
    'a\u0000b',
    'CON',
    'ü',
    'A'.repeat(300),
    '-rf',
    '--output=/tmp/x',
  ),
  fc.string({maxLength: 12}),
  fc
    .array(fc.constantFrom('..', '.git', 'x', '/', '\\', '.'), {minLength: 1, maxLength: 5})
    .map(parts => parts.join('/')),
)
const pathPattern = fc.oneof(
  fc.constantFrom(
    'sops/{{market}}/{{id}}.md',
    '../{{id}}.md',
    '.git/{{id}}',
    '{{market}}/../../{{id}}.md',
    '/tmp/{{id}}.md',
    '{{type}}/{{id}}.md',
  ),
  fc
    .tuple(name, fc.constantFrom('{{id}}', '{{market}}', '{{type}}'))
    .map(([dir, placeholder]) => `${dir}/${placeholder}.md`),
)
const glob = fc.oneof(
  fc.constantFrom(
    'sops/**/*.md',
    '../**/*.md',
    '../outside/*.md',
    '.git/**',
    '**/*.md',
    '/**/*.md',
    '{..,sops}/**/*.md',
  ),
  name.map(n => `${n}/**/*.md`),
)

const hostileSetup = fc.record({
  markets: fc.array(name, {maxLength: 3}),
  ids: fc.array(name, {minLength: 1, maxLength: 3}),
  type: name,
  path: pathPattern,
  documents: fc.array(glob, {minLength: 1, maxLength: 3}),
  templates: fc.oneof(name, fc.constant('templates')),
})

type Setup = typeof hostileSetup extends fc.Arbitrary<infer T> ? T : never

function sandbox(setup: Setup): {top: string; repo: string; out: string} {
  const top = tempRepo({
    'outside/victim.md': doc({front: {id: 'victim', version: '1.0'}}),
    'outside/report.txt': 'mine\n',
  })
  const repo = path.join(top, 'repo')
  mkdirSync(path.join(repo, '.git'), {recursive: true})
  writeFileSync(path.join(repo, '.git', 'config'), '[core]\n')
  mkdirSync(path.join(repo, 'sops'), {recursive: true})
  setup.ids.forEach((id, i) => {
    // The file name is ours; the id and markets inside are the hostile data.
    writeFileSync(
      path.join(repo, 'sops', `doc-${i}.md`),
      doc({front: {id, markets: setup.markets.length > 0 ? setup.markets : ['GLOBAL'], version: 1.1}}),
    )
  })
  return {top, repo, out: path.join(repo, 'out')}
}

function configFor(repo: string, setup: Setup): Config {
  const raw = {
    documents: setup.documents,
    path: setup.path,
    templates: setup.templates,
    taxonomy: {markets: Object.fromEntries(setup.markets.map(m => [m, {name: m}]))},
    types: {[setup.type]: {fields: []}},
  }
  try {
    return resolveConfig(repo, undefined, raw)
  } catch (error) {
    // A hostile config is refused as a whole; the hostile documents still meet the defaults,
    // unless the globs themselves are refused (a NUL byte): then the defaults meet the documents.
    expect(error).toBeInstanceOf(SopkitError)
    try {
      return resolveConfig(repo, undefined, {documents: setup.documents})
    } catch (globError) {
      expect(globError).toBeInstanceOf(SopkitError)
      return resolveConfig(repo, undefined, {})
    }
  }
}

/** A user error is a fine answer; anything else (a crash, a write outside) is not. */
async function userErrorsAllowed(run: () => unknown): Promise<void> {
  try {
    await run()
  } catch (error) {
    if (!(error instanceof SopkitError)) throw error
  }
}

describe('containment', () => {
  it('no command writes outside the repository and its output, whatever the names', async () => {
    await fc.assert(
      fc.asyncProperty(hostileSetup, async setup => {
        const {top, repo, out} = sandbox(setup)
        const outside = tree(path.join(top, 'outside'))
        const git = tree(path.join(repo, '.git'))
        const config = configFor(repo, setup)
        await userErrorsAllowed(() => runCheck({config, cwd: repo, fix: true, today: '2026-06-01'}))
        await userErrorsAllowed(() =>
          runCheck({config, cwd: repo, cache: true, suppressAll: true, today: '2026-06-01'}),
        )
        await userErrorsAllowed(async () => {
          const {result} = await runExport({
            config,
            cwd: repo,
            market: 'all',
            format: 'md',
            channels: [],
            types: [],
            statuses: ['approved'],
            date: '2026-06-01',
            output: out,
            force: false,
            env: {},
          })
          for (const file of result.files) expect(isInside(out, path.resolve(repo, file.file))).toBe(true)
        })
        for (const id of setup.ids) {
          await userErrorsAllowed(() => {
            const target = documentPath(config, {id, markets: setup.markets, type: setup.type})
            expect(isInside(repo, target)).toBe(true)
            writeDocument(target, doc({front: {id}}), false)
          })
        }
        await userErrorsAllowed(() => {
          writeReport('report', path.join(repo, '.git', 'config'), () => undefined, config)
        })
        await userErrorsAllowed(() => {
          writeReport('report', path.join(repo, 'sops', 'doc-0.md'), () => undefined, config)
        })
        expect(tree(path.join(top, 'outside'))).toEqual(outside)
        expect(tree(path.join(repo, '.git'))).toEqual(git)
        expect(readdirSync(top).sort()).toEqual(['outside', 'repo'])
      }),
      {numRuns: 40},
    )
  }, 240_000)
})
