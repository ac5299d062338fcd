import {execFileSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {ROOT, runSopkit, tempRepo} from '../helpers/cli.js'

interface Listed {
  name: string
  type: string
  source: string
  file: string
  fields: string[]
  overrides: boolean
  problem?: string
}

describe('sopkit templates', () => {
  it('lists the built-ins with their type, source and fields', async () => {
    const r = await runSopkit(['templates'], {cwd: tempRepo()})
    expect(r.code).toBe(0)
    for (const name of ['sop', 'strategy', 'policy', 'flow', 'kb-article', 'automation-rule'])
      expect(r.stdout).toMatch(new RegExp(`^${name} `, 'm'))
    expect(r.stdout).toMatch(/type sop · built-in · asks markets, title, id, channels, topics, compliance, owner/)
  })

  it('--json: repo templates first-class, overriding built-ins by name, problems reported', async () => {
    const repo = tempRepo({
      'templates/sop.md.hbs':
        '---\ndescription: Our own SOP\nfields: [title, owner]\n---\n# {{title}}\n\n## Purpose\n\n## Scope\n\n## Procedure\n\n## Escalation\n',
      'templates/refund-sop.md.hbs': '---\ntype: sop\n---\n# {{title}}\n',
      'templates/broken.md.hbs': '---\ntype: memo\n---\n',
    })
    const r = await runSopkit(['templates', '--json'], {cwd: repo})
    expect(r.code).toBe(0)
    const {templates} = JSON.parse(r.stdout) as {templates: Listed[]}
    const byName = Object.fromEntries(templates.map(t => [t.name, t]))
    expect(byName.sop).toMatchObject({
      source: 'repo',
      file: 'templates/sop.md.hbs',
      overrides: true,
      fields: ['markets', 'title', 'id', 'channels', 'owner'],
    })
    expect(byName['refund-sop']).toMatchObject({source: 'repo', type: 'sop', overrides: false})
    expect(byName.flow).toMatchObject({source: 'built-in', file: 'flow.md.hbs'})
    expect(byName.broken!.problem).toMatch(/type "memo"/)
    const human = (await runSopkit(['templates'], {cwd: repo})).stdout
    expect(human).toMatch(/repo templates\/sop.md.hbs \(overrides built-in\)/)
    expect(human).toMatch(/unusable: type "memo"/)
  })

  it('sopkit new uses the repo template', async () => {
    const repo = tempRepo({
      'templates/sop.md.hbs':
        '---\ndescription: Ours\n---\n# {{title}}\n\nOurs, for {{marketList}}.\n\n## Purpose\n\n## Scope\n\n## Procedure\n\n## Escalation\n',
    })
    const r = await runSopkit(
      ['new', 'sop', '--yes', '--title', 'Refunds', '--owner', '@cs', '--channel', 'email', '--dry-run'],
      {cwd: repo},
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Ours, for Global (all markets).')
  })

  it('a repo template that would make a failing document is refused before writing', async () => {
    const repo = tempRepo({'templates/sop.md.hbs': '# {{title}}\n\n## Purpose\n'})
    const r = await runSopkit(['new', 'sop', '--yes', '--title', 'Refunds', '--owner', '@cs', '--channel', 'email'], {
      cwd: repo,
    })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /would fail `sopkit check`: Missing required section "Scope" for type sop \[require-sections\] \(and 2 more\)/,
    )
  })

  it('the built-ins ship in the package tarball, beside dist/', () => {
    const [pack] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as Array<{files: Array<{path: string}>}>
    const files = pack!.files.map(f => f.path)
    for (const name of ['sop', 'strategy', 'policy', 'flow', 'kb-article', 'automation-rule'])
      expect(files).toContain(`templates/${name}.md.hbs`)
    expect(files).toContain('dist/commands/templates.js')
  })
})
