// The documents a market reads must agree on a limit they both state: a bot rule that refunds
// USD 50 without review while the SOP of the same market says USD 75 leaves agents and the bot
// answering one customer two ways. Compared per market, across families, with the one resolver
// (core/library `readingFor`), so a market's own variant replaces its baseline and two variants
// for different markets never meet. Money is never converted: two currencies never agree.
import type {DocumentSummary} from '../core/document.js'
import {type Library, readingFor, revisionOf} from '../core/library.js'
import {type Limit, formatLimit, limitsOf, sameLimit} from '../core/limits.js'
import {memo} from '../core/memo.js'
import {isLive} from '../core/status.js'
import {GLOBAL} from '../core/taxonomy.js'
import {defineLibraryRule} from './rule.js'

export default defineLibraryRule({
  id: 'limit-consistency',
  description:
    'Documents a market reads (its variants, else the baselines) state the same value for a limit they share (`limits`).',
  defaultSeverity: 'error',
  messages: {
    disagree: {
      message: 'Limit {key} is {value} here but {otherValue} in {other}, also read in {markets}',
      mend: 'make the two documents state the same {key}, or give one of them a market variant with its own value',
    },
  },
  check({doc, library, report}) {
    // Only a document that states a limit can disagree: the others (every row `import` plans) cost nothing.
    if (doc.meta.limits === undefined) return
    for (const d of disagreementsOf(library).get(doc.file) ?? [])
      report({
        messageId: 'disagree',
        data: {key: d.key, value: d.value, otherValue: d.otherValue, other: d.other, markets: d.markets},
        at: {key: ['limits', d.key], part: 'key'},
      })
  },
})

interface Disagreement {
  key: string
  value: string
  otherValue: string
  other: string
  markets: string
}

const cache = new WeakMap<object, {revision: number; byFile: Map<string, Disagreement[]>}>()

/** Every disagreement of the library, by the file that reports it: found once per library, not per document. */
function disagreementsOf(library: Library<DocumentSummary>): Map<string, Disagreement[]> {
  const revision = revisionOf(library)
  const cached = cache.get(library)
  if (cached?.revision === revision) return cached.byFile
  const byFile = findDisagreements(library)
  cache.set(library, {revision, byFile})
  return byFile
}

function findDisagreements(library: Library<DocumentSummary>): Map<string, Disagreement[]> {
  const {taxonomy} = library.config
  const stating = [...library.families.values()].filter(f =>
    [...f.baselines, ...f.variants].some(d => limitsOf(d.meta.limits).size > 0),
  )
  if (stating.length < 2) return new Map()
  // The markets worth resolving: GLOBAL (a market no variant names reads the baselines) and every
  // market these families name, directly or through a region. Any other market reads as GLOBAL does.
  const markets = new Set<string>([GLOBAL])
  for (const family of stating)
    for (const d of family.variants)
      for (const m of d.meta.markets) {
        if (taxonomy.regions[m]) for (const member of taxonomy.regions[m].markets) markets.add(member)
        else markets.add(m)
      }
  // (file, other file, key) → the disagreement, with every market that reads both.
  const pairs = new Map<string, {a: DocumentSummary; b: DocumentSummary; key: string; markets: string[]}>()
  const limits = new Map<DocumentSummary, Map<string, Limit>>()
  const limitsFor = (d: DocumentSummary) => memo(limits, d, () => limitsOf(d.meta.limits))
  for (const market of markets) {
    // Live documents, drafts included: a draft that contradicts is worth knowing before it is approved.
    const read = stating
      .map(family => readingFor(taxonomy, family, market, {inForce: isLive}).read?.document)
      .filter((d): d is DocumentSummary => d !== undefined)
    for (let i = 0; i < read.length; i++)
      for (let j = i + 1; j < read.length; j++) {
        const [a, b] = read[i]!.file < read[j]!.file ? [read[i]!, read[j]!] : [read[j]!, read[i]!]
        for (const [key, limit] of limitsFor(b)) {
          const other = limitsFor(a).get(key)
          if (!other || sameLimit(limit, other)) continue
          memo(pairs, `${b.file}\n${a.file}\n${key}`, () => ({a, b, key, markets: []})).markets.push(market)
        }
      }
  }
  // Reported once per pair, on the later file (as unique-variant does), naming the earlier one.
  const byFile = new Map<string, Disagreement[]>()
  for (const {a, b, key, markets: where} of pairs.values()) {
    memo(byFile, b.file, (): Disagreement[] => []).push({
      key,
      value: formatLimit(limitsFor(b).get(key)!),
      otherValue: formatLimit(limitsFor(a).get(key)!),
      other: a.file,
      markets: marketsText(where),
    })
  }
  return byFile
}

/** "US", "AT, BE, BG and 24 more", "every market without its own variant": a finding stays one line. */
function marketsText(markets: string[]): string {
  const named = markets.includes(GLOBAL) ? 'every market without its own variant' : undefined
  const codes = markets.filter(m => m !== GLOBAL)
  const shown = codes.slice(0, 3).join(', ')
  const rest = codes.length > 3 ? ` and ${codes.length - 3} more` : ''
  if (!named) return `${shown}${rest}`
  return codes.length === 0 ? named : `${named} (and ${shown}${rest})`
}
