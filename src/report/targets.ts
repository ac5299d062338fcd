// Documents' `targets`, read once each: metric names normalised the way CSV headers are, values
// read by the metric's kind and scale. A target is one value for every channel, or a mapping by
// channel (`csat: {default: 4.5, chatbot: 4.0}`). A target that cannot be read is a problem
// naming its file.
import type {Taxonomy} from '../core/config.js'
import type {SopDocument} from '../core/document.js'
import type {Library} from '../core/library.js'
import {didYouMean, suggest} from '../core/taxonomy.js'
import {type MetricInfo, configuredMetric, knownMetric, metricName, parseDuration, readValue} from './metrics.js'
import type {Problem, TargetValue} from './model.js'

/** The key of a channel-keyed target that holds the value for every channel it does not name. */
export const ANY_CHANNEL = 'default'

/**
 * How each metric is compared: the config's `metrics` first, then the built-in ones; a metric only
 * documents target is read as they write it (a duration or a number) with its direction unknown.
 */
export function metricInfoFor(library: Library): (metric: string) => MetricInfo | undefined {
  const settings = new Map(Object.entries(library.config.metrics).map(([name, s]) => [metricName(name), s]))
  const written = new Map<string, unknown>()
  for (const doc of library.documents) {
    for (const [key, value] of targetEntries(doc)) if (!written.has(key)) written.set(key, sampleOf(value))
  }
  return metric => {
    const known = knownMetric(metric)
    const sample = written.get(metric)
    const inferred = !written.has(metric)
      ? undefined
      : typeof sample === 'string' && parseDuration(sample) !== undefined
        ? 'duration'
        : 'number'
    const setting = settings.get(metric)
    if (setting) return configuredMetric(setting, known, inferred ?? 'number')
    if (known) return known
    return inferred && {kind: inferred, direction: 'unknown'}
  }
}

/** One value of a target as written, whether it is given once or per channel. */
function sampleOf(value: unknown): unknown {
  return isChannelMap(value) ? Object.values(value)[0] : value
}

function isChannelMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A document's targets as (metric, value as YAML typed it) pairs; a non-mapping gives none. */
function targetEntries(doc: SopDocument): Array<[string, unknown]> {
  const targets = doc.meta.targets
  if (!targets) return []
  return Object.keys(targets).map(key => [metricName(key), targets[key]])
}

/** A metric's target in one document: for every channel, and per channel where it says so. */
export interface MetricTargets {
  any?: TargetValue
  byChannel: Map<string, TargetValue>
}

/** Reads each document's targets once, recording unreadable ones as problems (once per document and metric). */
export class TargetReader {
  private readonly cache = new Map<SopDocument, Map<string, MetricTargets>>()
  readonly problems: Problem[] = []

  constructor(
    private readonly infoFor: (metric: string) => MetricInfo | undefined,
    private readonly channels: Taxonomy['channels'],
  ) {}

  /** The target a row of `channel` (none: every channel) is held to. */
  target(doc: SopDocument, metric: string, channel: string | undefined): TargetValue | undefined {
    const targets = this.targets(doc).get(metric)
    return (channel === undefined ? undefined : targets?.byChannel.get(channel)) ?? targets?.any
  }

  targets(doc: SopDocument): Map<string, MetricTargets> {
    let found = this.cache.get(doc)
    if (found) return found
    found = new Map()
    for (const [metric, raw] of targetEntries(doc)) {
      const info = this.infoFor(metric)
      if (!info || raw === null || raw === undefined) continue
      const targets: MetricTargets = {byChannel: new Map()}
      if (!isChannelMap(raw)) targets.any = this.read(doc, `targets.${metric}`, raw, info)
      else
        for (const [channel, value] of Object.entries(raw)) {
          const key = `targets.${metric}.${channel}`
          if (channel === ANY_CHANNEL) targets.any = this.read(doc, key, value, info)
          else if (!Object.hasOwn(this.channels, channel)) {
            const hint = didYouMean(suggest(channel, Object.keys(this.channels)))
            this.problems.push({
              file: doc.file,
              column: key,
              message: `unknown channel "${channel}"${hint}: name a channel of the taxonomy, or ${ANY_CHANNEL} for every other channel`,
            })
          } else {
            const target = this.read(doc, key, value, info)
            if (target) targets.byChannel.set(channel, target)
          }
        }
      found.set(metric, targets)
    }
    this.cache.set(doc, found)
    return found
  }

  private read(doc: SopDocument, key: string, raw: unknown, info: MetricInfo): TargetValue | undefined {
    const parsed = readValue(raw, info)
    if ('problem' in parsed) {
      this.problems.push({file: doc.file, column: key, message: `target ${parsed.problem}`})
      return undefined
    }
    // readValue reads only a number or a string.
    const written = typeof raw === 'string' ? raw : (raw as number).toString()
    return {
      value: parsed.value,
      written,
      direction: info.direction,
      ...(parsed.currency && {currency: parsed.currency}),
    }
  }
}
