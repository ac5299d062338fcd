// The data a playbook layout sees (md and html alike): plain objects of strings, lists and
// booleans, every key always present (layouts run in handlebars' strict mode). `text` escapes a
// value for the target format; document content is passed in already rendered and sanitized.
import {fillPlaceholders} from '../../core/placeholders.js'
import {
  deviations as deviationsOf,
  filterSummary,
  metadataRows,
  notYetEffectiveLine,
  playbookTitle,
  publishKind,
  skippedLine,
} from '../labels.js'
import {type Playbook, shortHash} from '../model.js'

export function layoutView(
  playbook: Playbook,
  contents: readonly string[],
  text: (value: string) => string,
): Record<string, unknown> {
  // Every word of the layout, in the market's language, with the market's name in its slots.
  const labels = Object.fromEntries(
    Object.entries(playbook.labels).map(([key, value]) => [
      key,
      text(fillPlaceholders(value, {market: playbook.market.name})),
    ]),
  )
  return {
    generator: playbook.generator,
    language: playbook.language,
    labels,
    title: text(playbookTitle(playbook)),
    market: {code: text(playbook.market.code), name: text(playbook.market.name)},
    date: playbook.date,
    count: playbook.documents.length,
    hash: playbook.hash,
    hashShort: shortHash(playbook),
    filters: text(filterSummary(playbook)),
    toc: playbook.toc.map(g => ({
      label: text(g.label),
      documents: g.documents.map(d => ({
        title: text(d.title),
        anchor: d.anchor,
        variant: text(d.variant),
        sections: d.sections.map(s => ({heading: text(s.heading), anchor: s.anchor})),
      })),
    })),
    documents: playbook.documents.map((d, i) => {
      const deviations = deviationsOf(d, playbook.labels).map(x => ({section: text(x.section), detail: text(x.detail)}))
      return {
        id: text(d.id),
        title: text(d.title),
        anchor: d.anchor,
        file: text(d.file),
        meta: metadataRows(d, playbook).map(r => ({label: text(r.label), value: text(r.value)})),
        deviations,
        hasDeviations: deviations.length > 0,
        content: contents[i] ?? '',
      }
    }),
    compliance: playbook.compliance.map(c => ({
      tag: text(c.tag),
      name: text(c.name),
      appliesToMarket: c.appliesToMarket,
      hasDocuments: c.documents.length > 0,
      documents: c.documents.map(d => ({title: text(d.title), anchor: d.anchor})),
    })),
    hasCompliance: playbook.compliance.length > 0,
    outsideLinks: playbook.outsideLinks.map(l => ({file: text(l.file), path: text(l.path)})),
    hasOutsideLinks: playbook.outsideLinks.length > 0,
    skipped: playbook.skipped.map(s => ({
      file: text(s.file),
      status: text(s.status),
      shown: text(s.shown),
      line: text(skippedLine(s, playbook.labels)),
    })),
    hasSkipped: playbook.skipped.length > 0,
    hasAppendix: playbook.compliance.length + playbook.outsideLinks.length + playbook.skipped.length > 0,
    empty: playbook.documents.length === 0,
    beforePublish: playbook.beforePublish.map(i => ({
      kind: text(publishKind(i, playbook.labels)),
      title: text(i.title),
      anchor: i.anchor,
      file: text(i.file),
      line: i.line,
      message: text(i.message),
      mend: text(i.mend),
    })),
    hasBeforePublish: playbook.beforePublish.length > 0,
    notYetEffective: playbook.notYetEffective.map(d => ({
      title: text(d.title),
      file: text(d.file),
      effective: text(d.effective),
      shown: text(d.shown ?? ''),
      line: text(notYetEffectiveLine(d, playbook.labels)),
    })),
    hasNotYetEffective: playbook.notYetEffective.length > 0,
  }
}
