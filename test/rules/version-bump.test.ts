// version-bump reads git history: its fixture is the library's state after a second commit, the
// first commit holding the same files as they stood when their versions were set.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintPaths} from '../../src/check/engine.js'
import {resolveConfig} from '../../src/core/config.js'
import {findDocuments} from '../../src/core/loader.js'
import {commit, gitRepo, writeFiles} from '../helpers/git.js'
import {FIXTURES, TODAY, expectedFromComments, findingKey} from './harness.js'

const RULE = 'version-bump'
const FIXTURE = path.join(FIXTURES, RULE)
const EDITED = 'sops/global/refund-escalation.md'
const CLEAN = 'sops/global/order-not-received.md'

function fixture(file: string): string {
  return readFileSync(path.join(FIXTURE, file), 'utf8')
}

/** The edited baseline as it was when its version was committed. */
function beforeEdit(): string {
  return fixture(EDITED).replace(' within 4 hours (edited after 1.4.0 was committed)', '')
}

async function lint(root: string): Promise<{keys: string[]; notes: string[]}> {
  const config = resolveConfig(root, undefined, {})
  const paths = await findDocuments(config, root)
  const notes: string[] = []
  const findings = await lintPaths(config, paths, paths, {severities: new Map(), today: TODAY, notes})
  return {
    keys: findings
      .filter(f => f.ruleId === RULE)
      .map(findingKey)
      .sort(),
    notes,
  }
}

describe(RULE, () => {
  it('finds exactly what its fixture states inline, once its history is committed', async () => {
    const root = gitRepo({[EDITED]: beforeEdit(), [CLEAN]: fixture(CLEAN)})
    commit(root, {[EDITED]: fixture(EDITED)})
    const expected = [EDITED, CLEAN].flatMap(file =>
      expectedFromComments(fixture(file))
        .filter(e => e.ruleId === RULE)
        .map(e => findingKey({file, ...e})),
    )
    expect(expected.length).toBeGreaterThan(0)
    expect((await lint(root)).keys).toEqual(expected.sort())
  })

  it('warns about an edit not yet committed, and stops once the version is bumped', async () => {
    const root = gitRepo({[EDITED]: beforeEdit()})
    writeFiles(root, {[EDITED]: fixture(EDITED)})
    expect((await lint(root)).keys).toEqual([`${EDITED} ${RULE}:unbumped@5:10`])
    writeFiles(root, {[EDITED]: fixture(EDITED).replace('version: 1.4.0', 'version: 1.4.1')})
    expect((await lint(root)).keys).toEqual([])
  })

  it('says nothing without history (and no note: no variant needs a merge base)', async () => {
    const root = gitRepo({'README.md': 'not the library'})
    writeFiles(root, {[EDITED]: fixture(EDITED)})
    expect(await lint(root)).toEqual({keys: [], notes: []})
  })
})
