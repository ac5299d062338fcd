// The pure assembly: library + options → playbook model. No I/O, no printing, no clock: every
// renderer draws from this one model, so all formats hold the same documents in the same order.
import {createHash} from 'node:crypto'
import type {Config} from '../core/config.js'
import type {SopDocument} from '../core/document.js'
import {type Library, type Resolution, readingFor} from '../core/library.js'
import {requireApplied} from '../core/overlay.js'
import {isCalendarDate} from '../core/dates.js'
import {GLOBAL, requiredCompliance} from '../core/taxonomy.js'
import {headingAnchors} from '../core/anchors.js'
import {AnchorSet, documentAnchor} from './anchors.js'
import {ENGLISH} from './label-sets.js'
import {marketName} from './labels.js'
import {type LinkContext, resolveLink} from './links.js'
import {
  type ComplianceEntry,
  GENERATOR,
  type NotYetEffective,
  type OutsideLink,
  type Playbook,
  type PlaybookDocument,
  type PlaybookOptions,
  type PlaybookSection,
  type ResolvedVia,
  type SkippedVariant,
  type TocGroup,
} from './model.js'

interface Chosen {
  document: SopDocument
  resolved: ResolvedVia
  skipped?: SopDocument
}

/** Assemble market `options.market`'s playbook from the library. Options must be checked first (see options.ts). */
export function assemblePlaybook(library: Library, options: PlaybookOptions): Playbook {
  const {config} = library
  const selected = selectDocuments(library, options)
  const chosen = sortDocuments(config, selected.chosen)
  const anchors = new AnchorSet()
  const slugMaps = new Map<string, Map<string, string>>()
  const documents = chosen.map(c => buildDocument(c, anchors, slugMaps))
  // Every URL the one section model saw (links and definitions), once each, resolved after all anchors exist.
  const urls = chosen.map(c => [...new Set(c.document.outline.links.map(l => l.url))])
  const context: LinkContext = {
    fileToId: new Map(library.documents.filter(d => d.meta.id).map(d => [d.file, d.meta.id!])),
    included: new Map(documents.map(d => [d.id, {anchor: d.anchor, sections: slugMaps.get(d.id)!}])),
  }
  documents.forEach((d, i) => {
    d.links = urls[i]!.map(url => ({url, target: resolveLink(url, d.file, d.id, context)}))
  })
  return {
    generator: GENERATOR,
    market: {code: options.market, name: marketName(config.taxonomy, options.market)},
    date: options.date,
    language: options.language ?? 'en',
    labels: options.labels ?? ENGLISH,
    filters: {
      channels: [...options.channels].sort(),
      types: [...options.types].sort(),
      statuses: [...options.statuses].sort(),
    },
    hash: contentHash(chosen.map(c => c.document)),
    documents,
    toc: tocOf(config, documents),
    compliance: complianceOf(config, options.market, documents),
    outsideLinks: outsideLinksOf(documents),
    skipped: chosen
      .filter(c => c.skipped)
      .map((c): SkippedVariant => ({
        id: c.document.meta.id!,
        file: c.skipped!.file,
        status: c.skipped!.meta.status ?? 'no status',
        shown: c.document.file,
      })),
    notYetEffective: selected.later,
    beforePublish: [],
  }
}

/**
 * One document per family, through the one variant resolver. Status is applied before resolving
 * (a draft DE variant is not in force yet, so DE reads the approved baseline meanwhile); channel
 * and type after it (when DE's own variant is not for the AI agent, the baseline is not either).
 */
function selectDocuments(library: Library, options: PlaybookOptions): {chosen: Chosen[]; later: NotYetEffective[]} {
  const statuses = new Set(options.statuses)
  const ofStatus = (d: SopDocument) => statuses.has(d.meta.status ?? '')
  // A document takes effect on its `effective` date: before it, the market reads what it read until then.
  const inForce = (d: SopDocument) => ofStatus(d) && !takesEffectAfter(d, options.date)
  const out: Chosen[] = []
  const later: NotYetEffective[] = []
  for (const id of [...library.families.keys()].sort()) {
    const family = library.families.get(id)!
    const {read, pending} = readingFor(library.config.taxonomy, family, options.market, {inForce})
    const wanted = readingFor(library.config.taxonomy, family, options.market, {inForce: ofStatus}).read?.document
    if (wanted && wanted !== read?.document && matchesFilters(wanted, options))
      later.push({
        id,
        title: titleOf(wanted),
        file: wanted.file,
        effective: wanted.meta.effective ?? '',
        ...(read ? {shown: read.document.file} : {}),
      })
    if (!read || !matchesFilters(read.document, options)) continue
    const skipped = pending && pending.document !== wanted ? pending.document : undefined
    out.push({document: requireApplied(read.document), resolved: viaOf(read), skipped})
  }
  return {chosen: out, later}
}

/** True when the document's `effective` date (a calendar date) is after `date`. */
function takesEffectAfter(doc: SopDocument, date: string): boolean {
  const effective = doc.meta.effective
  return effective !== undefined && isCalendarDate(effective) && effective > date
}

function matchesFilters(doc: SopDocument, options: PlaybookOptions): boolean {
  if (options.channels.length > 0 && !doc.meta.channels.some(c => options.channels.includes(c))) return false
  if (options.types.length > 0 && !options.types.includes(doc.meta.type ?? '')) return false
  return true
}

