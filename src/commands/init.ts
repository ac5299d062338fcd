import {existsSync, statSync} from 'node:fs'
import path from 'node:path'
import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {loadConfig, resolveConfig} from '../core/config.js'
import {SopkitError} from '../core/errors.js'
import {isInside} from '../core/loader.js'
import {type InitResult, applyInit, findConfig, planInit} from '../scaffold/init.js'
import {listBuiltinTemplates} from '../scaffold/templates.js'
import {shownPath} from '../core/paths.js'

const SAYS: Record<InitResult['action'], string> = {
  created: 'created',
  overwritten: 'overwritten',
  kept: 'exists, kept',
}

export default class Init extends BaseCommand {
  static summary = 'Make a docs-as-code SOP repository: config, sops/, CI and pre-commit examples.'
  static description = `Writes sopkit.config.yaml (the default taxonomy written out for editing), sops/README.md, \
a GitHub Actions workflow and a pre-commit config, and with --templates a copy of the built-in templates to edit. \
Files that exist are kept as they are, so running it again changes nothing.`

  static examples = [
    {description: 'Set up the current folder', command: '<%= config.bin %> <%= command.id %>'},
    {
      description: 'A new repo, with the templates copied in to edit',
      command: '<%= config.bin %> <%= command.id %> cs-playbooks --templates',
    },
  ]

  static enableJsonFlag = true
  static args = {dir: Args.string({description: 'Folder to set up (made if missing).', default: '.'})}
  static flags = {
    templates: Flags.boolean({description: 'Copy the built-in templates into the templates folder, to edit.'}),
    'dry-run': Flags.boolean({description: 'Report what would be written; write nothing.'}),
  }

  async run(): Promise<{dir: string; files: InitResult[]}> {
    const {args, flags} = await this.parse(Init)
    const dir = path.resolve(args.dir)
    if (existsSync(dir) && !statSync(dir).isDirectory()) {
      throw new SopkitError(
        'NOT_A_FOLDER',
        `${args.dir} is a file, not a folder`,
        'pass a folder to set up (it is made if missing)',
      )
    }
    const templatesDir = flags.templates ? this.templatesFolder(dir) : undefined
    // Built-ins are checked against the default types: the copy is what the user will edit.
    const builtins = flags.templates ? listBuiltinTemplates(resolveConfig(dir, undefined, {})) : []
    const plan = planInit(dir, {templates: builtins, templatesDir})
    const files = applyInit(dir, plan, flags['dry-run'])
    for (const {file, action} of files) {
      const says = flags['dry-run'] && action === 'created' ? 'would create' : SAYS[action]
      this.log(
        `${action === 'kept' ? this.color.dim(says.padEnd(12)) : this.color.green(says.padEnd(12))} ${shownPath(path.join(dir, file))}`,
      )
    }
    if (files.some(f => f.action === 'created') && !flags['dry-run'])
      this.log(this.color.dim('next: sopkit new  (then sopkit check)'))
    return {dir, files}
  }

  /** The templates folder of an existing config there, else `templates`; it must stay inside DIR. */
  private templatesFolder(dir: string): string {
    const config = existsSync(dir) && findConfig(dir) ? loadConfig(dir) : undefined
    const folder = config ? path.relative(dir, path.resolve(config.root, config.templates)) : 'templates'
    if (!isInside(dir, path.resolve(dir, folder))) {
      throw new SopkitError(
        'UNSAFE_PATH',
        `the config's templates folder ${folder} is outside ${dir}`,
        'copy the templates by hand, or point `templates` inside the repository',
      )
    }
    return folder.split(path.sep).join('/')
  }
}
