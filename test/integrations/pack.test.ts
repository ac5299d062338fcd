// The npm package as users get it: pack, install the tarball in an empty folder, run it.
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {ROOT} from '../helpers/cli.js'

let prefix: string
let files: string[]
let packed: {scripts?: Record<string, string>; main?: string; exports?: unknown}
let installLog: string

const installed = (args: string[], cwd: string) => {
  const bin = path.join(prefix, 'node_modules', '.bin', 'sopkit')
  try {
    return {
      code: 0,
      stdout: execFileSync(bin, args, {
        cwd,
        encoding: 'utf8',
        env: {...process.env, CI: 'true', NODE_ENV: ''},
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    }
  } catch (error) {
    const e = error as {status: number; stdout: string; stderr: string}
    return {code: e.status, stdout: `${e.stdout}${e.stderr}`}
  }
}

beforeAll(() => {
  const packDir = mkdtempSync(path.join(os.tmpdir(), 'sopkit-pack-'))
  // With its scripts, as `npm publish` packs it (prepack strips `prepare`; it never builds, so dist/ is not touched).
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {...process.env, npm_config_loglevel: 'error'},
  })
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as Array<{filename: string; files: Array<{path: string}>}>
  files = info!.files.map(f => f.path)
  const tarball = path.join(packDir, info!.filename)
  packed = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {encoding: 'utf8'}),
  ) as typeof packed
  prefix = mkdtempSync(path.join(os.tmpdir(), 'sopkit-install-'))
  writeFileSync(path.join(prefix, 'package.json'), '{"name": "user-project", "private": true}\n')
  // --engine-strict fails on any dependency that needs a newer Node than this one (docx 9.7.2+ pulls nanoid 6, Node 22).
  const install = spawnSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--engine-strict', tarball],
    {cwd: prefix, encoding: 'utf8', env: {...process.env, npm_config_loglevel: 'warn'}},
  )
  installLog = `${install.stdout}${install.stderr}`
  if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${installLog}`)
}, 300_000)

describe('the packed package', () => {
  it('installs on this Node without an engine warning, has no prepare script, and main/exports that exist', () => {
    expect(installLog).not.toMatch(/EBADENGINE|Unsupported engine|notsup/i)
    expect(packed.scripts?.prepare).toBeUndefined()
    for (const entry of [packed.main, ...(typeof packed.exports === 'string' ? [packed.exports] : [])]) {
      if (entry !== undefined) expect(files).toContain(path.normalize(entry))
    }
  })

  it('ships the CLI, its build, templates and manifest, and no tests or sources', () => {
    expect(files).toContain('bin/run.js')
    expect(files).toContain('oclif.manifest.json')
    expect(files).toContain('dist/commands/check.js')
    expect(files).toContain('templates/sop.md.hbs')
    expect(files).toContain('README.md')
    expect(files).toContain('LICENSE')
    expect(
      files.filter(
        f => f.startsWith('test/') || f.startsWith('src/') || f.startsWith('sops/') || f.startsWith('bench/'),
      ),
    ).toEqual([])
  })

  it('runs from an empty folder: --help, new, check, export', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'sopkit-user-'))
    expect(installed(['--help'], work).stdout).toMatch(/USAGE/)
    const made = installed(
      [
        'new',
        'sop',
        '--title',
        'Refund escalation',
        '--market',
        'GLOBAL',
        '--channel',
        'chatbot',
        '--owner',
        'cs@example.com',
      ],
      work,
    )
    expect(made.code).toBe(0)
    expect(readdirSync(path.join(work, 'sops', 'global'))).toEqual(['refund-escalation.md'])
    const checked = installed(['check'], work)
    expect(checked.stdout).toMatch(/1 document checked, no problems/)
    expect(checked.code).toBe(0)
    const exported = installed(
      ['export', '--market', 'GLOBAL', '--status', 'draft', '--format', 'html', '-o', 'global.html'],
      work,
    )
    expect(exported.code, exported.stdout).toBe(0)
    expect(readFileSync(path.join(work, 'global.html'), 'utf8')).toMatch(
      /<meta name="generator" content="sopkit export/,
    )
  })
})
