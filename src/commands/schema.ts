import {Flags} from '@oclif/core'
import path from 'node:path'
import {BaseCommand} from '../cli/base-command.js'
import {CONFIG_SCHEMA} from '../core/config-schema.js'
import {frontMatterSchema} from '../core/schema.js'
import {writeFileAtomic} from '../core/writer.js'

export default class Schema extends BaseCommand {
  static summary = 'Print the JSON Schema of document front matter for the current config.'
  static description = 'Point your editor at it (e.g. yaml-language-server) to get completion for markets, channels and compliance tags.'
  static examples = [
    '<%= config.bin %> <%= command.id %> > sopkit.schema.json',
    '<%= config.bin %> <%= command.id %> --for config -o config.schema.json',
  ]

  static flags = {
    for: Flags.string({description: 'Which schema: document front matter, or the sopkit config file.', options: ['front-matter', 'config'], default: 'front-matter'}),
    output: Flags.string({char: 'o', description: 'Write the schema to FILE (overwritten) instead of stdout.'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Schema)
    const schema = flags.for === 'config' ? CONFIG_SCHEMA : frontMatterSchema(this.loadConfig(flags))
    const text = `${JSON.stringify(schema, null, 2)}\n`
    if (flags.output) writeFileAtomic(path.resolve(flags.output), text, {overwrite: true})
    else process.stdout.write(text)
  }
}
