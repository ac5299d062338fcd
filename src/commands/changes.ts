import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {formatFlag, outputFormat} from '../cli/flags.js'
import {makeChalk} from '../cli/terminal.js'
import {countSummary} from '../changes/model.js'
import {CHANGES_REGISTRY} from '../changes/render/index.js'
import {type ChangesResult, runChanges} from '../changes/run.js'
import {exportDate} from '../export/options.js'

export default class Changes extends BaseCommand {
  static summary = "What changed in a market's playbook between two revisions, for the agents' briefing."
  static description = `Compares what the market reads (each family resolved for it, approved documents, overlays \
applied) at --since with what it reads at --until (default: the working tree): documents added, approved, changed, \
retired and removed, each changed section with its changed words, baseline changes the market inherits included, and \
status and effective-date changes. The same revisions and --date give the same output.`

  static examples = [
    {
      description: "This week's changes for the German agents",
      command: '<%= config.bin %> <%= command.id %> --market DE --since "main@{1 week ago}"',
    },
    {
      description: 'Between two releases, as a page to share',
      command: '<%= config.bin %> <%= command.id %> --market SG --since v1.4 --until v1.5 --format html -o sg.html',
    },
    {
      description: 'One briefing per market into briefings/',
      command:
        '<%= config.bin %> <%= command.id %> --market all --since v1.4 --format md -o briefings --date 2026-05-01',
    },
  ]

  static enableJsonFlag = true

  static flags = {
    market: Flags.string({
      char: 'm',
      description: 'Market or region code, GLOBAL, or all (one file per market into the -o folder).',
      required: true,
    }),
    since: Flags.string({description: 'The git revision to compare from (branch, tag, commit).', required: true}),
    until: Flags.string({description: 'The git revision to compare to (default: the working tree).'}),
    format: formatFlag(CHANGES_REGISTRY, 'text'),
    output: Flags.string({
      char: 'o',
      description: 'File to write (overwritten; default stdout); with --market all, a folder.',
    }),
    date: Flags.string({
      description: 'Date printed on the briefing, YYYY-MM-DD (default SOURCE_DATE_EPOCH, else today).',
    }),
  }

  async run(): Promise<ChangesResult> {
    const parsed = await this.parse(Changes)
    const {flags} = parsed
    const config = this.loadConfig(flags)
    const output = flags.output === '-' ? undefined : flags.output
    const {result, stdout} = await runChanges({
      config,
      cwd: process.cwd(),
      market: flags.market,
      since: flags.since,
      until: flags.until,
      // One file: its extension may name the format; --market all names a folder.
      format: flags.market === 'all' ? flags.format : outputFormat(CHANGES_REGISTRY, parsed, output).name,
      date: exportDate(flags.date),
      output,
      color: output === undefined ? this.color : makeChalk(0),
    })
    if (stdout !== undefined) this.log(stdout.replace(/\n$/, ''))
    for (const f of result.files) {
      const changes = result.changes.find(c => c.market.code === f.market)!
      this.log(`${this.color.green('wrote')} ${f.file} (${f.market}: ${countSummary(changes)})`)
    }
    return result
  }
}
