// The words of a playbook in each language: a label set per language (en and de built in; a repo
// adds or overrides one with templates/export/labels/<language>.json), chosen by the market's
// `language` in the config. `{name}`-style slots are filled where the words are used.
import {existsSync, lstatSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import type {Config} from '../core/config.js'
import {ConfigError} from '../core/errors.js'

export const ENGLISH = {
  kicker: 'Customer-service playbook',
  playbookTitle: '{name} ({code}) playbook',
  playbook: 'Playbook',
  market: 'Market',
  date: 'Date',
  documents: 'Documents',
  selection: 'Selection',
  contentHash: 'Content hash',
  coverNote:
    "Each document is {market}'s own variant where one exists, else its region's, else the GLOBAL baseline; the badge in the contents says which.",
  contents: 'Contents',
  backToContents: '↑ Contents',
  noMatch: 'No document matches this selection.',
  appendix: 'Appendix',
  compliance: 'Compliance',
  complianceNote:
    'Each regime the documents declare, and each regime that applies in {market}, with the documents that carry it.',
  appliesIn: 'Applies in {market}',
  noDocumentDeclares: 'No document in this playbook declares it.',
  outsideLinks: 'Links outside this playbook',
  outsideLinksNote:
    'These links point to documents this playbook does not hold; they are shown as text with their path.',
  skipped: 'Variants not included',
  skippedLine: '{file} is {status}; this playbook shows {shown}.',
  field: 'Field',
  value: 'Value',
  deviationsHeading: 'Approved deviations from the GLOBAL baseline',
  noReason: 'no reason given',
  approvedBy: 'approved by {approver}',
  until: 'until {date}',
  status: 'status',
  channel: 'channel',
  type: 'type',
  metaId: 'ID',
  metaType: 'Type',
  metaVersion: 'Version',
  basedOn: '{version} (based on baseline {basedOn})',
  metaStatus: 'Status',
  metaOwner: 'Owner',
  metaMarkets: 'Markets',
  metaChannels: 'Channels',
  metaCompliance: 'Compliance',
  metaEffective: 'Effective',
  metaReviewBy: 'Review by',
  metaSource: 'Source',
  marketVariant: '{market} variant',
  regionVariant: "{region} variant ({market} reads its region's)",
  globalBaseline: 'GLOBAL baseline',
  noMarketVariant: 'GLOBAL baseline (no {market} variant)',
  pendingVariant: '{file} is {status}, not in force',
  beforePublish: 'Before you publish',
  beforePublishNote:
    'sopkit check finds these problems in documents of this playbook; agents would read them as they stand.',
  drift: 'Unapproved drift',
  conflict: 'Upstream conflict',
  missingRegime: 'Missing regime',
  notYetEffective: 'Not yet in effect',
  notYetEffectiveLine: '{file} ({title}) takes effect on {date}; left out.',
  notYetEffectiveShown: '{file} ({title}) takes effect on {date}; left out, this playbook shows {shown}.',
}

export type LabelSet = typeof ENGLISH

const GERMAN: LabelSet = {
  kicker: 'Kundenservice-Playbook',
  playbookTitle: 'Playbook {name} ({code})',
  playbook: 'Playbook',
  market: 'Markt',
  date: 'Datum',
  documents: 'Dokumente',
  selection: 'Auswahl',
  contentHash: 'Inhalts-Hash',
  coverNote:
    'Jedes Dokument ist die eigene Variante für {market}, wo es eine gibt, sonst die seiner Region, sonst die GLOBAL-Grundfassung; das Kennzeichen im Inhaltsverzeichnis sagt, welche.',
  contents: 'Inhalt',
  backToContents: '↑ Inhalt',
  noMatch: 'Kein Dokument passt zu dieser Auswahl.',
  appendix: 'Anhang',
  compliance: 'Compliance',
  complianceNote:
    'Jede Regelung, die die Dokumente angeben, und jede, die in {market} gilt, mit den Dokumenten, die sie tragen.',
  appliesIn: 'Gilt in {market}',
  noDocumentDeclares: 'Kein Dokument dieses Playbooks gibt sie an.',
  outsideLinks: 'Links außerhalb dieses Playbooks',
  outsideLinksNote:
    'Diese Links zeigen auf Dokumente, die nicht in diesem Playbook stehen; sie erscheinen als Text mit ihrem Pfad.',
  skipped: 'Nicht aufgenommene Varianten',
  skippedLine: '{file} ist {status}; dieses Playbook zeigt {shown}.',
  field: 'Feld',
  value: 'Wert',
  deviationsHeading: 'Genehmigte Abweichungen von der GLOBAL-Grundfassung',
  noReason: 'ohne Begründung',
  approvedBy: 'genehmigt von {approver}',
  until: 'bis {date}',
  status: 'Status',
  channel: 'Kanal',
  type: 'Typ',
  metaId: 'ID',
  metaType: 'Typ',
  metaVersion: 'Version',
  basedOn: '{version} (beruht auf Grundfassung {basedOn})',
  metaStatus: 'Status',
  metaOwner: 'Verantwortlich',
  metaMarkets: 'Märkte',
  metaChannels: 'Kanäle',
  metaCompliance: 'Compliance',
  metaEffective: 'Gültig ab',
  metaReviewBy: 'Prüfen bis',
  metaSource: 'Quelle',
  marketVariant: 'Variante {market}',
  regionVariant: 'Variante {region} ({market} liest die seiner Region)',
  globalBaseline: 'GLOBAL-Grundfassung',
  noMarketVariant: 'GLOBAL-Grundfassung (keine Variante {market})',
  pendingVariant: '{file} ist {status}, nicht in Kraft',
  beforePublish: 'Vor der Veröffentlichung',
  beforePublishNote:
    'sopkit check findet diese Probleme in Dokumenten dieses Playbooks; Agenten würden sie so lesen, wie sie sind.',
  drift: 'Nicht genehmigte Abweichung',
  conflict: 'Konflikt mit der Grundfassung',
  missingRegime: 'Fehlende Regelung',
  notYetEffective: 'Noch nicht in Kraft',
  notYetEffectiveLine: '{file} ({title}) gilt ab {date}; nicht aufgenommen.',
  notYetEffectiveShown: '{file} ({title}) gilt ab {date}; nicht aufgenommen, dieses Playbook zeigt {shown}.',
}

// A map, not an object: a language named `constructor` finds nothing.
const BUILT_IN = new Map<string, LabelSet>([
  ['en', ENGLISH],
  ['de', GERMAN],
])

function repoSetsDir(config: Config): string {
  return path.resolve(config.root, config.templates, 'export', 'labels')
}

/** Every label set's name: the built-in ones and the repo's `templates/export/labels/*.json`. */
export function labelSetNames(config: Config): string[] {
  const dir = repoSetsDir(config)
  const repo = existsSync(dir)
    ? readdirSync(dir)
        .filter(f => f.endsWith('.json'))
        .map(f => f.slice(0, -5))
    : []
  return [...new Set([...BUILT_IN.keys(), ...repo])].sort()
}

/** The language a market's playbook is written in: the config's `taxonomy.markets.<M>.language`, else English. */
export function marketLanguage(config: Config, market: string): string {
  return config.taxonomy.markets[market]?.language ?? 'en'
}

/** Every market's `language` names a label set: checked before any playbook is assembled, every problem at once. */
export function checkLanguages(config: Config): void {
  const known = labelSetNames(config)
  const problems = Object.entries(config.taxonomy.markets)
    .filter(([, m]) => m.language !== undefined && !known.includes(m.language))
    .map(
      ([code, m]) =>
        `taxonomy.markets.${code}.language: no label set "${m.language}", expected one of ${known.join(', ')}`,
    )
  if (problems.length > 0) throw new ConfigError(config.file ?? 'config', problems)
}

/**
 * The label set for a language: the repo's file (its strings over English, so a missing key reads
 * in English) else the built-in set. An unknown language is the config's error, listing the sets.
 */
export function labelSet(config: Config, language: string, market: string): LabelSet {
  const file = path.join(repoSetsDir(config), `${language}.json`)
  if (/^[A-Za-z][\w-]*$/.test(language) && existsSync(file) && lstatSync(file).isFile()) {
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      throw new ConfigError(path.relative(config.root, file) || file, [
        `cannot be parsed: ${(error as Error).message.split('\n')[0]}`,
      ])
    }
    const strings = Object.entries(parsed && typeof parsed === 'object' ? parsed : {}).filter(
      (e): e is [keyof LabelSet, string] => Object.hasOwn(ENGLISH, e[0]) && typeof e[1] === 'string',
    )
    return {...(BUILT_IN.get(language) ?? ENGLISH), ...Object.fromEntries(strings)}
  }
  const set = BUILT_IN.get(language)
  if (set) return set
  throw new ConfigError(config.file ?? 'config', [
    `taxonomy.markets.${market}.language: no label set "${language}", expected one of ${labelSetNames(config).join(', ')} (or add ${path.relative(config.root, file)})`,
  ])
}
