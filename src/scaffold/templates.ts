// Document templates: found in the repo's templates folder first, then among the built-ins.
// A template is `<name>.md.hbs`: a metadata block (data: description, type, fields, defaults)
// then a handlebars body. The metadata is never copied into documents; front matter is data.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {Config} from '../core/config.js'
import {SopkitError} from '../core/errors.js'
import {parseYaml, splitFrontMatter} from '../core/front-matter.js'
import {packageFile} from '../core/package-files.js'
import {didYouMean, suggest} from '../core/taxonomy.js'
import {ASKABLE_FIELDS, type AskableField} from './fields.js'

export const TEMPLATE_SUFFIX = '.md.hbs'
/** Template names are used in messages and as file names, so they stay simple. */
const NAME = /^[a-z0-9][a-z0-9-]*$/

export type TemplateSource = 'repo' | 'built-in'

export interface Template {
  name: string
  /** The document type it makes: its metadata's `type`, else its name. */
  type: string
  source: TemplateSource
  /** Absolute path of the template file. */
  file: string
  description: string
  /** Fields `sopkit new` asks for (the type's required ones are always asked too). */
  fields: AskableField[]
  /** Prompt defaults for asked fields, and fixed values for any other front-matter key. */
  defaults: Record<string, unknown>
  /** The handlebars body. */
  body: string
  /** Set when a repo template replaces a built-in of the same name. */
  overrides?: boolean
  /** Why the template cannot be used, when it cannot. */
  problem?: string
}

/** The built-in templates ship with the package: `templates/` beside `dist/` (or `src/`). */
export function builtinTemplatesDir(): string {
  return packageFile('templates/')
}

/** The repo's templates folder from the config, relative to the config's folder. */
export function repoTemplatesDir(config: Config): string {
  return path.resolve(config.root, config.templates)
}

/** Every template, repo ones replacing built-ins of the same name, sorted by name. */
export function listTemplates(config: Config): Template[] {
  const byName = new Map<string, Template>()
  for (const t of readTemplates(builtinTemplatesDir(), 'built-in', config)) byName.set(t.name, t)
  for (const t of readTemplates(repoTemplatesDir(config), 'repo', config)) {
    byName.set(t.name, byName.has(t.name) ? {...t, overrides: true} : t)
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** Only the built-in templates (what `init --templates` copies). */
export function listBuiltinTemplates(config: Config): Template[] {
  return readTemplates(builtinTemplatesDir(), 'built-in', config)
}

/** The named template, or an error naming the known ones (with a "did you mean"). */
export function findTemplate(templates: readonly Template[], name: string): Template {
  const found = templates.find(t => t.name === name)
  if (!found) {
    const names = templates.map(t => t.name)
    const hint = suggest(name, names)
    throw new SopkitError(
      'UNKNOWN_TEMPLATE',
      `unknown template or type "${name}"${didYouMean(hint)}`,
      `use one of ${names.join(', ')} (\`sopkit templates\` lists them)`,
    )
  }
  if (found.problem)
    throw new SopkitError(
      'TEMPLATE_INVALID',
      `template ${found.file}: ${found.problem}`,
      'fix the template file, or delete it to use the built-in one',
    )
  return found
}

function readTemplates(dir: string, source: TemplateSource, config: Config): Template[] {
  if (!existsSync(dir)) return []
  // Regular files only: a symlinked template could read anything on the machine.
  return readdirSync(dir, {withFileTypes: true})
    .filter(e => e.isFile() && e.name.endsWith(TEMPLATE_SUFFIX) && NAME.test(e.name.slice(0, -TEMPLATE_SUFFIX.length)))
    .map(e => parseTemplate(path.join(dir, e.name), readFileSync(path.join(dir, e.name), 'utf8'), source, config))
}

/** Read a template file; a problem is recorded on the template instead of thrown, so listing never fails. */
export function parseTemplate(file: string, text: string, source: TemplateSource, config: Config): Template {
  const name = path.basename(file).slice(0, -TEMPLATE_SUFFIX.length)
  const template: Template = {
    name,
    type: name,
    source,
    file,
    description: '',
    fields: [...ASKABLE_FIELDS],
    defaults: {},
    body: text,
  }
  const block = splitFrontMatter(text)
  if (!block) return checkType(template, config)
  if (!block.terminated) return {...template, problem: 'the metadata block opened with --- is never closed'}
  template.body = text.slice(block.bodyStart)
  const parsed = parseYaml(text.slice(block.start, block.end))
  if (!parsed.data) return {...template, problem: `metadata: ${parsed.problems[0]?.message ?? 'not a mapping'}`}
  const problem = readMetadata(template, parsed.data)
  return problem ? {...template, problem} : checkType(template, config)
}

function readMetadata(template: Template, meta: Record<string, unknown>): string | undefined {
  for (const key of Object.keys(meta)) {
    if (!['description', 'type', 'fields', 'defaults'].includes(key))
      return `metadata: unknown key "${key}", expected description, type, fields or defaults`
  }
  const {description, type, fields, defaults} = meta
  if (description !== undefined && typeof description !== 'string') return 'metadata: description must be text'
  if (type !== undefined && typeof type !== 'string') return 'metadata: type must be text'
  if (fields !== undefined) {
    if (!Array.isArray(fields)) return 'metadata: fields must be a list'
    const unknown: unknown = fields.find(f => !(ASKABLE_FIELDS as readonly unknown[]).includes(f))
    if (unknown !== undefined) {
      const shown = typeof unknown === 'string' ? unknown : JSON.stringify(unknown)
      return `metadata: unknown field "${shown}", expected some of ${ASKABLE_FIELDS.join(', ')}`
    }
    template.fields = ASKABLE_FIELDS.filter(f => fields.includes(f))
  }
  if (defaults !== undefined && (typeof defaults !== 'object' || defaults === null || Array.isArray(defaults)))
    return 'metadata: defaults must be a mapping'
  template.description = description ?? ''
  template.type = type ?? template.name
  template.defaults = {...(defaults as Record<string, unknown> | undefined)}
  return undefined
}

function checkType(template: Template, config: Config): Template {
  if (config.types[template.type]) return template
  return {
    ...template,
    problem: `type "${template.type}" is not a document type of the config (${Object.keys(config.types).join(', ')})`,
  }
}
