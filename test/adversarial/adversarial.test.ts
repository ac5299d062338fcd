// Every command that reads documents or CSV, against the adversarial corpus: a finding or a
// clear exit-2 error, no code run, no stack trace, no hang, nothing written where it should not be.
import {execFileSync} from 'node:child_process'
import {existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runSopkit, sopkit, tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'
import {CSV_PAYLOADS, HOSTILE_DOCUMENTS, ODD_NAMES} from './inputs.js'

/** Every file under a folder with its size and mtime: what must not change. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name)
      const stat = lstatSync(full, {throwIfNoEntry: false})
      if (!stat || stat.isSymbolicLink()) continue
      if (stat.isDirectory() && !name.startsWith('.git')) walk(full)
      else if (stat.isFile()) out[path.relative(dir, full)] = `${stat.size}:${stat.mtimeMs}`
    }
  }
  walk(dir)
  return out
}

/** The commands run in this process (runSopkit), so a polluted prototype would show here. */
function prototypesUntouched() {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.keys(Object.prototype)).toEqual([])
  expect(Object.keys(Array.prototype)).toEqual([])
}

function clean(r: {code: number; stdout: string; stderr: string}, codes: number[]) {
  expect(codes, r.stderr).toContain(r.code)
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
  expect(r.stderr).not.toMatch(/internal error/)
}

// How deep the YAML parser recurses before the stack runs out depends on how warm the JIT is: in a
// test process that already parsed much YAML the findings differ (35 instead of 1). A user's run is
// a fresh process, so these run in one.
const FRESH_PROCESS = new Set(['deep-nesting'])

describe('check on each hostile document', () => {
  it.each(HOSTILE_DOCUMENTS.map(h => [h.name, h] as const))('%s', async (name, hostile) => {
    const repo = tempRepo({'sops/global/good.md': doc(), [`sops/global/${name}.md`]: hostile.content})
    const r = FRESH_PROCESS.has(name)
      ? sopkit(['check', '--json'], {cwd: repo})
      : await runSopkit(['check', '--json'], {cwd: repo})
    clean(r, hostile.expect.length > 0 ? [1] : [0])
    const findings = JSON.parse(r.stdout).findings as Array<{file: string; ruleId: string; messageId: string}>
    expect(findings.filter(f => f.file === `sops/global/${name}.md`).map(f => `${f.ruleId}:${f.messageId}`)).toEqual(
      hostile.expect,
    )
    expect(findings.filter(f => f.file === 'sops/global/good.md')).toEqual([])
    expect(existsSync(path.join(repo, 'PWNED'))).toBe(false)
    prototypesUntouched()
  })
})

