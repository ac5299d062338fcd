// The README documents every rule exactly as the registry defines it, so the docs cannot go stale.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {RULES} from '../src/rules/index.js'
import {ROOT} from './helpers/cli.js'

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
const table = readme.slice(readme.indexOf('<!-- rules -->'), readme.indexOf('<!-- rulesstop -->'))

describe('README rules table', () => {
  it.each(RULES.map(r => [r.id, r] as const))('documents %s with its severity, fix and description', (_, rule) => {
    expect(table).toContain(
      `| \`${rule.id}\` | ${rule.defaultSeverity} | ${rule.fixable ? 'yes' : ''} | ${rule.description} |`,
    )
  })

  it('lists no rule that is not registered', () => {
    const ids = [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map(m => m[1])
    expect(ids).toEqual(RULES.map(r => r.id))
  })
})
