// Answers are checked as they are given, by the same taxonomy and rules `sopkit check` uses,
// so a prompt refuses what check would later reject and a flag fails before anything is asked.
import {todayUtc} from '../core/dates.js'
import {lintDocument} from '../check/lint.js'
import type {Config} from '../core/config.js'
import {SopDocument, isBaseline} from '../core/document.js'
import {SopkitError} from '../core/errors.js'
import type {Library, LibraryDoc} from '../core/library.js'
import {mapFor, memoBounded} from '../core/memo.js'
import {didYouMean, GLOBAL, suggest, unknownMarketMessage} from '../core/taxonomy.js'
import {RULES} from '../rules/index.js'
import {FLAG_FOR} from './fields.js'

export interface Problem {
  message: string
  mend: string
}

export function marketsProblem(config: Config, markets: readonly string[]): Problem | undefined {
  for (const code of markets) {
    const unknown = unknownMarketMessage(config.taxonomy, code)
    if (unknown) return unknown
  }
  if (markets.includes(GLOBAL) && markets.length > 1) {
    return {
      message: `GLOBAL cannot be combined with other markets (${markets.join(', ')})`,
      mend: 'make the GLOBAL baseline first, then a variant per market with `sopkit new --from ID --market M`',
    }
  }
  return undefined
}

export function listProblem(
  config: Config,
  field: 'channels' | 'compliance',
  values: readonly string[],
): Problem | undefined {
  const known = Object.keys(config.taxonomy[field])
  const unknown = values.find(v => !known.includes(v))
  if (unknown === undefined) return undefined
  const what = field === 'channels' ? 'channel' : 'compliance tag'
  return {
    message: `unknown ${what} "${unknown}"${didYouMean(suggest(unknown, known))}`,
    mend: `use one of the taxonomy's ${field}: ${known.join(', ')}`,
  }
}

/** Answers already judged, per config: a bounded cache, emptied when full, so it never grows with the rows. */
const judged = new WeakMap<Config, Map<string, Problem | null>>()
const JUDGED_MAX = 1024

/**
 * What `sopkit check`'s own rule says about one field's value (valid-id, valid-owner). `import`
 * asks about the same owner on every row and about each id up to three times (the row's own
 * checks, then `new`'s, then once completed): each value is judged once.
 */
export function ruleProblem(
  config: Config,
  ruleId: 'valid-id' | 'valid-owner',
  field: 'id' | 'owner',
  value: string,
): Problem | undefined {
  // null stands for "judged, no problem": memo computes again only what it has not stored.
  const judgement = memoBounded(
    mapFor(judged, config),
    JUDGED_MAX,
    `${ruleId}\0${value}`,
    () => judgeByRule(config, ruleId, field, value) ?? null,
  )
  return judgement ?? undefined
}

function judgeByRule(
  config: Config,
  ruleId: 'valid-id' | 'valid-owner',
  field: 'id' | 'owner',
  value: string,
): Problem | undefined {
  const rule = RULES.find(r => r.id === ruleId)
  if (!rule) return undefined
  const doc = SopDocument.ofValues(`(${field})`, {[field]: value})
  const severities = new Map([[ruleId, 'error' as const]])
  const [found] = lintDocument(doc, {rules: [rule], severities, config, today: todayUtc()})
  return found ? {message: found.finding.message, mend: found.finding.mend} : undefined
}

/**
 * An id is free for these markets unless its family exists; the one exception is giving a family
 * that has only variants its missing GLOBAL baseline. `replacing` is a file --force will replace.
 */
export function idConflict(
  library: Library<LibraryDoc>,
  id: string,
  markets: readonly string[],
  replacing?: string,
): Problem | undefined {
  const family = library.families.get(id)
  if (!family) return undefined
  const others = [...family.baselines, ...family.variants].filter(d => d.absPath !== replacing)
  if (others.length === 0) return undefined
  if (markets.includes(GLOBAL) && !others.some(isBaseline)) return undefined
  return {
    message: `id "${id}" is already used by ${others.map(d => d.file).join(', ')}`,
    mend: `choose another ${FLAG_FOR.id}, or make a market variant with \`sopkit new --from ${id} --market M\``,
  }
}

/** Throw the first problem as a usage error (exit 2). */
export function refuse(code: string, problem: Problem | undefined): void {
  if (problem) throw new SopkitError(code, problem.message, problem.mend)
}
