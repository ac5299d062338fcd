// The pure assembly: which variant wins, what the filters keep, order, anchors, levels, links,
// the compliance appendix and the content hash. Each fixture says which document should win.
import {describe, expect, it} from 'vitest'
import {assemblePlaybook, demote} from '../../src/export/assemble.js'
import {checkOptions, exportDate} from '../../src/export/options.js'
import {resolvedLabel} from '../../src/export/labels.js'
import {chunksOf} from '../../src/export/render/chunks.js'
import {SopkitError} from '../../src/core/errors.js'
import {baseline, library, options, playbookOf, variant} from './fixtures.js'

const FAMILY = {
  'sops/global/refund-escalation.md': baseline('refund-escalation'),
  'sops/EU/refund-escalation.md': variant('refund-escalation', ['EU']),
  'sops/DE/refund-escalation.md': variant('refund-escalation', ['DE']),
}

const files = (p: {documents: Array<{file: string}>}) => p.documents.map(d => d.file)

describe('variant resolution (market > region > GLOBAL)', () => {
  it('DE reads its own variant over the EU one and the baseline', async () => {
    const p = await playbookOf(FAMILY, 'DE')
    expect(files(p)).toEqual(['sops/DE/refund-escalation.md'])
    expect(p.documents[0]!.resolved).toEqual({via: 'market'})
  })

  it('FR, with no variant of its own, reads the EU variant', async () => {
    const p = await playbookOf(FAMILY, 'FR')
    expect(files(p)).toEqual(['sops/EU/refund-escalation.md'])
    expect(p.documents[0]!.resolved).toEqual({via: 'region', region: 'EU'})
  })

  it('US, outside every region with a variant, reads the GLOBAL baseline', async () => {
    const p = await playbookOf(FAMILY, 'US')
    expect(files(p)).toEqual(['sops/global/refund-escalation.md'])
    expect(p.documents[0]!.resolved).toEqual({via: 'baseline'})
  })

  it('a family without a baseline or a variant for the market is left out', async () => {
    const p = await playbookOf({'sops/SG/sg-only.md': variant('sg-only', ['SG'])}, 'DE')
    expect(p.documents).toEqual([])
  })
})

describe('filters', () => {
  it('leaves drafts out by default, and a draft variant falls back to the approved baseline', async () => {
    const p = await playbookOf(
      {
        'sops/global/a.md': baseline('a'),
        'sops/DE/a.md': variant('a', ['DE'], {status: 'draft'}),
        'sops/global/b.md': baseline('b', {status: 'draft'}),
      },
      'DE',
    )
    expect(files(p)).toEqual(['sops/global/a.md'])
    expect(p.skipped).toEqual([{id: 'a', file: 'sops/DE/a.md', status: 'draft', shown: 'sops/global/a.md'}])
  })

  it('names a draft variant in the source label, never "no DE variant"', async () => {
    const p = await playbookOf(
      {'sops/global/a.md': baseline('a'), 'sops/DE/a.md': variant('a', ['DE'], {status: 'draft'})},
      'DE',
    )
    expect(p.documents[0]!.pending).toEqual({file: 'sops/DE/a.md', status: 'draft'})
    const label = resolvedLabel(p.documents[0]!, 'DE')
    expect(label).toBe('GLOBAL baseline (sops/DE/a.md is draft, not in force)')
    expect(label).not.toContain('no DE variant')
    expect(chunksOf(p)[0]!.pending_variant).toEqual({file: 'sops/DE/a.md', status: 'draft'})
  })

  it('--status selects other statuses (several at once)', async () => {
    const p = await playbookOf(
      {
        'sops/global/a.md': baseline('a'),
        'sops/DE/a.md': variant('a', ['DE'], {status: 'draft'}),
        'sops/global/b.md': baseline('b', {status: 'in-review'}),
      },
      'DE',
      {statuses: ['draft', 'in-review']},
    )
    expect(files(p).sort()).toEqual(['sops/DE/a.md', 'sops/global/b.md'])
  })

  it('--channel keeps documents for one of the channels, judged on the document the market reads', async () => {
    const p = await playbookOf(
      {
        'sops/global/a.md': baseline('a', {channels: ['chatbot', 'ai-agent']}),
        // DE's own variant is not for the AI agent, so the baseline's channels do not bring it back.
        'sops/DE/a.md': variant('a', ['DE'], {channels: ['agent-assisted']}),
        'sops/global/b.md': baseline('b', {channels: ['ai-agent']}),
        'sops/global/c.md': baseline('c', {channels: ['email']}),
      },
      'DE',
      {channels: ['ai-agent']},
    )
    expect(files(p)).toEqual(['sops/global/b.md'])
    const both = await playbookOf(
      {
        'sops/global/b.md': baseline('b', {channels: ['ai-agent']}),
        'sops/global/c.md': baseline('c', {channels: ['email']}),
      },
      'DE',
      {channels: ['ai-agent', 'email']},
    )
    expect(files(both)).toEqual(['sops/global/b.md', 'sops/global/c.md'])
  })

  it('--type keeps documents of the given types', async () => {
    const p = await playbookOf(
      {
        'sops/global/a.md': baseline('a', {type: 'sop'}),
        'sops/global/b.md': baseline('b', {type: 'policy'}),
      },
      'DE',
      {types: ['policy']},
    )
    expect(files(p)).toEqual(['sops/global/b.md'])
  })
})

