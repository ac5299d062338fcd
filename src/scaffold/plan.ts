// Planning is pure: complete answers (or a baseline) in, the path and full text of one document out.
// Nothing here touches the disk; the command writes the plan in one atomic step.
import type {Config} from '../core/config.js'
import {type Deviation, LIST_FIELDS, TEXT_FIELDS, type SopDocument} from '../core/document.js'
import {pathKey} from '../core/drift.js'
import {SopkitError} from '../core/errors.js'
import {relativeFile} from '../core/loader.js'
import {rebaseLinks} from '../core/rebase.js'
import type {BodyLink} from '../core/sections.js'
import {GLOBAL, didYouMean, requiredCompliance, suggest} from '../core/taxonomy.js'
import {ASKABLE_FIELDS, FIRST_VERSION, REVIEW_AFTER_DAYS, addDays, unique} from './fields.js'
import {documentText} from './front-matter.js'
import {documentPath} from './paths.js'
import {plainText, renderBody, type TemplateData} from './render.js'
import type {Template} from './templates.js'

/** Everything a new document needs; built by the answers step, checked before it gets here. */
export interface NewDocument {
  template: Template
  title: string
  id: string
  markets: string[]
  channels: string[]
  topics: string[]
  /** Tags wanted beyond the required ones (which are always added). */
  compliance: string[]
  owner: string
  /** The status to start in, when given (`sopkit import`); otherwise the first status. */
  status?: string
}

export interface VariantRequest {
  market: string
  title?: string
  owner?: string
  status?: string
  channels?: string[]
  compliance?: string[]
  /** Topics of the variant (default: the baseline's). */
  topics?: string[]
  /** An overlay variant (`inherit: sections`) starting with copies of `sections` (heading paths). */
  overlay?: boolean
  sections?: string[]
}

export interface PlannedDocument {
  /** Absolute path to write. */
  target: string
  content: string
  front: Record<string, unknown>
  /** What it was made from: "built-in template sop", or the baseline file a variant copies. */
  source: string
}

/** The compliance a document must carry, then any extra tags asked for. */
export function complianceFor(
  config: Config,
  facts: {markets: string[]; channels: string[]; type: string; topics: string[]; today: string},
  extra: readonly string[],
): string[] {
  return unique([...requiredCompliance(config, facts).map(r => r.tag), ...extra])
}

/** The status a new document starts in: draft, or the config's first status if it has no draft. */
export function firstStatus(config: Config): string {
  return config.statuses.includes('draft') ? 'draft' : (config.statuses[0] ?? 'draft')
}

/** Plan a document from a template. `target` (an explicit --output) replaces the config's path. */
export function planDocument(config: Config, input: NewDocument, today: string, target?: string): PlannedDocument {
  const {template} = input
  const type = template.type
  const compliance = complianceFor(
    config,
    {markets: input.markets, channels: input.channels, type, topics: input.topics, today},
    input.compliance,
  )
  const front: Record<string, unknown> = {
    id: input.id,
    title: input.title,
    type,
    version: FIRST_VERSION,
    status: input.status ?? firstStatus(config),
    owner: input.owner,
    markets: input.markets,
    channels: input.channels.length > 0 || config.types[type]?.fields.includes('channels') ? input.channels : undefined,
    compliance,
    topics: input.topics.length > 0 ? input.topics : undefined,
    effective: today,
    review_by: addDays(today, REVIEW_AFTER_DAYS),
  }
  // Template defaults for keys nobody is asked about are fixed values (e.g. a custom required field).
  for (const [key, value] of Object.entries(template.defaults)) {
    if (
      front[key] === undefined &&
      !(ASKABLE_FIELDS as readonly string[]).includes(key) &&
      /^[a-z][a-z0-9_]*$/.test(key)
    )
      front[key] = value
  }
  const data: TemplateData = {
    title: input.title,
    id: input.id,
    type,
    owner: input.owner,
    version: FIRST_VERSION,
    status: String(front.status),
    effective: today,
    review_by: String(front.review_by),
    markets: input.markets,
    marketList: input.markets.map(m => marketName(config, m)).join(', '),
    channels: input.channels,
    channelList: input.channels.map(c => config.taxonomy.channels[c]?.name ?? c).join(', '),
    compliance,
    complianceList: compliance.map(c => `${c} (${config.taxonomy.compliance[c]?.name ?? c})`).join(', '),
    topics: input.topics,
    topicList: input.topics.join(', '),
  }
  const body = renderBody(template.file, template.body, data)
  return {
    target: target ?? documentPath(config, {id: input.id, markets: input.markets, type}),
    // trimEnd removes exactly what \s matches, without a regex tried at every offset.
    content: documentText(front, `${body.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`),
    front,
    source: `${template.source} template ${template.name}`,
  }
}

/** A market's display name: "Singapore (SG)"; GLOBAL is every market. */
export function marketName(config: Config, code: string): string {
  if (code === GLOBAL) return 'Global (all markets)'
  const name = config.taxonomy.markets[code]?.name ?? config.taxonomy.regions[code]?.name
  return name ? `${name} (${code})` : code
}

const STANDARD_KEYS = new Set<string>([...TEXT_FIELDS, ...LIST_FIELDS, 'deviations', 'targets'])

/**
 * Plan a market variant of a family's baseline: the front matter rebuilt for the market,
 * `based_on` the baseline's version; the body copied (its title line renamed, relative links
 * rewritten for the variant's folder, a "Markets:" line naming the baseline's markets renamed for
 * the variant's), or for an overlay only the title and copies of the named sections.
 */
