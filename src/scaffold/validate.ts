// Answers are checked as they are given, by the same taxonomy and rules `sopkit check` uses,
// so a prompt refuses what check would later reject and a flag fails before anything is asked.
import {todayUtc} from '../core/dates.js'
import {lintDocument} from '../check/lint.js'
import type {Config} from '../core/config.js'
import {SopDocument} from '../core/document.js'
import {SopkitError} from '../core/errors.js'
import {yaml} from '../core/front-matter.js'
import type {Library} from '../core/library.js'
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

/** What `sopkit check`'s own rule says about one field's value (valid-id, valid-owner). */
export function ruleProblem(
  config: Config,
  ruleId: 'valid-id' | 'valid-owner',
  field: 'id' | 'owner',
  value: string,
): Problem | undefined {
  const rule = RULES.find(r => r.id === ruleId)
  if (!rule) return undefined
  const front = yaml().stringify({[field]: value}, {compat: 'yaml-1.1'} as never)
  const doc = new SopDocument(`(${field})`, `(${field})`, `---\n${front}---\n`)
  const severities = new Map([[ruleId, 'error' as const]])
  const [found] = lintDocument(doc, {rules: [rule], severities, config, today: todayUtc()})
  return found ? {message: found.finding.message, mend: found.finding.mend} : undefined
}

/**
 * An id is free for these markets unless its family exists; the one exception is giving a family
 * that has only variants its missing GLOBAL baseline. `replacing` is a file --force will replace.
 */
export function idConflict(
  library: Library,
  id: string,
  markets: readonly string[],
  replacing?: string,
): Problem | undefined {
  const family = library.families.get(id)
  if (!family) return undefined
  const others = [...family.baselines, ...family.variants].filter(d => d.absPath !== replacing)
  if (others.length === 0) return undefined
  if (markets.includes(GLOBAL) && !others.some(d => d.isBaseline())) return undefined
  return {
    message: `id "${id}" is already used by ${others.map(d => d.file).join(', ')}`,
    mend: `choose another ${FLAG_FOR.id}, or make a market variant with \`sopkit new --from ${id} --market M\``,
  }
}

/** Throw the first problem as a usage error (exit 2). */
export function refuse(code: string, problem: Problem | undefined): void {
  if (problem) throw new SopkitError(code, problem.message, problem.mend)
}
