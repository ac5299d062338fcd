// The README's command reference is generated (`npm run readme`); this fails when it is stale.
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT} from '../helpers/cli.js'

describe('README command reference', () => {
  it('matches `oclif readme` for the current commands', {timeout: 60_000}, () => {
    const generated = execFileSync(
      path.join(ROOT, 'node_modules/.bin/oclif'),
      ['readme', '--no-aliases', '--no-source-links', '--dry-run'],
      {cwd: ROOT, encoding: 'utf8', env: {...process.env, OCLIF_SKIP_UPDATE_CHECK: '1', NO_COLOR: '1'}},
    )
    // The dry run prints "replacing <!-- commands --> in README.md" before the README itself.
    const readme = generated.slice(generated.indexOf('\n') + 1)
    const section = (text: string) =>
      text.slice(text.indexOf('<!-- commands -->\n'), text.indexOf('<!-- commandsstop -->'))
    expect(section(readFileSync(path.join(ROOT, 'README.md'), 'utf8')), 'README is stale: run `npm run readme`').toBe(
      section(readme),
    )
  })
})
