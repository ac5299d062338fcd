// Knowledge chunks for chatbot and AI-agent retrieval: one per section that has text of its own,
// each carrying its document's metadata so a retriever can filter by market, channel or regime.
import {PATH_SEPARATOR} from '../../core/sections.js'
import type {Playbook, PlaybookDocument, PlaybookSection} from '../model.js'

export interface Chunk {
  /** Unique in the playbook and stable across exports: the section's playbook anchor. */
  anchor: string
  id: string
  title: string
  market: string
  variant_file: string
  resolved_via: string
  /** The variant the market would read were it in force (a draft), when there is one. */
  pending_variant?: {file: string; status: string}
  type: string | null
  version: string | null
  status: string | null
  channels: string[]
  compliance: string[]
  heading_path: string[]
  section: string
  text: string
  links: Array<{url: string; anchor?: string; path?: string}>
}

/** The document-level fields every export shares (json's documents, and each chunk). */
export function documentRecord(doc: PlaybookDocument): Record<string, unknown> {
  const m = doc.meta
  return {
    id: doc.id,
    title: doc.title,
    anchor: doc.anchor,
    file: doc.file,
    resolved_via: viaText(doc),
    ...pendingOf(doc),
    type: m.type ?? null,
    version: m.version ?? null,
    status: m.status ?? null,
    owner: m.owner ?? null,
    markets: m.markets,
    channels: m.channels,
    compliance: m.compliance,
    topics: m.topics,
    effective: m.effective ?? null,
    review_by: m.review_by ?? null,
    based_on: m.based_on ?? null,
    deviations: m.deviations,
    targets: m.targets ?? null,
  }
}

function pendingOf(doc: PlaybookDocument): Pick<Chunk, 'pending_variant'> {
  return doc.pending ? {pending_variant: doc.pending} : {}
}

function viaText(doc: PlaybookDocument): string {
  return doc.resolved.via === 'region' ? `region:${doc.resolved.region}` : doc.resolved.via
}

export function chunksOf(playbook: Playbook): Chunk[] {
  return playbook.documents.flatMap(doc => {
    const parts: Array<{section?: PlaybookSection; text: string}> = [
      {text: doc.preamble},
      ...doc.sections.map(s => ({section: s, text: s.text})),
    ]
    return parts.filter(p => p.text !== '').map(p => chunk(playbook, doc, p.section, p.text))
  })
}

function chunk(playbook: Playbook, doc: PlaybookDocument, section: PlaybookSection | undefined, text: string): Chunk {
  const m = doc.meta
  return {
    anchor: section?.anchor ?? doc.anchor,
    id: doc.id,
    title: doc.title,
    market: playbook.market.code,
    variant_file: doc.file,
    resolved_via: viaText(doc),
    ...pendingOf(doc),
    type: m.type ?? null,
    version: m.version ?? null,
    status: m.status ?? null,
    channels: m.channels,
    compliance: m.compliance,
    heading_path: section ? section.path.split(PATH_SEPARATOR) : [],
    section: section?.path ?? '',
    text,
    links: linksIn(doc, text),
  }
}

/** Where the links written in this chunk's text go in the playbook (by URL, as the outline saw them). */
function linksIn(doc: PlaybookDocument, text: string): Chunk['links'] {
  return doc.links
    .filter(l => text.includes(`](${l.url}`) || text.includes(`]: ${l.url}`))
    .map(l =>
      l.target.kind === 'internal'
        ? {url: l.url, anchor: l.target.anchor}
        : l.target.kind === 'outside'
          ? {url: l.url, path: l.target.path}
          : {url: l.url},
    )
}

/** Cover data, shared by json and the jsonl header line. The generator key comes first: it is the mark. */
export function coverRecord(playbook: Playbook): Record<string, unknown> {
  return {
    generator: playbook.generator,
    format_version: 1,
    market: playbook.market,
    date: playbook.date,
    hash: `sha256:${playbook.hash}`,
    filters: playbook.filters,
    document_count: playbook.documents.length,
    before_publish: playbook.beforePublish,
    not_yet_effective: playbook.notYetEffective,
  }
}