export function planVariant(
  config: Config,
  baseline: SopDocument,
  request: VariantRequest,
  today: string,
  target?: string,
): PlannedDocument {
  const meta = baseline.meta
  const {market} = request
  const name = config.taxonomy.markets[market]?.name ?? config.taxonomy.regions[market]?.name ?? market
  const title = request.title ?? `${meta.title ?? meta.id} (${name})`
  const type = meta.type ?? 'sop'
  const channels = request.channels ?? meta.channels
  const topics = request.topics ?? meta.topics
  const compliance = complianceFor(config, {markets: [market], channels, type, topics, today}, [
    ...meta.compliance,
    ...(request.compliance ?? []),
  ])
  const front: Record<string, unknown> = {
    id: meta.id,
    title,
    type,
    version: meta.version,
    status: request.status ?? firstStatus(config),
    owner: request.owner ?? meta.owner,
    markets: [market],
    channels: channels.length > 0 ? channels : undefined,
    compliance,
    topics: topics.length > 0 ? topics : undefined,
    effective: today,
    review_by: addDays(today, REVIEW_AFTER_DAYS),
    based_on: meta.version,
    inherit: request.overlay ? 'sections' : undefined,
    deviations: request.overlay ? undefined : marketDeviations(config, baseline, market, request.owner ?? meta.owner),
    targets: baseline.data.targets,
  }
  // Keys sopkit does not model (a custom type's own fields) travel with the body.
  for (const [key, value] of Object.entries(baseline.data))
    if (!STANDARD_KEYS.has(key) && front[key] === undefined) front[key] = value
  const path = target ?? documentPath(config, {id: meta.id ?? '', markets: [market], type})
  const file = relativeFile(config.root, path)
  const body = request.overlay
    ? overlayBody(baseline, title, request.sections ?? [], file)
    : renameMarkets(
        config,
        retitle(rebaseLinks(baseline.body, linksOf(baseline), baseline.file, file), baseline, title),
        meta.markets,
        market,
      )
  return {target: path, content: documentText(front, body, baseline.eol), front, source: baseline.file}
}

function linksOf(doc: SopDocument): BodyLink[] {
  return [...doc.outline.links, ...doc.outline.images]
}

/** The body with its `# Title` line renamed when it repeats the baseline's title. */
function retitle(body: string, baseline: SopDocument, title: string): string {
  const heading = baseline.outline.title
  if (!heading || heading.text !== baseline.meta.title || !/^#[ \t]/.test(body.slice(heading.start))) return body
  const lineEnd = body.indexOf('\n', heading.start)
  const end = lineEnd === -1 ? body.length : body[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd
  return `${body.slice(0, heading.start)}# ${plainText(title)}${body.slice(end)}`
}

/**
 * A "Markets: …" line (as the templates write it, bold or not) that names the baseline's markets
 * names the variant's instead: a variant's Scope must not say it applies everywhere.
 */
function renameMarkets(config: Config, body: string, from: readonly string[], market: string): string {
  const names = [
    from.map(m => marketName(config, m)).join(', '),
    ...from.flatMap(m => (m === GLOBAL ? ['Global', GLOBAL] : [m])),
  ]
  const alternatives = [...new Set(names)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')
  const line = new RegExp(
    `(\\bMarkets(?::\\*\\*|\\*\\*:|:)[ \\t]*)(?:${alternatives})(?=[ \\t]*(?:[.;,]|-->|\\r?$))`,
    'gim',
  )
  return body.replace(line, (_, lead: string) => `${lead}${marketName(config, market)}`)
}

/**
 * The sections whose "Markets:" line now names the variant's market: a departure from the
 * baseline made on purpose, so it is recorded as one (approved by the variant's owner), not
 * left to show as drift.
 */
function marketDeviations(
  config: Config,
  baseline: SopDocument,
  market: string,
  approver: string | undefined,
): Deviation[] | undefined {
  const paths = baseline.outline.sections
    .filter(s => renameMarkets(config, s.content, baseline.meta.markets, market) !== s.content)
    .map(s => s.path)
  if (paths.length === 0) return undefined
  return paths.map(section => ({
    section,
    reason: `names the market ${market} instead of ${baseline.meta.markets.join(', ')}`,
    ...(approver ? {approver} : {}),
  }))
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * An overlay's body: the title, then a copy of each named section (its own text) under the
 * headings of its parents (heading lines only: they keep the baseline's text). A path that names
 * no section is an error with a did-you-mean.
 */
function overlayBody(baseline: SopDocument, title: string, paths: readonly string[], file: string): string {
  const {sections} = baseline.outline
  const wanted = new Set(
    paths.map(p => {
      const found = sections.find(s => pathKey(s.path) === pathKey(p))
      if (found) return pathKey(found.path)
      const hint = suggest(
        p,
        sections.map(s => s.path),
      )
      throw new SopkitError(
        'UNKNOWN_SECTION',
        `--section "${p}": ${baseline.file} has no such section${didYouMean(hint)}`,
        'name a heading path of the baseline, e.g. "Procedure > Refund above limit"',
      )
    }),
  )
  const parts = [`# ${plainText(title)}`]
  for (const s of sections) {
    const key = pathKey(s.path)
    if (wanted.has(key))
      parts.push(rebaseLinks(baseline.body, linksOf(baseline), baseline.file, file, s.start, s.end).trim())
    else if ([...wanted].some(w => w.startsWith(`${key} >`)))
      parts.push(baseline.body.slice(s.start, s.contentStart).trim())
  }
  return parts.join('\n\n') + '\n'
}
