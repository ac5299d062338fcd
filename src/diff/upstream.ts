// What the baseline changed since a variant's based_on (`diff --upstream`): the merge base
// against the baseline now, each changed section marked as port would treat it.
import type {SopDocument} from '../core/document.js'
import {SopkitError} from '../core/errors.js'
import {type Family, type Library, baselineOf} from '../core/library.js'
import {loadUpstream, missingBaseError, variantStates} from '../core/upstream.js'
import {diffDocuments} from './diff.js'
import type {DocumentDiff, PortState, SectionChange} from './model.js'

export function upstreamDiff(
  variant: SopDocument,
  baseline: SopDocument,
  mergeBase: SopDocument,
  today: string,
): DocumentDiff {
  const basedOn = variant.meta.based_on ?? ''
  const upstream = {
    mergeBase: () => ({version: basedOn, commit: '', document: mergeBase}),
    missing: () => undefined,
    staleVersion: () => undefined,
  }
  const states = new Map(variantStates(variant, baseline, upstream, today).sections.map(s => [s.path, s.state]))
  const diff = diffDocuments(mergeBase, baseline, {
    classify: false,
    today,
    labels: [`${baseline.file}@${basedOn}`, baseline.file],
  })
  return {...diff, sections: diff.sections.map(c => mark(c, states.get(c.path)))}
}

function mark(change: SectionChange, state: string | undefined): SectionChange {
  if (change.kind === 'same' || (change.kind === 'moved' && !change.words)) return change
  const port: PortState = state === 'conflict' ? 'conflict' : state === 'upstream' ? 'portable' : 'ported'
  return {...change, port}
}

/** The upstream diff of market M's own variant of a family, its merge base looked up in git. */
export async function upstreamPair(
  library: Library,
  family: Family,
  market: string,
  today: string,
): Promise<DocumentDiff> {
  const baseline = baselineOf(family)
  const variant = family.variants.find(d => d.meta.markets.includes(market))
  if (!baseline)
    throw new SopkitError(
      'NO_BASELINE',
      `${family.id} has no GLOBAL baseline`,
      `add a document with id ${family.id} and markets [GLOBAL]`,
    )
  if (!variant) {
    throw new SopkitError(
      'NO_VARIANT',
      `${family.id} has no ${market} variant, so nothing is upstream of it`,
      `drop --upstream to see what ${market} reads, or pick a market with a variant`,
    )
  }
  if (variant.meta.based_on === undefined) {
    throw new SopkitError(
      'NO_BASED_ON',
      `${variant.file} has no based_on`,
      `set based_on to the version of ${baseline.file} the variant was adapted from`,
    )
  }
  if (variant.meta.based_on === baseline.meta.version) return upstreamDiff(variant, baseline, baseline, today)
  const upstream = await loadUpstream(library, {variants: [variant], versionBump: false})
  const base = upstream.mergeBase(variant)
  if (!base) throw missingBaseError(variant, baseline, upstream.missing(variant) ?? 'never-committed')
  return upstreamDiff(variant, baseline, base.document, today)
}
