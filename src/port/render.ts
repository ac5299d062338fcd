// Port's report for a terminal: per variant what was (or would be) ported, and every conflict
// with the baseline's own word diff, readable without colour ([-removed-] {+added+}).
import type {ChalkInstance} from 'chalk'
import type {WordChange} from '../diff/model.js'
import {withContext} from '../diff/render/summary.js'
import type {PortPlan} from './plan.js'
import type {PortResult} from './run.js'

export function renderPort(result: PortResult, c: ChalkInstance): string {
  const lines = result.plans.flatMap(plan => planLines(plan, result.dryRun, c))
  for (const skip of result.skipped)
    lines.push(`${c.bold(skip.file)}  ${c.red(`not ported: ${skip.message}`)}`, `  ${c.dim(`mend: ${skip.mend}`)}`)
  const conflicts = result.plans.reduce((n, p) => n + p.conflicts.length, 0)
  const changed = result.plans.filter(p => p.text !== undefined).length
  const verb = result.dryRun ? 'would change' : 'changed'
  lines.push(
    '',
    c.bold(
      `${result.plans.length} variant${result.plans.length === 1 ? '' : 's'}: ${changed} ${verb}, ` +
        `${conflicts} conflict${conflicts === 1 ? '' : 's'} left${result.skipped.length > 0 ? `, ${result.skipped.length} not ported` : ''}`,
    ),
  )
  if (conflicts > 0)
    lines.push(
      c.dim(
        'Edit each conflicting section by hand (or add a deviations entry), then set based_on to the baseline version.',
      ),
    )
  return lines.join('\n')
}

function planLines(plan: PortPlan, dryRun: boolean, c: ChalkInstance): string[] {
  if (plan.text === undefined && plan.conflicts.length === 0)
    return [`${c.bold(plan.file)}  ${c.dim(`up to date with ${plan.baselineVersion}`)}`]
  const facts = [
    plan.ported.length > 0
      ? `${dryRun ? 'would port' : 'ported'} ${plan.ported.length} section${plan.ported.length === 1 ? '' : 's'}`
      : undefined,
    plan.conflicts.length > 0
      ? c.red(`${plan.conflicts.length} conflict${plan.conflicts.length === 1 ? '' : 's'}`)
      : undefined,
    plan.version ? `version ${plan.version.from} → ${plan.version.to}` : undefined,
    plan.rebased ? `based_on ${plan.basedOn} → ${plan.baselineVersion}` : `based_on stays ${plan.basedOn}`,
  ].filter((f): f is string => f !== undefined)
  const out = [`${c.bold(plan.file)}  ${facts.join(', ')}`]
  for (const p of plan.ported)
    out.push(`  ${c.green('✓')} ${p.path}  ${c.dim(`${p.change} upstream`)}`, ...words(p.words ?? [], c))
  for (const k of plan.conflicts) {
    const local = k.local ? `${k.local} in ${plan.market}` : `under a live deviation in ${plan.market}`
    out.push(`  ${c.red('!')} ${k.path}  ${c.red(`conflict: ${k.upstream} upstream, ${local}`)}`, ...words(k.words, c))
  }
  return out
}

function words(list: readonly WordChange[], c: ChalkInstance): string[] {
  if (!list.some(w => w.type !== 'same')) return []
  const text = withContext(list)
    .map(w =>
      w.type === 'added' ? c.green(`{+${w.text}+}`) : w.type === 'removed' ? c.red(`[-${w.text}-]`) : c.dim(w.text),
    )
    .join('')
  return text
    .split('\n')
    .filter(l => l.trim() !== '')
    .map(l => `      ${l}`)
}
