import path from 'node:path'
import {BaseCommand} from '../cli/base-command.js'
import {fieldsToAsk} from '../scaffold/answers.js'
import {listTemplates} from '../scaffold/templates.js'

export interface TemplateJson {
  name: string
  type: string
  source: 'repo' | 'built-in'
  /** Repo-relative for repo templates; the file name for built-ins. */
  file: string
  description: string
  /** The fields `sopkit new` asks for with this template. */
  fields: string[]
  overrides: boolean
  problem?: string
}

export default class Templates extends BaseCommand {
  static summary = 'List the templates `sopkit new` can use.'
  static description = `Repo templates (the config's \`templates\` folder) come first and replace built-ins of the same \
name. A template is <name>.md.hbs: a metadata block (description, type, fields, defaults) then a handlebars body.`

  static examples = [
    {description: 'List templates', command: '<%= config.bin %> <%= command.id %>'},
    {description: 'As JSON, for editors and scripts', command: '<%= config.bin %> <%= command.id %> --json'},
  ]

  static enableJsonFlag = true

  async run(): Promise<{templates: TemplateJson[]}> {
    const {flags} = await this.parse(Templates)
    const config = this.loadConfig(flags)
    const templates = listTemplates(config).map((t): TemplateJson => ({
      name: t.name,
      type: t.type,
      source: t.source,
      description: t.description,
      overrides: Boolean(t.overrides),
      file: t.source === 'repo' ? path.relative(config.root, t.file).split(path.sep).join('/') : path.basename(t.file),
      fields: t.problem ? t.fields : fieldsToAsk(config, t),
      problem: t.problem,
    }))
    const width = Math.max(...templates.map(t => t.name.length), 4)
    for (const t of templates) {
      const source = t.source === 'repo' ? `repo ${t.file}${t.overrides ? ' (overrides built-in)' : ''}` : 'built-in'
      this.log(`${this.color.bold(t.name.padEnd(width))}  ${t.description || this.color.dim('(no description)')}`)
      this.log(`${' '.repeat(width)}  ${this.color.dim(`type ${t.type} · ${source} · asks ${t.fields.join(', ')}`)}`)
      if (t.problem) this.log(`${' '.repeat(width)}  ${this.color.red(`unusable: ${t.problem}`)}`)
    }
    return {templates}
  }
}
