// "Before you publish": what check already finds in a playbook's documents that must not reach
// agents unseen (unapproved drift, upstream conflicts, missing required regimes). The findings
// come from check's own engine and rules, run once over every playbook's documents; nothing here
// judges a document itself.
import {lintPaths} from '../check/engine.js'
import {resolveSeverities} from '../check/severity.js'
import type {Config} from '../core/config.js'
import type {Finding} from '../core/finding.js'
import type {Library} from '../core/library.js'
import {RULES} from '../rules/index.js'
import type {Playbook, PublishIssue} from './model.js'

/** Which findings a playbook lists, and under what name. */
function kindOf(finding: Finding): PublishIssue['kind'] | undefined {
  if (finding.ruleId === 'no-drift') return 'drift'
  if (finding.ruleId === 'require-compliance') return 'compliance'
  if (finding.ruleId === 'variant-outdated' && Number(finding.stable?.conflicts ?? 0) > 0) return 'conflict'
  return undefined
}

/**
 * Check's findings for every document in these playbooks, judged on the playbooks' date (so the
 * same inputs and --date list the same problems). Rule severities follow the config: a rule
 * switched off lists nothing.
 */
export async function findingsFor(config: Config, library: Library, playbooks: readonly Playbook[], date: string) {
  const files = new Set(playbooks.flatMap(p => p.documents.map(d => d.file)))
  const targets = library.documents.filter(d => files.has(d.file)).map(d => d.absPath)
  if (targets.length === 0) return []
  const severities = resolveSeverities(RULES, config.rules, config.file ?? 'config', [])
  return lintPaths(
    config,
    library.documents.map(d => d.absPath),
    targets,
    {severities, today: date, notes: []},
  )
}

/** The playbook with its "Before you publish" list: the findings on its own documents, in playbook order (pure). */
export function withPublishIssues(playbook: Playbook, findings: readonly Finding[]): Playbook {
  const issues: PublishIssue[] = []
  for (const doc of playbook.documents)
    for (const f of findings) {
      const kind = f.file === doc.file ? kindOf(f) : undefined
      if (kind)
        issues.push({
          kind,
          id: doc.id,
          title: doc.title,
          anchor: doc.anchor,
          file: f.file,
          line: f.line,
          message: f.message,
          mend: f.mend,
        })
    }
  return {...playbook, beforePublish: issues}
}
