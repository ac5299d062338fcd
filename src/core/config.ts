// Config discovery, loading and validation: one resolved Config for every command.
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {Ajv as AjvType, ErrorObject, ValidateFunction} from 'ajv'
import {
  COMMON_FIELDS,
  DEFAULT_CHANNELS,
  DEFAULT_COMPLIANCE,
  DEFAULT_REGIONS,
  DEFAULT_REQUIREMENTS,
  DEFAULT_STATUSES,
  DEFAULT_TYPES,
  defaultMarkets,
  type DocumentType,
  type Requirement,
  type RequirementCondition,
} from './catalogue.js'
import {CONFIG_SCHEMA, type METRIC_UNIT_NAMES} from './config-schema.js'
import {ConfigError, SopkitError, messageOf} from './errors.js'
import {yaml} from './front-matter.js'
import {findGitRoot, isInGitDir, isInside, shownPath} from './paths.js'
import {didYouMean, suggest} from './taxonomy.js'
import type {SeveritySetting} from './finding.js'

export interface Taxonomy {
  /** `language`: the label set its playbook is written in (export/label-sets), English when absent. */
  markets: Record<string, {name: string; regions: string[]; language?: string}>
  regions: Record<string, {name: string; markets: string[]}>
  channels: Record<string, {name: string}>
  compliance: Record<string, {name: string}>
}

export interface Config {
  /** Folder the config lives in (or the working directory): every relative path starts here. */
  root: string
  /** The file the config came from, when there is one. */
  file?: string
  documents: string[]
  ignore: string[]
  templates: string
  path: string
  maxFileSize: number
  taxonomy: Taxonomy
  requirements: Requirement[]
  types: Record<string, DocumentType>
  statuses: string[]
  order: string[]
  /** What `sopkit new --from` makes by default: a full copy of the baseline, or an overlay variant. */
  variants: 'copy' | 'overlay'
  rules: Record<string, SeveritySetting>
  /** `report`'s metric settings by name as written (the report normalises names). */
  metrics: Record<string, MetricSetting>
  /** Where coverage looks for gaps: a family's own markets, or every market. */
  coverage: {scope: 'family' | 'all'}
}

/** Which way a metric is better, and its unit: `cost_per_contact: {better: lower, unit: currency}`. */
export interface MetricSetting {
  better: 'higher' | 'lower'
  unit?: (typeof METRIC_UNIT_NAMES)[number]
}

type Loader = (text: string) => unknown

const parseYaml: Loader = text => yaml().parse(text, {uniqueKeys: true, maxAliasCount: 50})

/** Discovery order in each folder, as markdownlint-cli2 does: the first match wins. */
const CONFIG_FILES: Array<[string, Loader]> = [
  ['sopkit.config.yaml', parseYaml],
  ['sopkit.config.yml', parseYaml],
  ['sopkit.config.json', text => JSON.parse(text) as unknown],
  ['.sopkitrc', parseYaml],
  ['package.json', text => (JSON.parse(text) as {sopkit?: unknown}).sopkit],
]

export const CONFIG_FILE_NAMES = CONFIG_FILES.map(([name]) => name)

/** Find the nearest config upward from `cwd`, or use the built-in defaults rooted at `cwd`. */
export function loadConfig(cwd: string, explicitFile?: string): Config {
  if (explicitFile) {
    const file = path.resolve(cwd, explicitFile)
    if (!existsSync(file)) {
      throw new SopkitError(
        'CONFIG_NOT_FOUND',
        `config file ${explicitFile} does not exist`,
        'pass the path of an existing sopkit config to --config',
      )
    }
    const loader =
      CONFIG_FILES.find(([name]) => name === path.basename(file))?.[1] ??
      (file.endsWith('.json') ? CONFIG_FILES[2]![1] : parseYaml)
    return resolveConfig(path.dirname(file), file, readConfigFile(file, loader) ?? {})
  }
  // A config above the git work tree belongs to something else (a home folder, another project): never climb past it.
  const top = findGitRoot(cwd)
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const [name, loader] of CONFIG_FILES) {
      const file = path.join(dir, name)
      if (!existsSync(file)) continue
      const raw = readConfigFile(file, loader)
      if (name === 'package.json' && raw === undefined) continue
      return resolveConfig(dir, file, raw ?? {})
    }
    if (dir === top || path.dirname(dir) === dir) break
  }
  return resolveConfig(path.resolve(cwd), undefined, {})
}

function readConfigFile(file: string, loader: Loader): unknown {
  let text = ''
  try {
    text = readFileSync(file, 'utf8')
    return loader(text)
  } catch (error) {
    throw new ConfigError(shownPath(file), [parseProblem(error, text)])
  }
}

