import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {RULES} from '../rules/index.js'

export default class Rules extends BaseCommand {
  static summary = 'List the rules `sopkit check` runs, with their effective severity.'
  static examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json']
  static enableJsonFlag = true
  static flags = {all: Flags.boolean({description: 'Include rules that are off.'})}

  async run(): Promise<Array<{id: string; severity: string; fixable: boolean; description: string}>> {
    const {flags} = await this.parse(Rules)
    const config = this.loadConfig(flags)
    const rows = RULES.map(r => ({
      id: r.id,
      severity: config.rules[r.id] ?? r.defaultSeverity,
      fixable: r.fixable === true,
      description: r.description,
    })).filter(r => flags.all || r.severity !== 'off')
    const width = Math.max(...rows.map(r => r.id.length))
    for (const r of rows) {
      const severity =
        r.severity === 'error'
          ? this.color.red('error')
          : r.severity === 'warn'
            ? this.color.yellow('warn ')
            : this.color.dim('off  ')
      this.log(`${r.id.padEnd(width)}  ${severity}  ${r.fixable ? 'fix' : '   '}  ${r.description}`)
    }
    return rows
  }
}