describe('order', () => {
  const mixed = {
    'sops/global/z.md': baseline('z', {title: 'Zebra crossing', type: 'sop'}),
    'sops/global/p.md': baseline('p', {title: 'Policy one', type: 'policy'}),
    'sops/global/a.md': baseline('a', {title: 'alpha', type: 'sop'}),
    'sops/global/s.md': baseline('s', {title: 'Strategy', type: 'strategy'}),
  }

  it('is by type in the config order, then by title (case-insensitive)', async () => {
    const p = await playbookOf(mixed, 'DE')
    expect(p.documents.map(d => d.title)).toEqual(['alpha', 'Zebra crossing', 'Strategy', 'Policy one'])
    expect(p.toc.map(g => g.type)).toEqual(['sop', 'strategy', 'policy'])
  })

  it('follows a configured type order', async () => {
    const lib = await library(mixed, {order: ['policy', 'strategy', 'sop']})
    expect(assemblePlaybook(lib, options('DE')).documents.map(d => d.id)).toEqual(['p', 's', 'a', 'z'])
  })
})

describe('type labels', () => {
  it("heads each group with its type's name from the config, built-in or custom", async () => {
    const lib = await library(
      {
        'sops/global/a.md': baseline('a'),
        'sops/global/m.md': baseline('m', {type: 'memo'}, '# m\n\n## Body\n'),
      },
      {types: {sop: {name: 'Procedures'}, memo: {name: 'Internal memos', sections: ['Body']}}},
    )
    expect(assemblePlaybook(lib, options('DE')).toc.map(g => [g.type, g.label])).toEqual([
      ['sop', 'Procedures'],
      ['memo', 'Internal memos'],
    ])
  })
})

