// Every market flag and CSV cell takes what people type: codes in any case, the taxonomy's names
// and common aliases (UK → GB, EL → GR), with one did-you-mean everywhere (issue 18: `--market UK`
// suggested "UA"; `export --market Germany` was refused while import took names).
import {cpSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {marketCodeOf, suggestMarket} from '../../src/core/taxonomy.js'
import {loadConfig} from '../../src/core/config.js'
import {ROOT, runSopkit, tempRepo} from '../helpers/cli.js'

const repo = tempRepo()
cpSync(path.join(ROOT, 'sops'), path.join(repo, 'sops'), {recursive: true})
const run = (args: string[]) => runSopkit(args, {cwd: repo})
const {taxonomy} = loadConfig(tempRepo())

describe('market names in the taxonomy', () => {
  it.each([
    ['UK', 'GB'],
    ['uk', 'GB'],
    ['EL', 'GR'],
    ['Germany', 'DE'],
    [' united  kingdom ', 'GB'],
    ['sg', 'SG'],
    ['global', 'GLOBAL'],
    ['European Union', 'EU'],
  ])('%j means %s', (value, code) => {
    expect(marketCodeOf(taxonomy, value)).toBe(code)
  })

  it('an unknown value suggests by code, then by name; UK is never UA', () => {
    expect(marketCodeOf(taxonomy, 'XX')).toBeUndefined()
    expect(marketCodeOf(taxonomy, 'constructor')).toBeUndefined()
    expect(suggestMarket(taxonomy, 'UK')).toBe('GB')
    expect(suggestMarket(taxonomy, 'SGG')).toBe('SG')
    expect(suggestMarket(taxonomy, 'Germny')).toBe('DE')
  })
})

describe('every market flag and cell takes codes, names and aliases', () => {
  it('export --market UK writes the GB playbook, and --market Germany the DE one', async () => {
    const uk = await run(['export', '--market', 'UK', '-f', 'md', '-o', '-', '--date', '2026-05-01'])
    expect(uk.code).toBe(0)
    expect(uk.stdout).toContain('sops/GB/return-request-escalation.md')
    const de = await run(['export', '--market', 'Germany', '-o', 'de.md', '--date', '2026-05-01'])
    expect(de.code).toBe(0)
    expect(de.stdout).toMatch(/wrote de\.md \(DE: /)
  })

  it('ls, coverage, diff and port read the same names', async () => {
    const ls = await run(['ls', '--market', 'uk', '--format', 'json'])
    expect(ls.code).toBe(0)
    expect(ls.stdout).toContain('sops/GB/return-request-escalation.md')
    expect((await run(['coverage', '--market', 'Germany,UK'])).code).toBe(0)
    const diff = await run(['diff', 'return-request-escalation', '--market', 'UK', '--format', 'json'])
    expect(diff.code).toBe(0)
    expect(diff.stdout).toContain('sops/GB/return-request-escalation.md')
    expect((await run(['port', 'refund-escalation', '--market', 'Germany', '--dry-run'])).stderr).not.toMatch(
      /unknown market/,
    )
  })

  it('new --market EL makes a Greek variant; an import cell "UK" a British one', async () => {
    const dir = tempRepo()
    cpSync(path.join(ROOT, 'sops'), path.join(dir, 'sops'), {recursive: true})
    const made = await runSopkit(['new', '--from', 'refund-escalation', '--market', 'EL', '--yes'], {cwd: dir})
    expect(made.stderr).toBe('')
    expect(readFileSync(path.join(dir, 'sops/GR/refund-escalation.md'), 'utf8')).toMatch(/^markets: \[GR\]$/m)
    const sheet = path.join(dir, 'sheet.csv')
    writeFileSync(sheet, 'Title,Market,Owner,Channel\nParcel locker returns,UK,@cs-ops,chatbot\n')
    const imported = await runSopkit(['import', 'sheet.csv'], {cwd: dir})
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toMatch(/created +parcel-locker-returns +GB/)
  })

  it('an unknown market gets the same did-you-mean from a flag, a cell and check', async () => {
    const flag = await run(['ls', '--market', 'Germny'])
    expect(flag.code).toBe(2)
    expect(flag.stderr).toContain('--market Germny: unknown market (did you mean "DE"?)')
    const dir = tempRepo({
      'sops/a.md':
        '---\nid: a\ntitle: A\ntype: kb-article\nversion: 1.0.0\nstatus: draft\nowner: "@cs"\nmarkets: [UK]\nchannels: [chatbot]\neffective: 2026-01-01\nreview_by: 2099-01-01\n---\n# A\n',
    })
    const check = await runSopkit(['check', '--format', 'compact'], {cwd: dir})
    expect(check.stdout).toContain('Unknown market "UK" (did you mean "GB"?)')
    expect(check.stdout).not.toContain('"UA"')
  })
})
