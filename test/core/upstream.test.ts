// Merge bases from real git repositories: newest commit with the version, renames, shallow clones,
// no repository, versions never committed; and baselines whose version was not bumped.
import {execFileSync} from 'node:child_process'
import {mkdtempSync, renameSync, symlinkSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/core/config.js'
import type {Library} from '../../src/core/library.js'
import {loadLibrary} from '../../src/core/loader.js'
import {loadUpstream, variantsNeedingBase} from '../../src/core/upstream.js'
import {buildMatrix} from '../../src/diff/matrix.js'
import {SOP_BODY, doc} from '../helpers/docs.js'
import {commit, git, gitRepo, writeFiles} from '../helpers/git.js'

const BASELINE = 'sops/global/refund-escalation.md'
const VARIANT = 'sops/DE/refund-escalation.md'

function baseline(version: string, body = SOP_BODY): string {
  return doc({front: {version}, body})
}

function variant(basedOn: string, body = SOP_BODY): string {
  return doc({front: {markets: ['DE'], compliance: ['GDPR'], version: '1.4.1', based_on: basedOn}, body})
}

async function library(root: string): Promise<Library> {
  return loadLibrary(resolveConfig(root, undefined, {}))
}

function byFile(lib: Library, file: string) {
  return lib.documents.find(d => d.file === file)!
}

const EDITED = SOP_BODY.replace('Hand off to tier 2.', 'Hand off to tier 2 within 4 hours.')

describe('loadUpstream', () => {
  it('finds the merge base in the newest commit whose baseline has the based_on version', async () => {
    const root = gitRepo({[BASELINE]: baseline('1.4.0'), [VARIANT]: variant('1.4.0')})
    const fixed = SOP_BODY.replace('Resolve refund disputes fast.', 'Resolve refund disputes fast and fairly.')
    const newest = commit(root, {[BASELINE]: baseline('1.4.0', fixed)})
    commit(root, {[BASELINE]: baseline('1.5.0', EDITED)})
    const lib = await library(root)
    const upstream = await loadUpstream(lib)
    const base = upstream.mergeBase(byFile(lib, VARIANT))
    expect(base?.commit).toBe(newest)
    expect(base?.version).toBe('1.4.0')
    expect(base?.document.outline.sections.find(s => s.path === 'Purpose')?.content).toBe(
      'Resolve refund disputes fast and fairly.',
    )
    expect(upstream.note).toBeUndefined()
  })

  it('follows the baseline through a rename', async () => {
    const root = gitRepo({'sops/global/old-name.md': baseline('1.4.0'), [VARIANT]: variant('1.4.0')})
    git(root, 'mv', 'sops/global/old-name.md', BASELINE)
    commit(root, {}, 'rename')
    commit(root, {[BASELINE]: baseline('1.5.0', EDITED)})
    const lib = await library(root)
    const base = (await loadUpstream(lib)).mergeBase(byFile(lib, VARIANT))
    expect(base?.version).toBe('1.4.0')
    expect(base?.document.outline.sections.find(s => s.path === 'Escalation')?.content).toBe('Hand off to tier 2.')
  })

  it("looks up only variants whose based_on is not the baseline's version", async () => {
    const root = gitRepo({
      [BASELINE]: baseline('1.4.0'),
      [VARIANT]: variant('1.4.0'),
      'sops/SG/refund-escalation.md': doc({front: {markets: ['SG'], compliance: ['PDPA'], based_on: '1.3.0'}}),
    })
    const lib = await library(root)
    expect(variantsNeedingBase(lib).map(d => d.file)).toEqual(['sops/SG/refund-escalation.md'])
    const upstream = await loadUpstream(lib)
    expect(upstream.mergeBase(byFile(lib, VARIANT))).toBeUndefined()
    expect(upstream.missing(byFile(lib, VARIANT))).toBeUndefined()
  })

  it('says once why when the version was never committed', async () => {
    const root = gitRepo({
      [BASELINE]: baseline('1.5.0'),
      [VARIANT]: variant('1.4.0'),
      'sops/SG/refund-escalation.md': doc({front: {markets: ['SG'], compliance: ['PDPA'], based_on: '1.3.0'}}),
    })
    const lib = await library(root)
    const upstream = await loadUpstream(lib)
    expect(upstream.mergeBase(byFile(lib, VARIANT))).toBeUndefined()
    expect(upstream.missing(byFile(lib, VARIANT))).toBe('never-committed')
    expect(upstream.note).toMatch(
      /^note: no commit has the baseline version that 2 variants name in based_on.*fetch-depth: 0/,
    )
  })

  it('in a shallow clone: no merge base, and one note naming fetch-depth: 0', async () => {
    const origin = gitRepo({[BASELINE]: baseline('1.4.0'), [VARIANT]: variant('1.4.0')})
    commit(origin, {[BASELINE]: baseline('1.5.0', EDITED)})
    const clone = path.join(mkdtempSync(path.join(os.tmpdir(), 'sopkit-shallow-')), 'clone')
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, clone])
    const lib = await library(clone)
    const upstream = await loadUpstream(lib)
    expect(upstream.mergeBase(byFile(lib, VARIANT))).toBeUndefined()
    expect(upstream.missing(byFile(lib, VARIANT))).toBe('shallow')
    expect(upstream.note).toMatch(/shallow clone.*fetch-depth: 0/)
  })

  it('outside a git repository: no merge base, and one note', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sopkit-nogit-'))
    writeFiles(root, {[BASELINE]: baseline('1.5.0'), [VARIANT]: variant('1.4.0')})
    const lib = await library(root)
    const upstream = await loadUpstream(lib)
    expect(upstream.missing(byFile(lib, VARIANT))).toBe('no-repo')
    expect(upstream.note).toMatch(/not in a git repository/)
  })
})

