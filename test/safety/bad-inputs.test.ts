// Every bad input of SPEC's "Safety and data" gets its own finding, and none stops the rest of the run.
import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {runSopkit, tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

interface JsonFinding {
  file: string
  ruleId: string
  messageId: string
  line: number
  column: number
}

describe('bad inputs in one library', () => {
  const outside = path.join(os.tmpdir(), `sopkit-outside-${process.pid}.md`)
  writeFileSync(outside, doc({front: {id: 'outside'}}))
  const repo = tempRepo({
    'sops/global/unterminated.md': '---\nid: a\ntitle: T\n# no closing fence\n',
    'sops/global/invalid-yaml.md': '---\nid: a\ntitle: [unclosed\n---\n# T\n',
    'sops/global/duplicate-keys.md': '---\nid: a\ntitle: T\nid: b\n---\n# T\n',
    'sops/global/binary.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02, 0x0a]),
    'sops/global/latin1.md': Buffer.concat([
      Buffer.from('---\nid: a\ntitle: Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n---\n'),
    ]),
    'sops/global/utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\nid: a\n---\n', 'utf16le')]),
    'sops/global/empty.md': '',
    'sops/global/huge.md': doc({front: {id: 'huge'}, body: `# Huge\n\n${'x'.repeat(6 * 1024 * 1024)}\n`}),
    'sops/global/bom.md': `\uFEFF${doc({front: {id: 'bom'}})}`,
    'sops/global/crlf.md': doc({front: {id: 'crlf'}}).replaceAll('\n', '\r\n'),
    'sops/global/js.md': '---javascript\nmodule.exports = {id: "x"}\n---\n',
    'sops/global/still-checked.md': doc({front: {id: 'still-checked', markets: ['ZZ']}}),
  })
  mkdirSync(path.join(repo, 'sops/loop'))
  symlinkSync('..', path.join(repo, 'sops/loop/back'))
  symlinkSync(outside, path.join(repo, 'sops/global/link-out.md'))

  let r = {code: -1, stdout: '', stderr: ''}
  let findings: JsonFinding[] = []
  beforeAll(async () => {
    r = await runSopkit(['check', '--json'], {cwd: repo})
    findings = (JSON.parse(r.stdout) as {findings: JsonFinding[]}).findings
  })
  const of = (name: string) =>
    findings
      .filter(f => f.file === `sops/global/${name}.md`)
      .map(f => `${f.ruleId}:${f.messageId}@${f.line}:${f.column}`)

  // A hang fails by the hook's timeout: times are never asserted.
  it('exits 1 with findings, never a trace, never a hang', () => {
    expect(r.code).toBe(1)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it.each([
    ['unterminated', 'valid-front-matter:unterminated@1:1'],
    ['invalid-yaml', 'valid-front-matter:yaml@4:1'],
    ['duplicate-keys', 'valid-front-matter:yaml@4:1'],
    ['binary', 'valid-file:binary@1:1'],
    ['latin1', 'valid-file:encoding@1:1'],
    ['utf16', 'valid-file:utf16@1:1'],
    ['empty', 'valid-file:empty@1:1'],
    ['huge', 'valid-file:too-large@1:1'],
    ['js', 'valid-front-matter:language@1:1'],
  ])('%s gives exactly its finding', (name, expected) => {
    expect(of(name)).toEqual([expected])
  })

  it('reads a BOM and CRLF document cleanly', () => {
    expect(of('bom')).toEqual([])
    expect(of('crlf')).toEqual([])
  })

  it('still checks the other documents', () => {
    expect(of('still-checked')).toEqual(['known-market:unknown@9:5'])
  })

  it('does not follow a symlink out of the repo while globbing, and refuses it when named', async () => {
    expect(of('link-out')).toEqual([])
    const named = await runSopkit(['check', '--json', 'sops/global/link-out.md'], {cwd: repo})
    expect(
      (JSON.parse(named.stdout) as {findings: JsonFinding[]}).findings.map(f => `${f.ruleId}:${f.messageId}`),
    ).toEqual(['valid-file:outside-root'])
  })

  it('never follows the symlink loop (each document once)', () => {
    expect(findings.some(f => f.file.includes('loop/'))).toBe(false)
  })
})
