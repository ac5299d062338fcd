// `sopkit export` as a new user runs it, on a copy of the bundled library: the acceptance of issue 6.
import {cpSync, existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runSopkit, tempRepo} from '../helpers/cli.js'
import {SOP_BODY, doc} from '../helpers/docs.js'

function library(): string {
  const repo = tempRepo()
  cpSync(path.join(ROOT, 'sops'), path.join(repo, 'sops'), {recursive: true})
  return repo
}

const repo = library()
const run = (args: string[], env?: NodeJS.ProcessEnv) => runSopkit(['export', ...args], {cwd: repo, env})
const read = (file: string) => readFileSync(path.join(repo, file), 'utf8')

interface JsonPlaybook {
  generator: string
  document_count: number
  documents: Array<{id: string; file: string; status: string; channels: string[]}>
  chunks: Array<{channels: string[]}>
}

describe('sopkit export on the bundled library', () => {
  it('--market DE --format html -o de.html: DE variants where they exist, GLOBAL otherwise, no drafts, GDPR appendix', async () => {
    const r = await run(['--market', 'DE', '--format', 'html', '-o', 'de.html', '--date', '2027-02-01'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^wrote de\.html \(DE: 15 documents\)$/m)
    const html = read('de.html')
    for (const id of [
      'refund-escalation',
      'account-recovery',
      'safety-report-escalation',
      'data-subject-access-request',
      'payment-dispute',
    ]) {
      expect(html).toContain(`sops/DE/${id}.md — DE variant`)
      expect(html).not.toContain(`sops/global/${id}.md`)
    }
    expect(html).toContain('sops/global/order-not-received.md — GLOBAL baseline (no DE variant)')
    expect(html).toContain('sops/global/buyer-help-ai-agent.md — GLOBAL baseline (no DE variant)')
    // Drafts stay out: the draft strategy, and the US draft (another market anyway).
    expect(html).not.toContain('Automation coverage strategy')
    expect(html).not.toContain('sops/US/')
    expect(html).toMatch(
      /<section class="appendix" id="compliance">[\s\S]*<h3>GDPR <span class="muted">— EU General Data Protection Regulation/,
    )
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map(m => m[1]))
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map(m => m[1])
    expect(hrefs.length).toBeGreaterThan(50)
    for (const href of hrefs) expect(ids.has(href), href).toBe(true)
  })

  it('--channel ai-agent keeps only documents for that channel', async () => {
    const r = await run([
      '--market',
      'DE',
      '--channel',
      'ai-agent',
      '--format',
      'json',
      '-o',
      '-',
      '--date',
      '2027-02-01',
    ])
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout) as JsonPlaybook
    expect(json.document_count).toBe(13)
    for (const d of json.documents) expect(d.channels).toContain('ai-agent')
    for (const c of json.chunks) expect(c.channels).toContain('ai-agent')
    expect(json.documents.map(d => d.id)).not.toContain('seller-response-time-standard')
    expect(r.stderr).toBe('DE: 13 documents\n')
  })

  it('two runs with the same --date are byte-identical, in every text format and docx', async () => {
    for (const format of ['html', 'md', 'json', 'jsonl', 'docx']) {
      const outputs: Buffer[] = []
      for (const n of ['a', 'b']) {
        const file = `same-${n}.${format}`
        expect((await run(['--market', 'DE', '--format', format, '-o', file, '--date', '2027-02-01'])).code).toBe(0)
        outputs.push(readFileSync(path.join(repo, file)))
      }
      expect(outputs[0]!.equals(outputs[1]!), format).toBe(true)
    }
  })

  it('--market all gives each market the bytes exporting it alone gives (bodies shared across playbooks are converted once)', async () => {
    for (const format of ['html']) {
      const all = await run(['--market', 'all', '--format', format, '-o', `all-${format}`, '--date', '2027-02-01'])
      expect(all.code).toBe(0)
      const files = readdirSync(path.join(repo, `all-${format}`)).sort()
      expect(files.length).toBeGreaterThan(5)
      // The bundled library's markets differ in variants, drafts and which linked documents are in
      // the playbook: the same baseline converts differently between them.
      for (const file of files) {
        const market = path.basename(file, `.${format}`)
        const alone = `alone-${market}.${format}`
        expect((await run(['--market', market, '--format', format, '-o', alone, '--date', '2027-02-01'])).code).toBe(0)
        expect(read(`all-${format}/${file}`), `${format} ${market}`).toBe(read(alone))
      }
    }
  }, 120_000)

  it('--market all converts a shared baseline again where its links point elsewhere', async () => {
    // The baseline links to a document only DE has: inside DE's playbook, text in SG's.
    const body = SOP_BODY.replace('Escalate to a team lead.', 'Escalate: see [the DE desk](../DE/de-desk.md).')
    const own = tempRepo({
      'sops/global/refund-escalation.md': doc({body}),
      'sops/DE/de-desk.md': doc({
        front: {id: 'de-desk', title: 'DE desk', markets: ['DE'], compliance: ['GDPR']},
        body: SOP_BODY.replace('# Refund escalation', '# DE desk'),
      }),
      'sops/SG/sg-desk.md': doc({
        front: {id: 'sg-desk', title: 'SG desk', markets: ['SG']},
        body: SOP_BODY.replace('# Refund escalation', '# SG desk'),
      }),
    })
    const exportIn = (args: string[]) =>
      runSopkit(['export', '--format', 'html', '--date', '2027-02-01', ...args], {cwd: own})
    expect((await exportIn(['--market', 'all', '-o', 'all'])).code).toBe(0)
    for (const market of ['DE', 'SG']) {
      expect((await exportIn(['--market', market, '-o', `${market}.html`])).code).toBe(0)
      const alone = readFileSync(path.join(own, `${market}.html`), 'utf8')
      expect(readFileSync(path.join(own, 'all', `${market}.html`), 'utf8'), market).toBe(alone)
    }
    expect(readFileSync(path.join(own, 'DE.html'), 'utf8')).toContain('href="#doc-de-desk"')
    expect(readFileSync(path.join(own, 'SG.html'), 'utf8')).not.toContain('href="#doc-de-desk"')
  })

  it('takes the date from SOURCE_DATE_EPOCH', async () => {
    const r = await run(['--market', 'SG', '--format', 'json', '-o', '-'], {SOURCE_DATE_EPOCH: '1777593600'})
    expect(JSON.parse(r.stdout).date).toBe('2026-05-01')
  })

  it('--format json parses, with the generator first', async () => {
    expect((await run(['--market', 'GB', '--format', 'json', '-o', 'gb.json'])).code).toBe(0)
    const json = JSON.parse(read('gb.json')) as JsonPlaybook
    expect(Object.keys(json)[0]).toBe('generator')
    expect(json.documents.every(d => d.status === 'approved')).toBe(true)
  })

  it('an unknown market is exit 2 with a did-you-mean', async () => {
    const r = await run(['--market', 'DX', '-o', 'x.html'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--market DX: unknown market \(did you mean "DE"\?\)/)
    expect(existsSync(path.join(repo, 'x.html'))).toBe(false)
  })

  it('an unknown channel, type or status is exit 2', async () => {
    expect((await run(['--market', 'DE', '--channel', 'fax', '-o', '-'])).code).toBe(2)
    expect((await run(['--market', 'DE', '--type', 'memo', '-o', '-'])).code).toBe(2)
    expect((await run(['--market', 'DE', '--status', 'published', '-o', '-'])).code).toBe(2)
  })

  it('never replaces a hand-made file without --force, and replaces its own earlier output', async () => {
    writeFileSync(path.join(repo, 'mine.html'), '<html>my own notes</html>\n')
    const refused = await run(['--market', 'DE', '-o', 'mine.html'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/mine\.html exists and was not made by sopkit export/)
    expect(refused.stderr).toMatch(/--force/)
    expect(read('mine.html')).toBe('<html>my own notes</html>\n')
    expect((await run(['--market', 'DE', '-o', 'mine.html', '--force'])).code).toBe(0)
    expect(read('mine.html')).toContain('sopkit export')

    for (const format of ['md', 'json', 'jsonl', 'docx']) {
      const file = `own.${format}`
      expect((await run(['--market', 'DE', '--format', format, '-o', file])).code, format).toBe(0)
      const again = await run(['--market', 'DE', '--format', format, '-o', file])
      expect(again.code, format).toBe(0)
      expect(again.stdout).toMatch(new RegExp(`^replaced ${file.replace('.', '\\.')}`))
    }
    // A markdown file that merely mentions sopkit is still the user's.
    writeFileSync(path.join(repo, 'notes.md'), '# Notes\n\nSee <!-- generated by sopkit export -->\n')
    expect((await run(['--market', 'DE', '--format', 'md', '-o', 'notes.md'])).code).toBe(2)
  })

  it('--market all writes one playbook per market that has documents, named <MARKET>.<ext>', async () => {
    const r = await run(['--market', 'all', '--format', 'md', '-o', 'books', '--date', '2027-02-01'])
    expect(r.code).toBe(0)
    expect(readdirSync(path.join(repo, 'books')).sort()).toEqual([
      'BR.md',
      'DE.md',
      'GB.md',
      'GLOBAL.md',
      'ID.md',
      'KR.md',
      'MY.md',
      'SG.md',
      'US.md',
    ])
    expect(read('books/SG.md')).toContain('sops/SG/refund-escalation.md')
    expect(read('books/US.md')).toMatch(
      /sops\/US\/where-is-my-order\.md.* is draft; this playbook shows sops\/global\/where-is-my-order\.md/,
    )
    // The default folder is playbooks/ in the repo; a re-run replaces its own files.
    expect((await run(['--market', 'all', '--format', 'json', '--channel', 'social'])).code).toBe(0)
    expect(readdirSync(path.join(repo, 'playbooks')).sort()).toEqual([
      'BR.json',
      'DE.json',
      'GB.json',
      'GLOBAL.json',
      'ID.json',
      'KR.json',
      'MY.json',
      'SG.json',
      'US.json',
    ])
  })

  it('--market all --shard i/n: n jobs write every market exactly once', async () => {
    const written: string[][] = []
    for (const i of [1, 2, 3]) {
      const dir = `shard-${i}`
      expect(
        (await run(['--market', 'all', '--format', 'md', '-o', dir, '--date', '2027-02-01', '--shard', `${i}/3`])).code,
      ).toBe(0)
      written.push(existsSync(path.join(repo, dir)) ? readdirSync(path.join(repo, dir)) : [])
    }
    expect(written.flat().sort()).toEqual([
      'BR.md',
      'DE.md',
      'GB.md',
      'GLOBAL.md',
      'ID.md',
      'KR.md',
      'MY.md',
      'SG.md',
      'US.md',
    ])
    expect((await run(['--market', 'DE', '--shard', '1/2'])).code).toBe(2)
  })

  it('checks every target before writing any', async () => {
    const dir = path.join(repo, 'guarded')
    expect((await run(['--market', 'all', '--format', 'md', '-o', 'guarded'])).code).toBe(0)
    writeFileSync(path.join(dir, 'SG.md'), 'hand-made\n')
    const before = readFileSync(path.join(dir, 'BR.md'))
    const r = await run(['--market', 'all', '--format', 'md', '-o', 'guarded', '--date', '2030-01-01'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/guarded\/SG\.md exists and was not made by sopkit export/)
    expect(readFileSync(path.join(dir, 'BR.md')).equals(before)).toBe(true)
  })

  it('--json reports what was written', async () => {
    const r = await run(['--market', 'DE', '--format', 'md', '-o', 'report.md', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      format: 'md',
      files: [{market: 'DE', file: 'report.md', documents: 15, replaced: false}],
    })
  })

  it('names an output outside the working folder as every message does (core/paths shownPath): ../out.md', async () => {
    const r = await runSopkit(['export', '--market', 'DE', '-f', 'md', '-o', '../out-from-sops.md'], {
      cwd: path.join(repo, 'sops'),
    })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^wrote \.\.\/out-from-sops\.md \(DE: /m)
    expect(existsSync(path.join(repo, 'out-from-sops.md'))).toBe(true)
  })

  it('pdf without a Chromium is exit 2, naming how to install one', async () => {
    const r = await run(['--market', 'DE', '--format', 'pdf', '-o', 'de.pdf'], {
      SOPKIT_CHROMIUM: '/nonexistent/chromium',
    })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/no Chromium found/)
    expect(r.stderr).toMatch(/apt-get install chromium/)
    expect(r.stderr).toMatch(/SOPKIT_CHROMIUM/)
    expect(existsSync(path.join(repo, 'de.pdf'))).toBe(false)
  })

  it('a Chromium that does not start is exit 2, naming it', async () => {
    const r = await run(['--market', 'DE', '--format', 'pdf', '-o', 'broken.pdf'], {SOPKIT_CHROMIUM: '/bin/false'})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/\/bin\/false did not start/)
    expect(existsSync(path.join(repo, 'broken.pdf'))).toBe(false)
  })

  it('exports what it can read, and says which files it left out', async () => {
    const broken = tempRepo({
      'sops/global/ok.md': readFileSync(path.join(ROOT, 'sops/global/refund-escalation.md'), 'utf8'),
      'sops/global/bad.md': '---\nid: [unclosed\n---\n# Bad\n',
    })
    const r = await runSopkit(['export', '--market', 'DE', '-o', 'de.md', '-f', 'md'], {cwd: broken})
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/wrote de\.md \(DE: 1 document; 1 link to documents outside the playbook/)
    expect(r.stderr).toMatch(
      /left out 1 file that cannot be read as documents \(run `sopkit check` to see why\): sops\/global\/bad\.md/,
    )
  })

  it('--help shows examples', async () => {
    const r = await runSopkit(['export', '--help'], {cwd: repo})
    expect(r.stdout).toMatch(/--market DE -o de\.html/)
    expect(r.stdout).toMatch(/html\|md\|pdf\|docx\|json\|jsonl/)
  })
})