describe('every reading command on a library holding the whole corpus', () => {
  const outside = path.join(os.tmpdir(), `sopkit-adversarial-outside-${process.pid}.md`)
  writeFileSync(outside, doc({front: {id: 'outside'}}))
  const files: Record<string, string | Buffer> = {
    'sops/global/good.md': doc(),
    'metrics.csv': 'id,market,period,csat\nrefund-escalation,SG,2026-01,4.1\n',
  }
  for (const h of HOSTILE_DOCUMENTS) files[`sops/global/${h.name}.md`] = h.content
  ODD_NAMES.forEach((name, i) => (files[`sops/odd/${name}`] = doc({front: {id: `odd-${i}`}})))
  const repo = tempRepo(files)
  mkdirSync(path.join(repo, 'sops/loop'))
  symlinkSync('..', path.join(repo, 'sops/loop/up'))
  symlinkSync(outside, path.join(repo, 'sops/global/outside.md'))
  execFileSync('git', ['init', '-q'], {cwd: repo})

  it.each([
    ['check', ['check'], [1]],
    ['check --format sarif', ['check', '--format', 'sarif'], [1]],
    ['check --format junit', ['check', '--format', 'junit'], [1]],
    ['ls', ['ls', '--json'], [0]],
    ['ls --format csv', ['ls', '--format', 'csv'], [0]],
    ['coverage', ['coverage', '--json'], [0]],
    ['report', ['report', '--metrics', 'metrics.csv', '--json'], [0]],
    ['diff with a hostile file', ['diff', 'sops/global/good.md', 'sops/global/engine-js.md'], [2]],
    ['diff --matrix', ['diff', 'refund-escalation', '--matrix'], [0, 2]],
    [
      'new --dry-run',
      [
        'new',
        'sop',
        '--title',
        'Fresh',
        '--market',
        'GLOBAL',
        '--channel',
        'chatbot',
        '--owner',
        'a@b.co',
        '--dry-run',
      ],
      [0],
    ],
    ['check --changed-since an option', ['check', '--changed-since=--output=/tmp/sopkit-pwned'], [2]],
    ['diff --ref an option', ['diff', 'refund-escalation', '--market', 'DE', '--ref', '-rf'], [2]],
    // Issue 19: a report never replaces a document, .git or a folder; one line, exit 2.
    ['check -o a document', ['check', '-o', 'sops/global/good.md'], [2]],
    ['ls -o .git/config', ['ls', '-o', '.git/config'], [2]],
    ['diff --ref empty', ['diff', 'refund-escalation', '--market', 'DE', '--ref', ''], [2]],
    ['diff --ref blank', ['diff', 'refund-escalation', '--market', 'DE', '--ref=  '], [2]],
    ['diff --against empty', ['diff', 'refund-escalation', '--market', 'DE', '--against', ''], [2]],
    ['check --changed-since empty', ['check', '--changed-since', ''], [2]],
  ])('%s', async (_, args, codes) => {
    const before = snapshot(repo)
    const r = await runSopkit(args, {cwd: repo})
    clean(r, codes)
    if (args.includes('--json')) expect(() => JSON.parse(r.stdout)).not.toThrow()
    expect(existsSync(path.join(repo, 'PWNED'))).toBe(false)
    expect(existsSync('/tmp/sopkit-pwned')).toBe(false)
    expect(snapshot(repo)).toEqual(before)
  })

  it.each([
    ['export html', ['export', '--market', 'DE', '--format', 'html', '-o', 'out/de.html'], ['out/de.html']],
    [
      'export jsonl',
      ['export', '--market', 'GLOBAL', '--format', 'jsonl', '-o', 'out/global.jsonl'],
      ['out/global.jsonl'],
    ],
    [
      'export html of the deep documents',
      ['export', '--market', 'GLOBAL', '--format', 'html', '-o', 'out/global.html'],
      ['out/global.html'],
    ],
    ['export docx', ['export', '--market', 'GLOBAL', '--format', 'docx', '-o', 'out/global.docx'], ['out/global.docx']],
    ['export --market all', ['export', '--market', 'all', '--format', 'md', '-o', 'out/all'], undefined],
  ])('%s writes only its output', async (_, args, outputs) => {
    const before = snapshot(repo)
    const r = await runSopkit(args, {cwd: repo})
    clean(r, [0])
    const after = snapshot(repo)
    const added = Object.keys(after)
      .filter(f => !(f in before))
      .sort()
    if (outputs) expect(added).toEqual(outputs)
    else expect(added.every(f => f.startsWith('out/all/') && f.endsWith('.md'))).toBe(true)
    for (const f of Object.keys(before)) expect(after[f], f).toBe(before[f])
    for (const f of added) expect(readFileSync(path.join(repo, f), 'utf8')).not.toMatch(/<script|javascript:|PWNED/i)
    expect(existsSync(path.join(repo, 'PWNED'))).toBe(false)
  })

  it('reports odd file names by their real paths', async () => {
    const r = await runSopkit(['check', '--json', 'sops/odd'], {cwd: repo})
    clean(r, [0])
    expect((JSON.parse(r.stdout).files as string[]).sort()).toEqual(ODD_NAMES.map(n => `sops/odd/${n}`).sort())
  })
})