function viaOf(resolution: Resolution): ResolvedVia {
  return resolution.via === 'region' ? {via: 'region', region: resolution.region} : {via: resolution.via}
}

const collator = new Intl.Collator('en', {sensitivity: 'base', numeric: true})

/** By type in the config's `order` (unlisted types after, by name), then title, then id. */
function sortDocuments(config: Config, chosen: Chosen[]): Chosen[] {
  const rank = (type: string | undefined) => {
    const i = config.order.indexOf(type ?? '')
    return i === -1 ? config.order.length : i
  }
  return [...chosen].sort((a, b) => {
    const [x, y] = [a.document.meta, b.document.meta]
    return (
      rank(x.type) - rank(y.type) ||
      (x.type ?? '').localeCompare(y.type ?? '') ||
      collator.compare(titleOf(a.document), titleOf(b.document)) ||
      (x.id! < y.id! ? -1 : x.id! > y.id! ? 1 : 0)
    )
  })
}

function titleOf(doc: SopDocument): string {
  return doc.meta.title ?? doc.outline.title?.text ?? doc.meta.id ?? doc.file
}

function buildDocument(
  chosen: Chosen,
  anchors: AnchorSet,
  slugMaps: Map<string, Map<string, string>>,
): PlaybookDocument {
  const doc = chosen.document
  const id = doc.meta.id!
  const anchor = anchors.claim(documentAnchor(id))
  const {title, sections: outlineSections} = doc.outline
  const body = doc.body
  const headingSlugs = headingAnchors(doc.outline).sections
  const bySlug = new Map<string, string>()
  const sections = outlineSections.map((s, i): PlaybookSection => {
    const headingSlug = headingSlugs[i] ?? ''
    const sectionAnchor = anchors.claim(`${anchor}--${headingSlug || 'section'}`)
    if (!bySlug.has(headingSlug)) bySlug.set(headingSlug, sectionAnchor)
    return {
      path: s.path,
      heading: s.heading,
      depth: s.depth,
      level: demote(s.depth),
      anchor: sectionAnchor,
      start: s.start,
      text: s.content,
    }
  })
  slugMaps.set(id, bySlug)
  const preambleStart = title ? lineEnd(body, title.start) : 0
  const preambleEnd = outlineSections[0]?.start ?? body.length
  return {
    id,
    title: titleOf(doc),
    anchor,
    file: doc.file,
    resolved: chosen.resolved,
    meta: doc.meta,
    body,
    ...(chosen.skipped
      ? {pending: {file: chosen.skipped.file, status: chosen.skipped.meta.status ?? 'no status'}}
      : {}),
    titleStart: title?.start,
    preamble: body.slice(preambleStart, Math.max(preambleStart, preambleEnd)).trim(),
    sections,
    links: [],
  }
}

/** Under the document's title (level 2): `##` becomes level 3; a stray second `#` too; never past 6. */
export function demote(depth: number): number {
  return Math.min(6, Math.max(3, depth + 1))
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from)
  return newline === -1 ? text.length : newline + 1
}

function contentHash(documents: readonly SopDocument[]): string {
  const hash = createHash('sha256')
  for (const d of documents) hash.update(`${d.file}\0${d.text}\0`)
  return hash.digest('hex')
}

/** The code a document was chosen for: the market itself, its region, or GLOBAL. */
function variantCode(d: PlaybookDocument): string {
  return d.resolved.via === 'region'
    ? d.resolved.region
    : d.resolved.via === 'baseline'
      ? GLOBAL
      : d.meta.markets.join(', ')
}

function tocOf(config: Config, documents: readonly PlaybookDocument[]): TocGroup[] {
  const groups: TocGroup[] = []
  for (const d of documents) {
    const type = d.meta.type ?? 'document'
    let group = groups.at(-1)
    if (group?.type !== type) groups.push((group = {type, label: config.types[type]?.name ?? type, documents: []}))
    group.documents.push({
      id: d.id,
      title: d.title,
      anchor: d.anchor,
      variant: variantCode(d),
      sections: d.sections.filter(s => s.depth === 2).map(s => ({heading: s.heading, anchor: s.anchor})),
    })
  }
  return groups
}

/** Every regime a document declares, and every regime the market requires (even when no document declares it). */
function complianceOf(config: Config, market: string, documents: readonly PlaybookDocument[]): ComplianceEntry[] {
  const applies = new Set(requiredCompliance(config, {markets: [market], channels: [], topics: []}).map(r => r.tag))
  const tags = new Set([...applies, ...documents.flatMap(d => d.meta.compliance)])
  return [...tags].sort().map(tag => ({
    tag,
    name: config.taxonomy.compliance[tag]?.name ?? tag,
    appliesToMarket: applies.has(tag),
    documents: documents
      .filter(d => d.meta.compliance.includes(tag))
      .map(d => ({id: d.id, title: d.title, anchor: d.anchor})),
  }))
}

function outsideLinksOf(documents: readonly PlaybookDocument[]): OutsideLink[] {
  return documents.flatMap(d =>
    d.links.flatMap(l =>
      l.target.kind === 'outside' ? [{id: d.id, file: d.file, url: l.url, path: l.target.path}] : [],
    ),
  )
}
