// Effective rule severities: rule defaults, then the config's `rules`, then `--rule` flags.
import {ConfigError, SopkitError} from '../core/errors.js'
import type {SeveritySetting} from '../core/finding.js'
import {shownPath} from '../core/paths.js'
import {didYouMean, suggest} from '../core/taxonomy.js'
import type {Rule} from '../rules/rule.js'

const SEVERITIES = ['off', 'warn', 'error']

export function resolveSeverities(
  rules: readonly Rule[],
  fromConfig: Record<string, SeveritySetting>,
  configFile: string,
  fromFlags: readonly string[],
): Map<string, SeveritySetting> {
  const ids = rules.map(r => r.id)
  const unknown = Object.keys(fromConfig).filter(id => !ids.includes(id))
  if (unknown.length > 0) {
    throw new ConfigError(
      configFile === 'config' ? configFile : shownPath(configFile),
      unknown.map(id => `rules.${id}: unknown rule${didYouMean(suggest(id, ids))}, expected one of ${ids.join(', ')}`),
    )
  }
  const out = new Map<string, SeveritySetting>(rules.map(r => [r.id, fromConfig[r.id] ?? r.defaultSeverity]))
  for (const flag of fromFlags) {
    const [id = '', severity = ''] = flag.split('=', 2)
    if (!ids.includes(id)) {
      throw new SopkitError(
        'UNKNOWN_RULE',
        `--rule ${flag}: unknown rule "${id}"${didYouMean(suggest(id, ids))}`,
        'run `sopkit rules` to list rule ids',
      )
    }
    if (!SEVERITIES.includes(severity)) {
      throw new SopkitError(
        'BAD_SEVERITY',
        `--rule ${flag}: severity must be off, warn or error`,
        `write it as --rule ${id}=warn`,
      )
    }
    out.set(id, severity as SeveritySetting)
  }
  return out
}