describe('when git cannot answer', () => {
  it('without git installed: no merge base, and the note says git was not found', async () => {
    const root = gitRepo({[BASELINE]: baseline('1.5.0'), [VARIANT]: variant('1.4.0')})
    const lib = await library(root)
    // A PATH with a shell and no git: the commands run, and each finds no git.
    const bin = mkdtempSync(path.join(os.tmpdir(), 'sopkit-nogitbin-'))
    symlinkSync(execFileSync('sh', ['-c', 'command -v sh'], {encoding: 'utf8'}).trim(), path.join(bin, 'sh'))
    const saved = process.env.PATH
    process.env.PATH = bin
    try {
      const upstream = await loadUpstream(lib)
      expect(upstream.missing(byFile(lib, VARIANT))).toBe('no-git')
      expect(upstream.note).toMatch(/^note: git is not installed/)
    } finally {
      process.env.PATH = saved
    }
  })

  it('in a repository with no commit yet: every file is new, nothing is stale', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sopkit-nocommit-'))
    git(root, 'init', '-q')
    writeFiles(root, {[BASELINE]: baseline('1.5.0'), [VARIANT]: variant('1.4.0')})
    const lib = await library(root)
    const upstream = await loadUpstream(lib)
    expect(upstream.staleVersion(byFile(lib, BASELINE))).toBeUndefined()
    expect(upstream.missing(byFile(lib, VARIANT))).toBe('never-committed')
  })
})

describe('where git keeps the repository', () => {
  it('reads the history of a work tree whose repository GIT_DIR names elsewhere (no .git above it)', async () => {
    const root = gitRepo({'README.md': 'x'})
    const setter = commit(root, {[BASELINE]: baseline('1.4.0')})
    commit(root, {[BASELINE]: baseline('1.4.0', EDITED)})
    const elsewhere = path.join(mkdtempSync(path.join(os.tmpdir(), 'sopkit-gitdir-')), 'repo.git')
    renameSync(path.join(root, '.git'), elsewhere)
    const lib = await library(root)
    expect((await loadUpstream(lib)).staleVersion(byFile(lib, BASELINE))).toBeUndefined()
    process.env.GIT_DIR = elsewhere
    process.env.GIT_WORK_TREE = root
    try {
      expect((await loadUpstream(lib)).staleVersion(byFile(lib, BASELINE))).toEqual({version: '1.4.0', commit: setter})
    } finally {
      delete process.env.GIT_DIR
      delete process.env.GIT_WORK_TREE
    }
  })
})

describe('staleVersion', () => {
  it('names the commit that set the version when the content changed after it', async () => {
    const root = gitRepo({'README.md': 'x'})
    const setter = commit(root, {[BASELINE]: baseline('1.4.0')})
    commit(root, {[BASELINE]: baseline('1.4.0', EDITED)})
    const lib = await library(root)
    expect((await loadUpstream(lib)).staleVersion(byFile(lib, BASELINE))).toEqual({version: '1.4.0', commit: setter})
  })

  it('sees an uncommitted edit too, and is quiet once the version is bumped (committed or not)', async () => {
    const root = gitRepo({[BASELINE]: baseline('1.4.0')})
    writeFiles(root, {[BASELINE]: baseline('1.4.0', EDITED)})
    let lib = await library(root)
    expect((await loadUpstream(lib)).staleVersion(byFile(lib, BASELINE))?.version).toBe('1.4.0')
    writeFiles(root, {[BASELINE]: baseline('1.4.1', EDITED)})
    lib = await library(root)
    expect((await loadUpstream(lib)).staleVersion(byFile(lib, BASELINE))).toBeUndefined()
    commit(root, {})
    lib = await library(root)
    expect((await loadUpstream(lib)).staleVersion(byFile(lib, BASELINE))).toBeUndefined()
  })

  it('ignores front-matter-only changes and re-wrapped text', async () => {
    const root = gitRepo({[BASELINE]: baseline('1.4.0')})
    commit(root, {
      [BASELINE]: doc({
        front: {version: '1.4.0', review_by: '2099-06-30'},
        body: SOP_BODY.replace('Resolve refund disputes fast.', 'Resolve refund\ndisputes fast.'),
      }),
    })
    const lib = await library(root)
    expect((await loadUpstream(lib)).staleVersion(byFile(lib, BASELINE))).toBeUndefined()
  })
})

describe('buildMatrix with merge bases', () => {
  it('marks upstream changes and conflicts per market, and drift only where the market changed a section', async () => {
    const root = gitRepo({
      [BASELINE]: baseline('1.4.0'),
      [VARIANT]: variant('1.4.0', SOP_BODY.replace('Hand off to tier 2.', 'Hand off in Berlin.')),
      'sops/SG/refund-escalation.md': doc({
        front: {markets: ['SG'], compliance: ['PDPA'], based_on: '1.4.0'},
        body: SOP_BODY.replace('All refunds.', 'All refunds in Singapore.'),
      }),
    })
    commit(root, {[BASELINE]: baseline('1.5.0', EDITED)})
    const lib = await library(root)
    const matrix = buildMatrix(
      lib.config.taxonomy,
      lib.families.get('refund-escalation')!,
      '2026-11-22',
      await loadUpstream(lib),
    )!
    const row = (path: string) => matrix.rows.find(r => r.path === path)?.cells
    expect(matrix.columns.map(c => c.market)).toEqual(['DE', 'SG'])
    expect(row('Escalation')).toEqual(['conflict', 'upstream'])
    expect(row('Scope')).toEqual(['same', 'drift'])
  })
})