describe('hostile CSV', () => {
  const library = () => tempRepo({'sops/global/refund-escalation.md': doc()})

  it.each([
    ['unclosed quote', 'title,market\n"Refund,GLOBAL\n', [2]],
    [
      'ragged rows',
      'title,market,owner,channel\nOne,GLOBAL,a@b.co,chatbot\nTwo,GLOBAL\nThree,GLOBAL,a@b.co,chatbot,extra\n',
      [1],
    ],
    [
      '__proto__ and constructor headers',
      '__proto__,constructor,title,market,owner,channel\nx,y,Proto,GLOBAL,a@b.co,chatbot\n',
      [0],
    ],
    ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('title,market\nA,GLOBAL\n', 'utf16le')]), [2]],
    ['NUL bytes', Buffer.from('title,market\nA\u0000,GLOBAL\n'), [1, 2]],
    [
      'formula cells',
      `title,market,owner,channel\n${CSV_PAYLOADS.map(p => `"${p.replaceAll('"', '""')}",GLOBAL,a@b.co,chatbot`).join('\n')}\n`,
      [0, 1],
    ],
  ])('import: %s', async (_, csv, codes) => {
    const repo = library()
    writeFileSync(path.join(repo, 'inventory.csv'), csv)
    const r = await runSopkit(['import', 'inventory.csv', '--json'], {cwd: repo})
    clean(r, codes)
    prototypesUntouched()
    // Cells are text: a formula-looking title is kept as that title, in a document check accepts.
    if (csv.toString().includes('HYPERLINK')) {
      const made = readdirSync(path.join(repo, 'sops'), {recursive: true}) as string[]
      const texts = made.filter(f => f.endsWith('.md')).map(f => readFileSync(path.join(repo, 'sops', f), 'utf8'))
      expect(texts.some(t => t.includes('HYPERLINK("http://evil.example"'))).toBe(true)
      clean(await runSopkit(['check'], {cwd: repo}), [0])
    }
  })

  it.each([
    ['unclosed quote', 'id,market,period,csat\n"refund-escalation,SG,2026-01,4.1\n', [2]],
    ['ragged rows', 'id,market,period,csat\nrefund-escalation,SG\nrefund-escalation,SG,2026-02,4.6,9\n', [0]],
    [
      'formula values',
      `id,market,period,csat\n${CSV_PAYLOADS.map((p, i) => `"${p.replaceAll('"', '""')}",SG,2026-0${i + 1},4.1`).join('\n')}\n`,
      [0],
    ],
    ['__proto__ header', 'id,market,period,__proto__,csat\nrefund-escalation,SG,2026-01,1,4.1\n', [0]],
  ])('report: %s', async (_, csv, codes) => {
    const repo = library()
    writeFileSync(path.join(repo, 'metrics.csv'), csv)
    for (const format of ['json', 'html']) {
      const r = await runSopkit(['report', '--metrics', 'metrics.csv', '--format', format], {cwd: repo})
      clean(r, codes)
      if (format === 'html' && r.code === 0) expect(r.stdout).not.toMatch(/<script|javascript:|href="http/i)
    }
  })

  it('ls --format csv escapes formula titles', async () => {
    const repo = tempRepo({'sops/global/a.md': doc({front: {id: 'a', title: '=HYPERLINK("http://evil.example","x")'}})})
    const r = await runSopkit(['ls', '--format', 'csv'], {cwd: repo})
    clean(r, [0])
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
  })
})

describe('templates with prototype lookups', () => {
  it.each([
    '{{constructor.constructor}}',
    '{{__proto__}}',
    '{{lookup this "constructor"}}',
    '{{#with constructor}}{{name}}{{/with}}',
  ])('%s never reaches a prototype', async expression => {
    const repo = tempRepo({
      'templates/sop.md.hbs': `---\ndescription: hostile\ntype: sop\n---\n# {{title}}\n\n${expression}\n\n## Purpose\n\n## Scope\n\n## Procedure\n\n## Escalation\n`,
    })
    const r = await runSopkit(
      ['new', 'sop', '--title', 'T', '--market', 'GLOBAL', '--channel', 'chatbot', '--owner', 'a@b.co', '--dry-run'],
      {cwd: repo},
    )
    clean(r, [0, 2])
    expect(r.stdout).not.toMatch(/function|native code|\[object Object\]/)
  })
})
