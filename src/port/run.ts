// Port, run: pick the variants named, find their merge bases in git, plan every port, and only
// then write (each file atomically), so bad input stops the run before any file changes.
import type {SopDocument} from '../core/document.js'
import {SopkitError} from '../core/errors.js'
import {type Family, type Library, baselineOf} from '../core/library.js'
import {requireKnownMarket} from '../core/taxonomy.js'
import {loadUpstream, missingBaseError} from '../core/upstream.js'
import {writeFileAtomic} from '../core/writer.js'
import {familyNamed} from '../diff/targets.js'
import {type PortPlan, planPort} from './plan.js'

export interface PortOptions {
  ids: readonly string[]
  markets: readonly string[]
  all: boolean
  dryRun: boolean
  today: string
}

export interface PortResult {
  dryRun: boolean
  plans: PortPlan[]
  /** Variants --all found but could not port (no merge base), with why and how to mend. */
  skipped: Array<{file: string; message: string; mend: string}>
  /** Repo-relative files written (none on a dry run). */
  written: string[]
}

interface Target {
  /** Named by --market (bad input stops the run), or found by --all (a problem skips the variant). */
  named: boolean
  family: Family
  baseline: SopDocument
  variant: SopDocument
}

export async function runPort(library: Library, options: PortOptions): Promise<PortResult> {
  const targets = selectTargets(library, options)
  const outdated = targets.filter(t => t.variant.meta.based_on !== t.baseline.meta.version)
  const upstream = await loadUpstream(library, {variants: outdated.map(t => t.variant), versionBump: false})
  const skipped: PortResult['skipped'] = []
  const plans = targets.flatMap(({named, baseline, variant}) => {
    if (variant.meta.based_on === baseline.meta.version) return [planPort(variant, baseline, undefined, options.today)]
    const base = upstream.mergeBase(variant)
    if (base) return [planPort(variant, baseline, base.document, options.today, options.dryRun)]
    const error = missingBaseError(variant, baseline, upstream.missing(variant) ?? 'never-committed')
    if (named) throw error
    skipped.push({file: variant.file, message: error.message, mend: error.mend})
    return []
  })
  const written: string[] = []
  if (!options.dryRun) {
    for (const plan of plans) {
      const variant = targets.find(t => t.variant.file === plan.file)!.variant
      if (plan.text === undefined || plan.text === variant.text) continue
      writeFileAtomic(variant.absPath, (variant.bom ? '\uFEFF' : '') + plan.text, {overwrite: true})
      written.push(plan.file)
    }
  }
  return {dryRun: options.dryRun, plans, skipped, written}
}

function selectTargets(library: Library, options: PortOptions): Target[] {
  if (options.ids.length === 0 && !options.all) {
    throw new SopkitError(
      'USAGE',
      'which documents to port?',
      'pass one or more ids with --market M or --all, or --all alone for every family',
    )
  }
  if (options.ids.length > 0 && options.markets.length === 0 && !options.all) {
    throw new SopkitError(
      'USAGE',
      `which markets of ${options.ids.join(', ')}?`,
      'pass --market M (repeatable), or --all for every variant',
    )
  }
  const markets = options.markets.map(m => requireKnownMarket(library.config.taxonomy, m, '--market'))
  options = {...options, markets}
  const families =
    options.ids.length > 0
      ? [...new Set(options.ids)].map(id => familyNamed(library, id))
      : [...library.families.values()].filter(f => f.variants.length > 0 && baselineOf(f))
  return families.flatMap(family => targetsOf(family, options))
}

function targetsOf(family: Family, options: PortOptions): Target[] {
  const baseline = baselineOf(family)
  if (!baseline) {
    throw new SopkitError(
      'NO_BASELINE',
      `${family.id} has no GLOBAL baseline to port from`,
      `add a document with id ${family.id} and markets [GLOBAL]`,
    )
  }
  const variants =
    options.markets.length === 0
      ? family.variants
      : options.markets.map(market => {
          const variant = family.variants.find(d => d.meta.markets.includes(market))
          if (variant) return variant
          const have = family.variants.flatMap(d => d.meta.markets)
          throw new SopkitError(
            'NO_VARIANT',
            `${family.id} has no ${market} variant`,
            `pick a market that has one (${have.length > 0 ? have.join(', ') : 'none yet'}), or create it: sopkit new --from ${family.id} --market ${market}`,
          )
        })
  return variants.map(variant => {
    for (const doc of [baseline, variant]) {
      if (doc.readProblem || doc.problems.length > 0) {
        throw new SopkitError(
          'BAD_DOCUMENT',
          `${doc.file} cannot be read as a document`,
          `run \`sopkit check ${doc.file}\` to see why`,
        )
      }
    }
    if (variant.meta.based_on === undefined) {
      throw new SopkitError(
        'NO_BASED_ON',
        `${variant.file} has no based_on: sopkit cannot tell which baseline version it adapted`,
        `set based_on to the version of ${baseline.file} the variant was adapted from`,
      )
    }
    return {named: options.markets.length > 0, family, baseline, variant}
  })
}
