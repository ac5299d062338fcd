import {existsSync, mkdirSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {todayUtc} from '../../src/core/dates.js'
import {runCheck} from '../../src/check/engine.js'
import {DEFAULT_TYPES} from '../../src/core/catalogue.js'
import {loadConfig} from '../../src/core/config.js'
import {SopkitError} from '../../src/core/errors.js'
import {loadDocument} from '../../src/core/loader.js'
import {fieldsToAsk, missingFields} from '../../src/scaffold/answers.js'
import {addDays, idFromTitle} from '../../src/scaffold/fields.js'
import {type Asker, type NewRequest, prepareNew} from '../../src/scaffold/new.js'
import {marketChoices} from '../../src/scaffold/prompts.js'
import {marketCodes} from '../../src/core/taxonomy.js'
import {documentPath} from '../../src/scaffold/paths.js'
import {loadLibrary} from '../../src/core/loader.js'
import {checkPlanned} from '../../src/scaffold/self-check.js'
import {findTemplate, listTemplates} from '../../src/scaffold/templates.js'
import {writeDocument} from '../../src/scaffold/write.js'
import {tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

const TODAY = todayUtc()

async function setup(files: Record<string, string> = {}) {
  const repo = tempRepo(files)
  const config = loadConfig(repo)
  return {repo, config, library: await loadLibrary(config), templates: listTemplates(config)}
}

function request(over: Partial<NewRequest> & {answers?: NewRequest['answers']}): NewRequest {
  return {answers: {}, cwd: '/', force: false, yes: false, interactive: false, today: TODAY, ...over}
}

const noAsker: Asker = {
  template: () => Promise.reject(new Error('asked for a template')),
  fields: () => Promise.reject(new Error('asked for fields')),
  market: () => Promise.reject(new Error('asked for a market')),
}

/** Plan, write and check: the made file must have no check errors. */
async function make(files: Record<string, string>, req: Partial<NewRequest>, asker = noAsker) {
  const {repo, config, library, templates} = await setup(files)
  const planned = await prepareNew(config, library, templates, request({cwd: repo, ...req}), asker)
  // Checked on the day it was made: its review date is counted from that day.
  const today = req.today ?? TODAY
  expect(await checkPlanned(config, library, planned, today)).toEqual([])
  writeDocument(planned.target, planned.content, false)
  const result = await runCheck({config, cwd: repo, today})
  expect(result.findings.filter(f => f.severity === 'error')).toEqual([])
  return {repo, config, planned, doc: await loadDocument(config, planned.target)}
}

const baseline = {'sops/global/refund-escalation.md': doc({front: {compliance: []}})}

describe('fields and defaults', () => {
  it('derives a kebab-case id from any title', () => {
    expect(idFromTitle('Refund > 50 € (Singapore)')).toBe('refund-50-singapore')
    expect(idFromTitle('Änderung: Rückgabe')).toBe('anderung-ruckgabe')
    expect(idFromTitle('../../etc/passwd')).toBe('etc-passwd')
    expect(idFromTitle('x'.repeat(30) + ' ' + 'y'.repeat(40)).length).toBeLessThanOrEqual(60)
  })

  it('reviews six months after today', () => {
    expect(addDays('2026-01-15', 180)).toBe('2026-07-14')
  })

  it('asks what the template declares plus what its type requires', async () => {
    const {config, templates} = await setup({
      'templates/short.md.hbs': '---\ntype: sop\nfields: [title]\n---\n# {{title}}\n',
    })
    expect(fieldsToAsk(config, findTemplate(templates, 'short'))).toEqual([
      'markets',
      'title',
      'id',
      'channels',
      'owner',
    ])
    expect(fieldsToAsk(config, findTemplate(templates, 'policy'))).toContain('compliance')
  })

  it('needs title, owner, markets and (for types that require them) channels; --yes fills markets and channels', async () => {
    const {config, templates} = await setup()
    const sop = findTemplate(templates, 'sop')
    expect(missingFields(config, sop, {}, false)).toEqual(['markets', 'title', 'owner', 'channels'])
    expect(missingFields(config, sop, {}, true)).toEqual(['title', 'owner'])
    expect(missingFields(config, findTemplate(templates, 'policy'), {}, false)).toEqual(['markets', 'title', 'owner'])
  })
})

describe('every made document passes check with no errors', () => {
  it.each(Object.keys(DEFAULT_TYPES))('%s from flags', async type => {
    const {doc: made} = await make(
      {},
      {
        template: type,
        answers: {title: `A ${type} for refunds`, markets: ['GLOBAL'], channels: ['chatbot'], owner: '@cs-ops'},
      },
    )
    expect(made.meta).toMatchObject({
      type,
      version: '0.1.0',
      status: 'draft',
      effective: TODAY,
      review_by: addDays(TODAY, 180),
      markets: ['GLOBAL'],
    })
  })

  it('--yes takes GLOBAL, the template channels and the required compliance', async () => {
    const {planned, doc: made} = await make(
      {},
      {template: 'sop', yes: true, answers: {title: 'Order not received', owner: 'ops@example.com'}},
    )
    expect(path.relative(path.dirname(path.dirname(path.dirname(planned.target))), planned.target)).toBe(
      'sops/global/order-not-received.md',
    )
    expect(made.meta.channels).toEqual(['chatbot', 'agent-assisted'])
    expect(made.meta.compliance).toEqual([])
  })

  it('a DE strategy for the ai-agent channel gets GDPR, the DSA and the AI Act (Art. 50, from 2026-08-02)', async () => {
    const answers = {title: 'Agent rollout', markets: ['DE'], channels: ['ai-agent'], owner: '@cs'}
    const {doc: made} = await make({}, {template: 'strategy', answers, today: '2026-08-02'})
    expect(made.meta.compliance).toEqual(['GDPR', 'DSA', 'AI-ACT'])
  })

  it.each(Object.keys(DEFAULT_TYPES))(
    '%s for DE on the ai-agent channel: GDPR, DSA, AI-ACT and its sections',
    async type => {
      const answers = {title: `Agent ${type}`, markets: ['DE'], channels: ['ai-agent'], owner: '@cs'}
      const {doc: made} = await make({}, {template: type, answers, today: '2026-08-02'})
      expect(made.meta).toMatchObject({
        type,
        markets: ['DE'],
        channels: ['ai-agent'],
        compliance: ['GDPR', 'DSA', 'AI-ACT'],
      })
      const top = made.outline.sections.filter(s => !s.path.includes(' > ')).map(s => s.heading)
      expect(top).toEqual(expect.arrayContaining(DEFAULT_TYPES[type]!.sections))
    },
  )

  it('US, SG, MY and TH documents carry each market its own law, and no California law for US', async () => {
    for (const [market, tag] of [
      ['US', undefined],
      ['US-CA', 'CCPA'],
      ['SG', 'SG-PDPA'],
      ['MY', 'MY-PDPA'],
      ['TH', 'TH-PDPA'],
    ] as const) {
      const {doc: made} = await make(
        {},
        {template: 'policy', answers: {title: `Returns ${market}`, markets: [market], owner: '@cs'}},
      )
      expect(made.meta.compliance, market).toEqual(tag ? [tag] : [])
    }
  })

  it('a DE document gets GDPR, a payment-service one PSD2 too, and extra tags are kept', async () => {
    const {doc: made} = await make(
      {},
      {
        template: 'policy',
        answers: {
          title: 'Chargebacks',
          markets: ['DE'],
          topics: ['payment-services'],
          compliance: ['DSA'],
          owner: '@payments',
        },
      },
    )
    expect(made.meta.compliance).toEqual(['GDPR', 'PSD2', 'DSA'])
    expect(made.file).toBe('sops/DE/chargebacks.md')
  })

  it('a NO document keeps "NO" quoted and gets GDPR (EEA)', async () => {
    const {doc: made} = await make(
      {},
      {template: 'kb-article', yes: true, answers: {title: 'Returns in Norway', markets: ['NO'], owner: '@no-cs'}},
    )
    expect(made.text).toContain('markets: ["NO"]')
    expect(made.meta.markets).toEqual(['NO'])
    expect(made.meta.compliance).toEqual(['GDPR'])
  })

  it('a title with a newline and "markets: [EVIL]" is one line and adds no key', async () => {
    const {doc: made} = await make(
      {},
      {template: 'sop', yes: true, answers: {title: 'Refund\nmarkets: [EVIL]', owner: '@a'}},
    )
    expect(made.meta.title).toBe('Refund markets: [EVIL]')
    expect(made.meta.markets).toEqual(['GLOBAL'])
    expect(made.body.split('\n')[0]).toBe('# Refund markets: [EVIL]')
  })

  it('a repo template with fixed defaults for a custom required field', async () => {
    const {doc: made} = await make(
      {
        'sopkit.config.yaml':
          'types:\n  memo: {fields: [id, title, type, version, status, owner, markets, review_by, audience], sections: [Body]}\n',
        'templates/memo.md.hbs':
          '---\nfields: [title, owner]\ndefaults: {audience: agents, markets: [SG]}\n---\n# {{title}}\n\n## Body\n\nFor {{marketList}}.\n',
      },
      {template: 'memo', yes: true, answers: {title: 'Peak season', owner: '@sea'}},
    )
    expect(made.data.audience).toBe('agents')
    expect(made.meta.compliance).toEqual(['SG-PDPA'])
    expect(made.body).toContain('For Singapore (SG).')
  })
})

describe('interactive answers (scripted asker)', () => {
  it('asks only what the flags leave out, and validates what it gets', async () => {
    const asked: string[] = []
    const asker: Asker = {
      ...noAsker,
      template: () => Promise.resolve('strategy'),
      fields: (ctx, template, answers) => {
        asked.push(...fieldsToAsk(ctx.config, template).filter(f => answers[f] === undefined))
        return Promise.resolve({
          ...answers,
          markets: ['SG'],
          title: 'Chatbot coverage',
          channels: ['chatbot'],
          owner: '@sea',
        })
      },
    }
    const {doc: made} = await make({}, {interactive: true, answers: {owner: '@sea'}}, asker)
    expect(asked).toEqual(['markets', 'title', 'id', 'channels', 'topics', 'compliance'])
    expect(made.meta).toMatchObject({
      type: 'strategy',
      id: 'chatbot-coverage',
      markets: ['SG'],
      compliance: ['SG-PDPA'],
    })
  })
})

describe('market variants (--from)', () => {
  it("copy the baseline body, set based_on and add the market's regime", async () => {
    const {doc: made, repo} = await make(baseline, {from: 'refund-escalation', answers: {markets: ['SG']}})
    const base = await loadDocument(loadConfig(repo), path.join(repo, 'sops/global/refund-escalation.md'))
    expect(made.file).toBe('sops/SG/refund-escalation.md')
    expect(made.meta).toMatchObject({
      id: 'refund-escalation',
      title: 'Refund escalation (Singapore)',
      markets: ['SG'],
      based_on: '1.4.0',
      version: '1.4.0',
      compliance: ['SG-PDPA'],
      status: 'draft',
      owner: base.meta.owner,
      channels: base.meta.channels,
    })
    expect(made.body).toBe(base.body.replace('# Refund escalation', '# Refund escalation (Singapore)'))
  })

  it('rewrite relative links for the variant\'s folder and name the variant\'s market in a "Markets:" line', async () => {
    const body =
      `# Refund escalation\n\n## Purpose\n\nSee [disputes](payment-dispute.md#escalation) and ![flow](../img/flow.png).\n\n## Scope\n\n` +
      `- Markets: Global (all markets)\n- **Markets:** GLOBAL\n- [Help](https://example.com/a.md) and [top](#purpose)\n\n## Procedure\n\n1. Check.\n\n## Escalation\n\nTier 2.\n`
    const {doc: made} = await make(
      {
        'sops/global/refund-escalation.md': doc({front: {compliance: []}, body}),
        'sops/global/payment-dispute.md': doc({
          front: {id: 'payment-dispute', title: 'Payment dispute', compliance: []},
        }),
        'sops/img/flow.png': 'png',
      },
      {from: 'refund-escalation', answers: {markets: ['SG']}},
    )
    expect(made.body).toContain('[disputes](../global/payment-dispute.md#escalation)')
    expect(made.body).toContain('![flow](../img/flow.png)')
    expect(made.body).toContain('- Markets: Singapore (SG)\n- **Markets:** Singapore (SG)\n')
    expect(made.body).toContain('[Help](https://example.com/a.md) and [top](#purpose)')
    // The renamed Markets line is a departure made on purpose: recorded as one, so the new variant shows no drift.
    expect(made.meta.deviations).toEqual([
      {
        section: 'Scope',
        reason: 'names the market SG instead of GLOBAL',
        approver: 'cs-strategy@example.com',
        expires: undefined,
      },
    ])
  })

  it("an overlay (--overlay --section): inherit: sections, the title and copies of the named sections under their parents' headings", async () => {
    const {doc: made, repo} = await make(baseline, {
      from: 'refund-escalation',
      overlay: true,
      sections: ['procedure > refund above limit'],
      answers: {markets: ['BR']},
    })
    expect(made.meta.inherit).toBe('sections')
    expect(made.body).toBe(
      '# Refund escalation (Brazil)\n\n## Procedure\n\n### Refund above limit\n\nEscalate to a team lead.\n',
    )
    const library = await loadLibrary(loadConfig(repo))
    expect(library.byPath.get(made.absPath)!.outline.sections.map(s => s.path)).toEqual([
      'Purpose',
      'Scope',
      'Procedure',
      'Procedure > Refund above limit',
      'Escalation',
    ])
  })

  it("the config's `variants: overlay` makes overlays by default; --no-overlay a full copy", async () => {
    const files = {...baseline, 'sopkit.config.yaml': 'variants: overlay\n'}
    const {doc: overlay} = await make(files, {from: 'refund-escalation', answers: {markets: ['BR']}})
    expect(overlay.meta.inherit).toBe('sections')
    expect(overlay.body).toBe('# Refund escalation (Brazil)\n')
    const {doc: copy} = await make(files, {from: 'refund-escalation', overlay: false, answers: {markets: ['BR']}})
    expect(copy.meta.inherit).toBeUndefined()
    expect(copy.body).toContain('## Escalation')
  })

  it('refuse a --section the baseline lacks, with a did-you-mean, and --section without an overlay', async () => {
    const {config, library, templates, repo} = await setup(baseline)
    const run = (over: Partial<NewRequest>) =>
      prepareNew(
        config,
        library,
        templates,
        request({cwd: repo, from: 'refund-escalation', answers: {markets: ['BR']}, ...over}),
        noAsker,
      )
    await expect(run({sections: ['Procedure > Refund above limt']})).rejects.toThrow(
      /no such section \(did you mean "Procedure > Refund above limit"\?\)/,
    )
    await expect(run({overlay: false, sections: ['Procedure']})).rejects.toThrow(/--no-overlay/)
  })

  it('a region variant and a given title and owner', async () => {
    const {doc: made} = await make(baseline, {
      from: 'refund-escalation',
      answers: {markets: ['EU'], title: 'Refunds in the EU', owner: '@eu'},
    })
    expect(made.meta).toMatchObject({title: 'Refunds in the EU', owner: '@eu', markets: ['EU']})
    // The baseline's chatbot channel adds the DSA (and the AI Act from 2026-08-02) to GDPR.
    expect(made.meta.compliance).toEqual(expect.arrayContaining(['GDPR', 'DSA']))
  })

  it.each([
    [
      'an unknown id',
      {from: 'refund-escalaton', answers: {markets: ['SG']}},
      /no document has the id "refund-escalaton" \(did you mean "refund-escalation"\?\)/,
    ],
    ['GLOBAL', {from: 'refund-escalation', answers: {markets: ['GLOBAL']}}, /one market's variant/],
    ['two markets', {from: 'refund-escalation', answers: {markets: ['SG', 'MY']}}, /one market's variant/],
    ['no market without a TTY', {from: 'refund-escalation'}, /missing --market/],
    ['another id', {from: 'refund-escalation', answers: {markets: ['SG'], id: 'other'}}, /keeps its family's id/],
    [
      'another type',
      {from: 'refund-escalation', template: 'policy', answers: {markets: ['SG']}},
      /makes a sop like its baseline/,
    ],
  ])('refuse %s', async (_, req, message) => {
    const {config, library, templates, repo} = await setup(baseline)
    await expect(prepareNew(config, library, templates, request({cwd: repo, ...req}), noAsker)).rejects.toThrow(message)
  })

  it('refuse a market that already has a variant, and a family without a baseline', async () => {
    const {config, library, templates, repo} = await setup({
      ...baseline,
      'sops/SG/refund-escalation.md': doc({front: {markets: ['SG'], compliance: ['SG-PDPA'], based_on: '1.4.0'}}),
      'sops/DE/orphan.md': doc({front: {id: 'orphan', markets: ['DE'], compliance: ['GDPR']}}),
    })
    const run = (req: Partial<NewRequest>) =>
      prepareNew(config, library, templates, request({cwd: repo, ...req}), noAsker)
    await expect(run({from: 'refund-escalation', answers: {markets: ['SG']}})).rejects.toThrow(
      /SG already has a variant of "refund-escalation": sops\/SG\/refund-escalation.md/,
    )
    await expect(run({from: 'orphan', answers: {markets: ['SG']}})).rejects.toThrow(/no GLOBAL baseline/)
  })
})

describe('refusals', () => {
  const flags = {title: 'Refund escalation', markets: ['GLOBAL'], channels: ['chatbot'], owner: '@cs'}
  const refused = async (
    answers: NewRequest['answers'],
    over: Partial<NewRequest> = {},
    files: Record<string, string> = {},
  ) => {
    const {config, library, templates, repo} = await setup(files)
    return prepareNew(
      config,
      library,
      templates,
      request({cwd: repo, template: 'sop', answers, ...over}),
      noAsker,
    ).then(
      () => undefined,
      (e: unknown) => e as SopkitError,
    )
  }

  it.each([
    ['an id with ../', {...flags, id: '../../etc/evil'}, /id "..\/..\/etc\/evil" is not kebab-case/],
    ['an id with a slash', {...flags, id: 'a/b'}, /not kebab-case/],
    ['an unknown market', {...flags, markets: ['SGG']}, /unknown market "SGG" \(did you mean "SG"\?\)/],
    ['a misspelt market name', {...flags, markets: ['Germny']}, /unknown market "Germny" \(did you mean "DE"\?\)/],
    ['GLOBAL with a market', {...flags, markets: ['GLOBAL', 'SG']}, /GLOBAL cannot be combined/],
    [
      'an unknown channel',
      {...flags, channels: ['chatbott']},
      /unknown channel "chatbott" \(did you mean "chatbot"\?\)/,
    ],
    ['an unknown compliance tag', {...flags, compliance: ['GPDR']}, /unknown compliance tag "GPDR"/],
    [
      'an owner that is not an email or @team',
      {...flags, owner: 'bob'},
      /owner "bob" is neither an email address nor an @team handle/,
    ],
    ['an empty title', {...flags, title: ' \n '}, /the title is empty/],
    ['a title with no letters for an id', {...flags, title: '!!!'}, /cannot make an id/],
  ])('%s', async (_, answers, message) => {
    const error = await refused(answers)
    expect(error).toBeInstanceOf(SopkitError)
    expect(error?.message).toMatch(message)
    expect(error?.exitCode).toBe(2)
  })

  it('an id already used by a family (derived or given), pointing to --from', async () => {
    const error = await refused(flags, {}, baseline)
    expect(error?.message).toMatch(/id "refund-escalation" is already used by sops\/global\/refund-escalation.md/)
    expect(error?.mend).toMatch(/--from refund-escalation --market M/)
  })

  it('an existing file without --force; with --force it is the file being replaced, not a collision', async () => {
    const {config, library, templates, repo} = await setup(baseline)
    const req = request({cwd: repo, template: 'sop', answers: flags})
    await expect(prepareNew(config, library, templates, req, noAsker)).rejects.toThrow(/already used/)
    const planned = await prepareNew(config, library, templates, {...req, force: true}, noAsker)
    expect(planned.target).toBe(path.join(repo, 'sops/global/refund-escalation.md'))
  })

  it('the missing baseline of a family with only variants may be made', async () => {
    const {config, library, templates, repo} = await setup({
      'sops/SG/refund-escalation.md': doc({front: {markets: ['SG'], compliance: ['SG-PDPA']}}),
    })
    const planned = await prepareNew(
      config,
      library,
      templates,
      request({cwd: repo, template: 'sop', answers: flags}),
      noAsker,
    )
    expect(planned.target).toBe(path.join(repo, 'sops/global/refund-escalation.md'))
  })

  it('missing fields without a TTY: every flag named at once, nothing asked', async () => {
    const error = await refused({})
    expect(error?.code).toBe('MISSING_FIELDS')
    expect(error?.message).toMatch(/missing --market, --title, --owner, --channel/)
    expect(error?.mend).toMatch(/--yes/)
    expect((await refused({}, {template: undefined}))?.message).toMatch(/missing TYPE argument/)
  })

  it('an unknown template', async () => {
    expect((await refused(flags, {template: 'sopp'}))?.message).toMatch(
      /unknown template or type "sopp" \(did you mean "sop"\?\)/,
    )
  })
})

describe('paths', () => {
  it('follow the config pattern: the market code as written, GLOBAL as global', async () => {
    const {config, repo} = await setup({'sopkit.config.yaml': 'path: "docs/{{type}}/{{market}}/{{id}}.md"\n'})
    expect(documentPath(config, {id: 'x', markets: ['SG'], type: 'sop'})).toBe(path.join(repo, 'docs/sop/SG/x.md'))
    expect(documentPath(config, {id: 'x', markets: ['GLOBAL'], type: 'flow'})).toBe(
      path.join(repo, 'docs/flow/global/x.md'),
    )
  })

  it('refuse values that are not one plain segment, unknown placeholders and patterns that leave the repo', async () => {
    const {config} = await setup()
    expect(() => documentPath(config, {id: '..', markets: ['SG'], type: 'sop'})).toThrow(
      /cannot be part of a file path/,
    )
    expect(() => documentPath(config, {id: 'x', markets: ['../SG'], type: 'sop'})).toThrow(
      /cannot be part of a file path/,
    )
    expect(() =>
      documentPath({...config, path: 'sops/{{team}}/{{id}}.md'}, {id: 'x', markets: ['SG'], type: 'sop'}),
    ).toThrow(/unknown placeholder/)
    expect(() => documentPath({...config, path: '../{{id}}.md'}, {id: 'x', markets: ['SG'], type: 'sop'})).toThrow(
      /outside the repository/,
    )
  })

  it('refuse a folder that is a symlink out of the repo', async () => {
    const {config, repo} = await setup()
    const outside = path.join(os.tmpdir(), `sopkit-outside-${process.pid}`)
    mkdirSync(outside, {recursive: true})
    mkdirSync(path.join(repo, 'sops'), {recursive: true})
    symlinkSync(outside, path.join(repo, 'sops/SG'))
    expect(() => documentPath(config, {id: 'x', markets: ['SG'], type: 'sop'})).toThrow(/outside the repository/)
    expect(existsSync(path.join(outside, 'x.md'))).toBe(false)
  })

  it('judge each folder once a run, and still refuse a document name that is a symlink out of the repo', async () => {
    const {config, repo} = await setup()
    const outside = path.join(os.tmpdir(), `sopkit-outside-file-${process.pid}.md`)
    writeFileSync(outside, 'theirs\n')
    expect(documentPath(config, {id: 'x', markets: ['SG'], type: 'sop'})).toBe(path.join(repo, 'sops/SG/x.md'))
    mkdirSync(path.join(repo, 'sops/SG'), {recursive: true})
    symlinkSync(outside, path.join(repo, 'sops/SG/evil.md'))
    expect(() => documentPath(config, {id: 'evil', markets: ['SG'], type: 'sop'})).toThrow(/outside the repository/)
    expect(documentPath(config, {id: 'y', markets: ['SG'], type: 'sop'})).toBe(path.join(repo, 'sops/SG/y.md'))
    expect(() => documentPath({...config, path: 'sops/.git'}, {id: 'x', markets: ['SG'], type: 'sop'})).toThrow(
      /inside \.git/,
    )
  })

  it('an explicit --output goes where the user says (a folder gets <id>.md)', async () => {
    const {config, library, templates, repo} = await setup()
    const answers = {title: 'Refund escalation', markets: ['GLOBAL'], channels: ['chatbot'], owner: '@cs'}
    const elsewhere = path.join(os.tmpdir(), `sopkit-out-${process.pid}`)
    const planned = await prepareNew(
      config,
      library,
      templates,
      request({cwd: repo, template: 'sop', output: `${elsewhere}/`, answers}),
      noAsker,
    )
    expect(planned.target).toBe(path.join(elsewhere, 'refund-escalation.md'))
  })
})

describe('the market prompt', () => {
  it('offers a new variant every market but GLOBAL, with nothing pre-selected; the baseline prompt puts GLOBAL first', async () => {
    const {config} = await setup()
    const variant = marketChoices(config, '', {variant: true})
    expect(variant.map(c => c.value)).not.toContain('GLOBAL')
    expect(variant.map(c => c.value)).toEqual(marketCodes(config.taxonomy).filter(c => c !== 'GLOBAL'))
    expect(marketChoices(config, '', {preferred: 'GLOBAL'})[0]!.value).toBe('GLOBAL')
    expect(marketChoices(config, 'glob', {variant: true}).map(c => c.value)).not.toContain('GLOBAL')
    expect(marketChoices(config, 'sg', {variant: true})[0]!.value).toBe('SG')
  })
})