/** Why the file is not YAML/JSON, in one line; a repeated key is named, with both its lines. */
function parseProblem(error: unknown, text: string): string {
  const {code, linePos} = error as {code?: string; linePos?: Array<{line: number; col: number}>}
  const at = linePos?.[0]
  if (code === 'DUPLICATE_KEY' && at) {
    const lines = text.split(/\r?\n/)
    const key = /^\s*(?:-\s+)?(["']?)(.*?)\1\s*:/.exec(lines[at.line - 1] ?? '')?.[2] ?? ''
    const indent = at.col - 1
    // The first use of the key: the nearest line above at the same indent that names it.
    const first = lines
      .slice(0, at.line - 1)
      .findLastIndex(l => l.length - l.trimStart().length === indent && l.trim().replace(/^["']/, '').startsWith(key))
    return `line ${at.line}: duplicate key "${key}"${first === -1 ? '' : ` (first at line ${first + 1})`}, a key may appear once in a map`
  }
  return `cannot be parsed: ${messageOf(error).split('\n')[0]!.replace(/:$/, '')}`
}

const require = createRequire(import.meta.url)
let validator: ValidateFunction | undefined

/** ajv compiles the schema on first use: a repo without a config never pays for it. */
function validateShape(raw: unknown): ValidateFunction | undefined {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.keys(raw).length === 0) return undefined
  if (!validator) {
    const {Ajv} = require('ajv') as {Ajv: new (options: object) => AjvType}
    validator = new Ajv({allErrors: true, strict: false, verbose: true}).compile(CONFIG_SCHEMA)
  }
  return validator(raw) ? undefined : validator
}

interface UserConfig {
  documents?: string[]
  ignore?: string[]
  templates?: string
  path?: string
  maxFileSize?: number
  /** A market's name and regions are optional in the schema (the defaults fill them in). */
  taxonomy?: Partial<Omit<Taxonomy, 'markets'>> & {
    markets?: Record<string, {name?: string; regions?: string[]; language?: string}>
  }
  requirements?: Array<{
    when: Record<string, string | string[]>
    require: {compliance: string[]}
    reason?: string
    citation?: string
    from?: string
  }>
  builtinRequirements?: boolean
  types?: Record<string, Partial<DocumentType>>
  statuses?: string[]
  order?: string[]
  variants?: 'copy' | 'overlay'
  rules?: Record<string, SeveritySetting>
  metrics?: Record<string, MetricSetting>
  coverage?: {scope?: 'family' | 'all'}
}

/** Merge a user config over the defaults, after checking its shape and its references. */
export function resolveConfig(root: string, file: string | undefined, raw: unknown): Config {
  const where = file ? shownPath(file) : 'config'
  const failed = validateShape(raw)
  if (failed) {
    throw new ConfigError(where, [...new Set((failed.errors ?? []).map(e => schemaProblem(e, raw)))])
  }
  const user = raw as UserConfig
  const markets: Taxonomy['markets'] = dict(defaultMarkets())
  for (const [code, m] of Object.entries(user.taxonomy?.markets ?? {})) {
    const language = m.language ?? markets[code]?.language
    markets[code] = {
      name: m.name ?? markets[code]?.name ?? code,
      regions: m.regions ?? markets[code]?.regions ?? [],
      ...(language ? {language} : {}),
    }
  }
  const regions = dict<Taxonomy['regions'][string]>(DEFAULT_REGIONS, user.taxonomy?.regions)
  for (const [region, r] of Object.entries(user.taxonomy?.regions ?? {})) {
    for (const code of r.markets) {
      const market = markets[code]
      if (market && !market.regions.includes(region)) markets[code] = {...market, regions: [...market.regions, region]}
    }
  }
  const types: Record<string, DocumentType> = dict(DEFAULT_TYPES)
  for (const [name, t] of Object.entries(user.types ?? {})) {
    types[name] = {
      name: t.name ?? types[name]?.name ?? name,
      fields: t.fields ?? types[name]?.fields ?? [...COMMON_FIELDS],
      sections: t.sections ?? types[name]?.sections ?? [],
    }
  }
  const config: Config = {
    root,
    file,
    documents: user.documents ?? ['sops/**/*.md'],
    ignore: user.ignore ?? ['**/node_modules/**', '**/README.md'],
    templates: user.templates ?? 'templates',
    path: user.path ?? 'sops/{{market}}/{{id}}.md',
    maxFileSize: user.maxFileSize ?? 5 * 1024 * 1024,
    taxonomy: {
      markets,
      regions,
      channels: dict<Taxonomy['channels'][string]>(DEFAULT_CHANNELS, user.taxonomy?.channels),
      compliance: dict<Taxonomy['compliance'][string]>(DEFAULT_COMPLIANCE, user.taxonomy?.compliance),
    },
    requirements: [...builtinRequirements(user), ...(user.requirements ?? []).map(normaliseRequirement)],
    types,
    statuses: user.statuses ?? DEFAULT_STATUSES,
    order: user.order ?? Object.keys(types),
    variants: user.variants ?? 'copy',
    rules: user.rules ?? {},
    metrics: dict(user.metrics),
    coverage: {scope: user.coverage?.scope ?? 'family'},
  }
  const problems = checkReferences(config, user.requirements?.length ?? 0)
  if (problems.length > 0) throw new ConfigError(where, problems)
  return config
}

/** One schema error as "key: what was expected", naming the allowed values and the likely one. */
function schemaProblem(e: ErrorObject, raw: unknown): string {
  const key = e.instancePath.slice(1).replaceAll('/', '.') || '(top level)'
  const params = e.params as {allowedValues?: unknown[]; additionalProperty?: string}
  if (e.keyword === 'enum' && params.allowedValues) {
    const allowed = params.allowedValues.map(String)
    const value = valueAt(raw, e.instancePath)
    const shown = typeof value === 'string' ? ` "${value}"` : ''
    return `${key}:${shown} must be one of ${allowed.join(', ')}${typeof value === 'string' ? didYouMean(suggest(value, allowed)) : ''}`
  }
  if (e.keyword === 'additionalProperties' && params.additionalProperty !== undefined) {
    const known = Object.keys((e.parentSchema as {properties?: object} | undefined)?.properties ?? {})
    const hint = didYouMean(suggest(params.additionalProperty, known))
    return `${key}: unknown key "${params.additionalProperty}"${hint}${known.length > 0 ? `, expected one of ${known.join(', ')}` : ''}`
  }
  return `${key}: ${e.message ?? 'is invalid'}`
}

/** The value at a JSON pointer in the raw config (own keys only). */
function valueAt(raw: unknown, pointer: string): unknown {
  let value = raw
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~')
    value =
      typeof value === 'object' && value !== null && Object.hasOwn(value, key)
        ? (value as Record<string, unknown>)[key]
        : undefined
  }
  return value
}

/**
 * A lookup table without a prototype: a document naming the market `constructor` or `toString`
 * must find nothing, not Object.prototype's methods.
 */
function dict<T>(...sources: Array<Record<string, T> | undefined>): Record<string, T> {
  const table = Object.create(null) as Record<string, T>
  for (const source of sources) Object.assign(table, source)
  return table
}

/** The built-in requirements, unless the config says `builtinRequirements: false` (then only its own apply). */
function builtinRequirements(user: UserConfig): Requirement[] {
  return user.builtinRequirements === false ? [] : DEFAULT_REQUIREMENTS
}

function normaliseRequirement(r: NonNullable<UserConfig['requirements']>[number]): Requirement {
  const when: RequirementCondition = {}
  for (const [key, value] of Object.entries(r.when)) {
    when[key as keyof RequirementCondition] = Array.isArray(value) ? value : [value]
  }
  return {when, require: r.require, reason: r.reason, citation: r.citation, from: r.from}
}

/** Every name a config refers to must exist in its own taxonomy. */
function checkReferences(config: Config, ownRequirements: number): string[] {
  const {markets, regions, channels, compliance} = config.taxonomy
  const problems: string[] = []
  for (const [code, m] of Object.entries(markets)) {
    for (const r of m.regions)
      if (!regions[r])
        problems.push(`taxonomy.markets.${code}.regions: unknown region "${r}", expected one of taxonomy.regions`)
  }
  for (const [code, r] of Object.entries(regions)) {
    if (markets[code]) problems.push(`taxonomy.regions.${code}: a region cannot share a market's code`)
    for (const m of r.markets)
      if (!markets[m])
        problems.push(
          `taxonomy.regions.${code}.markets: unknown market "${m}", expected an ISO 3166-1 code or a taxonomy.markets key`,
        )
  }
  const builtins = config.requirements.length - ownRequirements
  config.requirements.forEach((req, i) => {
    const key = i < builtins ? `built-in requirement ${i + 1}` : `requirements.${i - builtins}`
    for (const m of req.when.market ?? []) if (!markets[m]) problems.push(`${key}.when.market: unknown market "${m}"`)
    for (const r of req.when.region ?? []) if (!regions[r]) problems.push(`${key}.when.region: unknown region "${r}"`)
    for (const c of req.when.channel ?? [])
      if (!channels[c]) problems.push(`${key}.when.channel: unknown channel "${c}"`)
    for (const t of req.when.type ?? []) if (!config.types[t]) problems.push(`${key}.when.type: unknown type "${t}"`)
    for (const tag of req.require.compliance)
      if (!compliance[tag])
        problems.push(`${key}.require.compliance: unknown compliance tag "${tag}", expected a taxonomy.compliance key`)
  })
  for (const t of config.order) if (!config.types[t]) problems.push(`order: unknown type "${t}"`)
  return [...problems, ...checkPaths(config)]
}

/** The folders a config names stay inside the repository and out of .git (`path` with sample values for its placeholders). */
function checkPaths(config: Config): string[] {
  const problems: string[] = []
  const sample = path.resolve(config.root, config.path.replace(/\{\{\s*[A-Za-z]+\s*\}\}/g, 'x'))
  for (const [key, target] of [
    ['path', sample],
    ['templates', path.resolve(config.root, config.templates)],
  ] as const) {
    if (!isInside(config.root, target))
      problems.push(
        `${key}: "${config[key]}" leads outside the repository, expected a path inside ${shownPath(config.root)}`,
      )
    else if (isInGitDir(config.root, target))
      problems.push(`${key}: "${config[key]}" leads into .git, expected a path outside git's own folder`)
  }
  return problems
}
