import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {dateFlag} from '../core/dates.js'
import {loadLibrary} from '../core/loader.js'
import {renderPort} from '../port/render.js'
import {type PortResult, runPort} from '../port/run.js'

export default class Port extends BaseCommand {
  static summary =
    "Carry baseline changes made since a variant's based_on into the variant, keeping every conflict for a person."
  static description = `For each variant: every section the baseline changed since the variant's \`based_on\` version \
(found in git history) and the market left alone is brought up to date; a section both changed, or one under a live \
deviation, is a conflict and stays as it is. The variant's version gets a patch bump when anything changed, and \
\`based_on\` moves to the baseline's version only when no conflict is left. Every other byte stays as it was. \
Exit code 1 while conflicts remain (or a variant --all found cannot be ported), 2 on bad input.`

  static examples = [
    {
      description: 'Port the Singapore variant',
      command: '<%= config.bin %> <%= command.id %> refund-escalation --market SG',
    },
    {
      description: 'Every variant of a family, showing what would change',
      command: '<%= config.bin %> <%= command.id %> refund-escalation --all --dry-run',
    },
    {description: 'Every variant of every family', command: '<%= config.bin %> <%= command.id %> --all'},
  ]

  static enableJsonFlag = true
  static strict = false
  static args = {ids: Args.string({description: 'Family ids to port (several may be given).'})}

  static flags = {
    market: Flags.string({
      char: 'm',
      description: 'Port the variant of this market (repeatable).',
      multiple: true,
      exclusive: ['all'],
    }),
    all: Flags.boolean({description: 'Port every variant of the ids given (of every family when no id is given).'}),
    'dry-run': Flags.boolean({description: 'Show what would change; write nothing.'}),
    date: Flags.string({description: 'Judge deviation expiry as of this date (YYYY-MM-DD; default today).'}),
  }

  async run(): Promise<PortResult> {
    const {argv, flags} = await this.parse(Port)
    const config = this.loadConfig(flags)
    const result = await runPort(await loadLibrary(config), {
      ids: argv as string[],
      markets: flags.market ?? [],
      all: flags.all,
      dryRun: flags['dry-run'],
      today: dateFlag(flags.date),
    })
    this.log(renderPort(result, this.color))
    if (result.skipped.length > 0 || result.plans.some(p => p.conflicts.length > 0)) process.exitCode = 1
    // The JSON result leaves out each plan's new text (it is what got written).
    return {
      ...result,
      plans: result.plans.map(p => {
        const plan = {...p}
        delete plan.text
        return plan
      }),
    }
  }
}