describe('anchors and heading levels', () => {
  const body = `# Title

Intro text.

## Procedure

### Step

## Procedure

###### Deep

## Escalation
`

  it('gives each document doc-<id> and each section doc-<id>--<slug>, repeats numbered as GitHub does', async () => {
    const p = await playbookOf({'sops/global/refund-escalation.md': baseline('refund-escalation', {}, body)}, 'DE')
    const d = p.documents[0]!
    expect(d.anchor).toBe('doc-refund-escalation')
    expect(d.sections.map(s => s.anchor)).toEqual([
      'doc-refund-escalation--procedure',
      'doc-refund-escalation--step',
      'doc-refund-escalation--procedure-1',
      'doc-refund-escalation--deep',
      'doc-refund-escalation--escalation',
    ])
    expect(d.preamble).toBe('Intro text.')
  })

  it('numbers sections as GitHub numbers the headings, title included, and maps GitHub anchors to them', async () => {
    const notes =
      '# Notes\n\n## Notes\n\n## `npm ci` *fails* on [CI](https://ci.example.com)\n\n## Notes\n\n## นโยบายการคืนเงิน\n\n## m² and ½\n'
    const links =
      '\n## Links\n\n[a](#notes-1) [b](#npm-ci-fails-on-ci) [c](#notes-2) [d](#นโยบายการคืนเงิน) [e](#m-and-) [f](#notes)\n'
    const p = await playbookOf({'sops/global/n.md': baseline('n', {}, notes + links)}, 'DE')
    const d = p.documents[0]!
    expect(d.sections.map(s => s.anchor)).toEqual([
      'doc-n--notes-1',
      'doc-n--npm-ci-fails-on-ci',
      'doc-n--notes-2',
      'doc-n--นโยบายการคืนเงิน',
      'doc-n--m-and-',
      'doc-n--links',
    ])
    expect(d.links.map(l => l.target)).toEqual([
      {kind: 'external'},
      {kind: 'internal', id: 'n', anchor: 'doc-n--notes-1'},
      {kind: 'internal', id: 'n', anchor: 'doc-n--npm-ci-fails-on-ci'},
      {kind: 'internal', id: 'n', anchor: 'doc-n--notes-2'},
      {kind: 'internal', id: 'n', anchor: 'doc-n--นโยบายการคืนเงิน'},
      {kind: 'internal', id: 'n', anchor: 'doc-n--m-and-'},
      {kind: 'internal', id: 'n', anchor: 'doc-n'},
    ])
  })

  it('demotes headings under the document title (level 2) and caps them at 6', async () => {
    const p = await playbookOf({'sops/global/a.md': baseline('a', {}, body)}, 'DE')
    expect(p.documents[0]!.sections.map(s => [s.depth, s.level])).toEqual([
      [2, 3],
      [3, 4],
      [2, 3],
      [6, 6],
      [2, 3],
    ])
    expect([1, 2, 3, 4, 5, 6].map(demote)).toEqual([3, 3, 4, 5, 6, 6])
  })

  it('keeps anchors stable whatever else the playbook holds', async () => {
    const alone = await playbookOf({'sops/global/b.md': baseline('b')}, 'DE')
    const crowded = await playbookOf(
      {'sops/global/a.md': baseline('a'), 'sops/global/b.md': baseline('b'), 'sops/global/c.md': baseline('c')},
      'DE',
    )
    expect(crowded.documents.find(d => d.id === 'b')!.sections).toEqual(alone.documents[0]!.sections)
  })

  it('never hands out one anchor twice, even to ids that slug alike', async () => {
    const p = await playbookOf({'sops/global/a.md': baseline('a_b'), 'sops/global/b.md': baseline('a-b')}, 'DE')
    const all = p.documents.flatMap(d => [d.anchor, ...d.sections.map(s => s.anchor)])
    expect(new Set(all).size).toBe(all.length)
  })
})

describe('links', () => {
  const body = `# A

## Purpose

See [B](../global/b.md), [B's escalation](../global/b.md#escalation), [B via DE](../DE/b.md),
[C](../global/c.md), [web](https://example.com/x), [mail](mailto:help@example.com),
[evil](javascript:alert(1)), [own](#purpose) and [gone](./missing.md).
`

  it('rewrites links to documents in the playbook to playbook anchors, whichever variant they named', async () => {
    const p = await playbookOf(
      {
        'sops/global/a.md': baseline('a', {}, body),
        'sops/global/b.md': baseline('b'),
        'sops/DE/b.md': variant('b', ['DE']),
        'sops/global/c.md': baseline('c', {status: 'draft'}),
      },
      'DE',
    )
    const a = p.documents.find(d => d.id === 'a')!
    const target = (url: string) => a.links.find(l => l.url === url)?.target
    expect(target('../global/b.md')).toEqual({kind: 'internal', id: 'b', anchor: 'doc-b'})
    expect(target('../global/b.md#escalation')).toEqual({kind: 'internal', id: 'b', anchor: 'doc-b--escalation'})
    expect(target('../DE/b.md')).toEqual({kind: 'internal', id: 'b', anchor: 'doc-b'})
    expect(target('#purpose')).toEqual({kind: 'internal', id: 'a', anchor: 'doc-a--purpose'})
    expect(target('../global/c.md')).toEqual({kind: 'outside', path: 'sops/global/c.md'})
    expect(target('./missing.md')).toEqual({kind: 'outside', path: 'sops/global/missing.md'})
    expect(target('https://example.com/x')).toEqual({kind: 'external'})
    expect(target('mailto:help@example.com')).toEqual({kind: 'external'})
    expect(target('javascript:alert(1)')).toEqual({kind: 'unsafe'})
    expect(p.outsideLinks).toEqual([
      {id: 'a', file: 'sops/global/a.md', url: '../global/c.md', path: 'sops/global/c.md'},
      {id: 'a', file: 'sops/global/a.md', url: './missing.md', path: 'sops/global/missing.md'},
    ])
  })
})

