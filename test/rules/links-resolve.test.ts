import {mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {SOP_BODY} from '../helpers/docs.js'
import {positionOf, lintFixture, ofRule, runFixture, sop} from './harness.js'

const RULE = 'links-resolve'

const TARGET = sop(
  {id: 'order-not-received', title: 'Order not received'},
  {body: SOP_BODY.replace('# Refund escalation', '# Order not received')},
)

/** Lint sops/global/doc.md (an SOP whose Escalation section says `line`) beside sops/global/target.md. */
async function linkFindings(
  line: string,
  extraFiles: Record<string, string> = {},
  symlinks: Record<string, string> = {},
): Promise<{text: string; found: string[]}> {
  const text = sop({}, {body: `${SOP_BODY}\n${line}\n`})
  const findings = ofRule(
    await lintFixture({'sops/global/doc.md': text, 'sops/global/target.md': TARGET, ...extraFiles}, {symlinks}),
    RULE,
  )
  return {text, found: findings.map(f => `${f.file} ${f.messageId}@${f.line}:${f.column}`)}
}

/** `sops/global/doc.md messageId@line:col` of `needle` in `text`. */
function inDoc(messageId: string, text: string, needle: string): string {
  const {line, column} = positionOf(text, needle, text.indexOf('## Escalation'))
  return `sops/global/doc.md ${messageId}@${line}:${column}`
}

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('reports a link to a missing file at the link', async () => {
    const {text, found} = await linkFindings('See [the policy](refund-policy.md).')
    expect(found).toEqual([inDoc('missing', text, '[the policy]')])
  })

  it('accepts a link to an existing file, by relative path or from the repo root', async () => {
    expect(
      (await linkFindings('See [target](target.md), [again](./target.md) and [root](../../sops/global/target.md).'))
        .found,
    ).toEqual([])
    expect(
      (
        await linkFindings('See [German](../DE/de.md).', {
          'sops/DE/de.md': sop({id: 'de-doc', markets: '[DE]', compliance: '[GDPR]'}),
        })
      ).found,
    ).toEqual([])
  })

  it('reports an image whose file is missing, at the image', async () => {
    const {text, found} = await linkFindings('![Flow](img/flow.png) shows the route.')
    expect(found).toEqual([inDoc('missing-image', text, '![Flow]')])
  })

  it('accepts an image that exists (query and fragment aside) and ignores external ones', async () => {
    const line =
      '![flow](img/flow.svg?raw=1) ![logo](https://example.com/missing.png) ![data](data:image/png;base64,AAAA)'
    expect(
      (await linkFindings(line, {'sops/global/img/flow.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>'})).found,
    ).toEqual([])
  })

  it('reports an image that leaves the repository', async () => {
    const {text, found} = await linkFindings('![secret](../../../etc/logo.png)')
    expect(found).toEqual([inDoc('outside-image', text, '![secret]')])
  })

  it('reports an anchor that matches no heading of the target', async () => {
    const {text, found} = await linkFindings('See [steps](target.md#no-such-heading).')
    expect(found).toEqual([inDoc('anchor', text, '[steps]')])
  })

  it("accepts anchors of the target's headings, sub-sections and title, in any case", async () => {
    const line =
      'See [a](target.md#escalation), [b](target.md#refund-above-limit), [c](target.md#order-not-received), [d](target.md#Scope).'
    expect((await linkFindings(line)).found).toEqual([])
  })

  it("accepts every anchor GitHub gives the target's headings: repeats numbered, inline markup, emoji, any script", async () => {
    const headings = [
      'Notes',
      'Notes',
      '`npm ci` *fails* on [CI](https://ci.example.com)',
      '🚀 Launch',
      'นโยบายการคืนเงิน',
      'm² and ½',
      'Hand-off & SLA (2h)',
      'Ünïcödé'.normalize('NFD'),
    ]
    const target = sop(
      {id: 'notes', title: 'Notes'},
      {body: `# Notes\n\n${headings.map(h => `## ${h}\n\nText.\n`).join('\n')}`},
    )
    const anchors = [
      'notes',
      'notes-1',
      'notes-2',
      'npm-ci-fails-on-ci',
      '-launch',
      'นโยบายการคืนเงิน',
      encodeURIComponent('นโยบายการคืนเงิน'),
      'm-and-',
      'hand-off--sla-2h',
      'Ünïcödé'.normalize('NFD').toLowerCase(),
    ]
    const line = anchors.map((a, i) => `[${i}](notes.md#${a})`).join(' ')
    expect((await linkFindings(line, {'sops/global/notes.md': target})).found).toEqual([])
    const {text, found} = await linkFindings('See [the third](notes.md#notes-3).', {'sops/global/notes.md': target})
    expect(found).toEqual([inDoc('anchor', text, '[the third]')])
  })

  it('checks anchors within the same document', async () => {
    expect((await linkFindings('Back to [procedure](#procedure).')).found).toEqual([])
    const {text, found} = await linkFindings('Back to [nowhere](#nowhere).')
    expect(found).toEqual([inDoc('anchor', text, '[nowhere]')])
  })

  it('ignores external links', async () => {
    const line =
      'Read [guide](https://example.com/missing.md#x), [mail](mailto:cs@example.com), [proto](//cdn.example.com/x.md) and <https://example.com/y.md>.'
    expect((await linkFindings(line)).found).toEqual([])
  })

  it('reports a link that leaves the repository, without looking at the file', async () => {
    const {text, found} = await linkFindings('Never [this](../../../etc/passwd).')
    expect(found).toEqual([inDoc('outside', text, '[this]')])
  })

  it('checks reference definitions, at the definition', async () => {
    const {text, found} = await linkFindings('See [the policy][policy].\n\n[policy]: ./refund-policy.md')
    expect(found).toEqual([inDoc('missing', text, '[policy]: ')])
  })

  it('decodes percent-encoded paths', async () => {
    const line = 'See [spaced](my%20notes.md#purpose).'
    expect((await linkFindings(line, {'sops/global/my notes.md': sop({id: 'my-notes'})})).found).toEqual([])
  })

  it('ignores link syntax inside code', async () => {
    expect((await linkFindings('Write `[x](missing.md)` like this.\n\n```md\n[y](missing.md)\n```')).found).toEqual([])
  })

  it('accepts a link to an existing file that is not a document, without checking its anchor', async () => {
    expect((await linkFindings('See [folder](../global/).')).found).toEqual([])
  })

  it('is an error', async () => {
    const findings = ofRule(
      await lintFixture({'sops/global/doc.md': sop({}, {body: `${SOP_BODY}\n[x](gone.md)\n`})}),
      RULE,
    )
    expect(findings.map(f => f.severity)).toEqual(['error'])
  })

  describe('resolves only to real files inside the repository', () => {
    const outside = path.join(mkdtempSync(path.join(os.tmpdir(), 'sopkit-outside-')), 'secret.txt')
    writeFileSync(outside, 'not the repo\n')

    it('does not resolve an in-repo symlink to a file outside the repository', async () => {
      const {text, found} = await linkFindings(
        'See [notes](notes.txt) and [doc](secret.md).',
        {},
        {'sops/global/notes.txt': outside, 'sops/global/secret.md': outside},
      )
      expect(found).toEqual([inDoc('outside', text, '[notes]'), inDoc('outside', text, '[doc]')])
    })

    it('does not resolve an image through a symlink that leaves the repository', async () => {
      const {text, found} = await linkFindings('![logo](logo.png)', {}, {'sops/global/logo.png': outside})
      expect(found).toEqual([inDoc('outside-image', text, '![logo]')])
    })

    it('never resolves a link into .git/, however it is spelled', async () => {
      const line = 'See [config](../../.git/config), [root](/.git/HEAD) and [dotted](../.././.git/config).'
      const {text, found} = await linkFindings(line, {'.git/config': '[core]\n', '.git/HEAD': 'ref: refs/heads/main\n'})
      expect(found).toEqual([
        inDoc('outside', text, '[config]'),
        inDoc('outside', text, '[root]'),
        inDoc('outside', text, '[dotted]'),
      ])
    })

    it('follows a symlink that stays inside the repository', async () => {
      expect((await linkFindings('See [alias](alias.md).', {}, {'sops/global/alias.md': 'target.md'})).found).toEqual(
        [],
      )
    })
  })
})
