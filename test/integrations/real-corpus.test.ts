// A real public docs tree: the README files of the packages this project installs (MIT, ISC,
// Apache and BSD licensed, as their package.json files say), wrapped as SOP documents so that
// check, diff and export run over real-world Markdown: badges, HTML, tables, nested lists, code.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {ROOT, sopkit, tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

const LICENSED = /^(MIT|ISC|Apache-2\.0|BSD-[23]-Clause|0BSD|BlueOak-1\.0\.0)$/

/** Up to `limit` package READMEs, in a stable order, with a permissive licence. */
function readmes(limit: number): Array<{name: string; text: string}> {
  const modules = path.join(ROOT, 'node_modules')
  const out: Array<{name: string; text: string}> = []
  for (const entry of readdirSync(modules).sort()) {
    if (entry.startsWith('.') || entry.startsWith('@')) continue
    const dir = path.join(modules, entry)
    const readme = path.join(dir, 'README.md')
    const pkg = path.join(dir, 'package.json')
    if (!existsSync(readme) || !existsSync(pkg)) continue
    const license = (JSON.parse(readFileSync(pkg, 'utf8')) as {license?: unknown}).license
    if (typeof license !== 'string' || !LICENSED.test(license)) continue
    out.push({
      name: entry
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
      text: readFileSync(readme, 'utf8'),
    })
    if (out.length === limit) break
  }
  return out
}

let repo: string
// 300 real documents per run, beside the fast project in CI: minutes on a busy machine, not the helper's 60 s.
const RUN_TIMEOUT = 180_000
const ids: string[] = []

beforeAll(() => {
  const files: Record<string, string> = {}
  for (const {name, text} of readmes(150)) {
    const id = `pkg-${name}`
    ids.push(id)
    const body = `# ${name}\n\n## Purpose\n\n## Scope\n\n## Procedure\n\n${text}\n\n## Escalation\n\nTier 2.\n`
    files[`sops/global/${id}.md`] = doc({front: {id, title: name}, body})
    files[`sops/DE/${id}.md`] = doc({
      front: {id, title: `${name} (DE)`, markets: ['DE'], compliance: ['GDPR'], based_on: '1.4.0'},
      body: body.replace(/\bthe\b/g, 'die'),
    })
  }
  repo = tempRepo(files)
})

const sane = (r: {code: number; stdout: string; stderr: string}) => {
  expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+/)
  return r
}

describe('a real docs tree', () => {
  it('has enough documents to mean something', () => {
    expect(ids.length).toBeGreaterThan(100)
  })

  it('check runs over it without crashing', {timeout: RUN_TIMEOUT}, () => {
    const r = sane(sopkit(['check', '--json'], {cwd: repo, timeout: RUN_TIMEOUT}))
    expect([0, 1]).toContain(r.code)
    expect(JSON.parse(r.stdout).files.length).toBe(ids.length * 2)
  })

  it('diff compares real bodies', {timeout: RUN_TIMEOUT}, () => {
    const r = sane(sopkit(['diff', ids[0]!, '--market', 'DE', '--format', 'json'], {cwd: repo, timeout: RUN_TIMEOUT}))
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).diff.sections.length).toBeGreaterThan(3)
  })

  it('export renders it as html and jsonl', {timeout: 2 * RUN_TIMEOUT}, () => {
    for (const format of ['html', 'jsonl']) {
      const r = sane(
        sopkit(
          [
            'export',
            '--market',
            'DE',
            '--status',
            'approved',
            '--format',
            format,
            '-o',
            `de.${format}`,
            '--date',
            '2026-05-01',
          ],
          {cwd: repo, timeout: RUN_TIMEOUT},
        ),
      )
      expect(r.code).toBe(0)
      const out = readFileSync(path.join(repo, `de.${format}`), 'utf8')
      expect(out.length).toBeGreaterThan(10_000)
      if (format === 'html') expect(out).not.toMatch(/<script\b|\shref\s*=\s*["']?\s*javascript:|<[^>]*\son[a-z]+\s*=/i)
    }
  })
})