describe('cover and compliance appendix', () => {
  const lib = {
    'sops/global/a.md': baseline('a'),
    'sops/DE/a.md': variant('a', ['DE'], {compliance: ['GDPR', 'PSD2']}),
    'sops/global/b.md': baseline('b', {compliance: ['PSD2']}),
  }

  it('lists each regime (tag → name → documents), marking those the market requires', async () => {
    const p = await playbookOf(lib, 'DE')
    expect(p.compliance.map(c => [c.tag, c.appliesToMarket, c.documents.map(d => d.id)])).toEqual([
      ['GDPR', true, ['a']],
      ['PSD2', false, ['a', 'b']],
    ])
    expect(p.compliance[0]!.name).toMatch(/General Data Protection Regulation/)
  })

  it('names a regime the market requires even when no document declares it', async () => {
    const p = await playbookOf({'sops/global/b.md': baseline('b')}, 'SG')
    expect(p.compliance).toEqual([{tag: 'SG-PDPA', name: expect.any(String), appliesToMarket: true, documents: []}])
  })

  it('carries market, name, date, count and a content hash of the inputs', async () => {
    const p = await playbookOf(lib, 'DE')
    expect(p.market).toEqual({code: 'DE', name: 'Germany'})
    expect([p.date, p.documents.length, p.generator]).toEqual(['2026-05-01', 2, 'sopkit export'])
    expect(p.hash).toMatch(/^[0-9a-f]{64}$/)
    expect((await playbookOf(lib, 'DE')).hash).toBe(p.hash)
    const edited = await playbookOf(
      {...lib, 'sops/global/b.md': baseline('b', {compliance: ['PSD2']}, '# b\n\n## Purpose\n\nChanged.\n')},
      'DE',
    )
    expect(edited.hash).not.toBe(p.hash)
  })

  it('the playbook is the same whatever order the files were found in', async () => {
    const reversed = Object.fromEntries(Object.entries(lib).reverse())
    expect(await playbookOf(reversed, 'DE')).toEqual(await playbookOf(lib, 'DE'))
  })
})

describe('options', () => {
  it('rejects unknown markets, channels, types and statuses with a did-you-mean', async () => {
    const {config} = await library({})
    const check = (o: Partial<ReturnType<typeof options>>): [string, string] | undefined => {
      try {
        checkOptions(config, {...options('DE'), ...o})
        return undefined
      } catch (error) {
        if (error instanceof SopkitError) return [error.code, error.message]
        throw error
      }
    }
    expect(check({market: 'DX'})).toEqual(['UNKNOWN_MARKET', '--market DX: unknown market (did you mean "DE"?)'])
    expect(check({channels: ['ai-agnt']})).toEqual([
      'UNKNOWN_CHANNEL',
      '--channel ai-agnt: unknown channel (did you mean "ai-agent"?)',
    ])
    expect(check({types: ['sopp']})?.[0]).toBe('UNKNOWN_TYPE')
    expect(check({statuses: ['aproved']})).toEqual([
      'UNKNOWN_STATUS',
      '--status aproved: unknown status (did you mean "approved"?)',
    ])
    expect(check({market: 'EU'})).toBeUndefined()
    expect(check({market: 'GLOBAL'})).toBeUndefined()
  })

  it('takes the date from --date, else SOURCE_DATE_EPOCH, else today', () => {
    expect(exportDate('2026-05-01', {SOURCE_DATE_EPOCH: '0'})).toBe('2026-05-01')
    expect(exportDate(undefined, {SOURCE_DATE_EPOCH: '1777593600'})).toBe('2026-05-01')
    expect(exportDate(undefined, {})).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(() => exportDate('2026-02-30', {})).toThrow(/not a calendar date/)
    expect(() => exportDate(undefined, {SOURCE_DATE_EPOCH: 'yesterday'})).toThrow(/SOURCE_DATE_EPOCH/)
  })
})
