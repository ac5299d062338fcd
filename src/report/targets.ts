// Documents' `targets`, read once each: metric names normalised the way CSV headers are, values
// parsed by the metric's kind. A target that cannot be read is a problem naming its file.
import type {SopDocument} from '../core/document.js'
import type {Library} from '../core/library.js'
import {type MetricInfo, knownMetric, metricName, parseDuration, parseValue} from './metrics.js'
import type {Problem, TargetValue} from './model.js'

/** How each metric is compared: known metrics by the catalogue, others by what documents write as targets. */
export function metricInfoFor(library: Library): (metric: string) => MetricInfo | undefined {
  const written = new Map<string, unknown>()
  for (const doc of library.documents) {
    for (const [key, value] of targetEntries(doc)) if (!written.has(key)) written.set(key, value)
  }
  return metric => {
    const known = knownMetric(metric)
    if (known) return known
    if (!written.has(metric)) return undefined
    const sample = written.get(metric)
    // A target written as a duration (2h) is a time to stay within; any other is a number to reach.
    return typeof sample === 'string' && parseDuration(sample) !== undefined
      ? {kind: 'duration', direction: 'at-most'}
      : {kind: 'number', direction: 'at-least'}
  }
}

/** A document's targets as (metric, value as YAML typed it) pairs; a non-mapping gives none. */
function targetEntries(doc: SopDocument): Array<[string, unknown]> {
  const targets = doc.meta.targets
  if (!targets) return []
  return Object.keys(targets).map(key => [metricName(key), targets[key]])
}

/** Reads each document's targets once, recording unreadable ones as problems (once per document and metric). */
export class TargetReader {
  private readonly cache = new Map<SopDocument, Map<string, TargetValue>>()
  readonly problems: Problem[] = []

  constructor(private readonly infoFor: (metric: string) => MetricInfo | undefined) {}

  targets(doc: SopDocument): Map<string, TargetValue> {
    let found = this.cache.get(doc)
    if (found) return found
    found = new Map()
    for (const [metric, raw] of targetEntries(doc)) {
      const info = this.infoFor(metric)
      if (!info || raw === null || raw === undefined) continue
      const parsed = parseValue(raw, info.kind)
      if ('problem' in parsed)
        this.problems.push({file: doc.file, column: `targets.${metric}`, message: `target ${parsed.problem}`})
      // parseValue reads only a number or a string.
      else
        found.set(metric, {
          value: parsed.value,
          written: typeof raw === 'string' ? raw : (raw as number).toString(),
          direction: info.direction,
        })
    }
    this.cache.set(doc, found)
    return found
  }
}
