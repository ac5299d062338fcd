import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {CONFIG_SCHEMA} from '../core/config-schema.js'
import type {Config} from '../core/config.js'
import {ConfigError} from '../core/errors.js'
import {frontMatterSchema} from '../core/schema.js'
import {writeReport} from '../cli/output.js'

export default class Schema extends BaseCommand {
  static summary = 'Print the JSON Schema of document front matter for the current config.'
  static description =
    'Point your editor at it (e.g. yaml-language-server) to get completion for markets, channels and compliance tags.'
  static examples = [
    '<%= config.bin %> <%= command.id %> > sopkit.schema.json',
    '<%= config.bin %> <%= command.id %> --for config -o config.schema.json',
  ]

  static enableJsonFlag = true

  static flags = {
    for: Flags.string({
      description: 'Which schema: document front matter, or the sopkit config file.',
      options: ['front-matter', 'config'],
      default: 'front-matter',
    }),
    output: Flags.string({char: 'o', description: 'Write the schema to FILE (overwritten) instead of stdout.'}),
  }

  async run(): Promise<Record<string, unknown>> {
    const {flags} = await this.parse(Schema)
    // The config schema is what mends a broken config, so a broken config must not keep it from being written.
    const config = flags.for === 'config' ? this.configIfValid(flags) : this.loadConfig(flags)
    const schema: Record<string, unknown> =
      flags.for === 'config' || config === undefined ? CONFIG_SCHEMA : frontMatterSchema(config)
    if (!this.jsonEnabled())
      writeReport(JSON.stringify(schema, null, 2), flags.output, text => process.stdout.write(`${text}\n`), config)
    return schema
  }

  private configIfValid(flags: {config?: string}): Config | undefined {
    try {
      return this.loadConfig(flags)
    } catch (error) {
      if (error instanceof ConfigError) return undefined
      throw error
    }
  }
}
