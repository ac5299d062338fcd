import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {todayUtc} from '../core/dates.js'
import {loadLibrary} from '../core/loader.js'
import {delimiterOption, readCsvFile} from '../csv/read.js'
import {runImport} from '../import/import.js'
import type {ImportResult} from '../import/model.js'
import {renderImport} from '../import/render.js'
import {listTemplates} from '../scaffold/templates.js'

export default class Import extends BaseCommand {
  static summary = 'Create document stubs from an SOP inventory spreadsheet (CSV).'
  static description = `One document per row, made exactly as \`sopkit new\` makes it: the same templates, taxonomy \
checks, paths and self-check, so every stub passes \`sopkit check\`. Columns are found by name (Title, ID, Type, \
Market, Channel, Owner, Compliance, Topics, Status and common variants; any case or spacing); --map names others. \
Cells with several values are split on ; or ,. A row whose id already has a document for its markets is skipped: \
nothing is ever overwritten, so importing the same sheet twice changes nothing. A row naming one market of a family \
that has a GLOBAL baseline becomes that market's variant. Rows are numbered as the spreadsheet numbers them (the header is row 1). Exit 0 when \
every row was created or skipped, 1 when a row was refused (the others are still created), 2 when the file cannot \
be read as CSV.`

  static examples = [
    {
      description: 'See what an inventory would create',
      command: '<%= config.bin %> <%= command.id %> inventory.csv --dry-run',
    },
    {description: 'Create the stubs', command: '<%= config.bin %> <%= command.id %> inventory.csv'},
    {
      description: 'Columns with other names',
      command: '<%= config.bin %> <%= command.id %> sheet.csv --map "SOP Name=title,Country=market,DRI=owner"',
    },
    {
      description: 'Empty Market cells mean GLOBAL; results as JSON',
      command: '<%= config.bin %> <%= command.id %> inventory.csv --yes --json',
    },
  ]

  static enableJsonFlag = true
  static args = {
    csv: Args.string({description: 'The inventory as CSV (UTF-8; comma, semicolon or tab separated).', required: true}),
  }

  static flags = {
    map: Flags.string({
      description:
        'Column=field pairs, comma-separated (fields: title, id, type, markets, channels, compliance, topics, owner, status; - ignores a column).',
      multiple: true,
    }),
    type: Flags.string({description: 'Template for rows without a Type cell.', default: 'sop'}),
    yes: Flags.boolean({
      char: 'y',
      default: false,
      description: "Take `sopkit new --yes` defaults for empty cells: GLOBAL for the market, the template's channels.",
    }),
    'dry-run': Flags.boolean({default: false, description: 'Plan and check every row; write nothing.'}),
    delimiter: Flags.string({
      description: 'Cell delimiter (default: the most frequent of , ; and tab in the header line).',
    }),
  }

  async run(): Promise<ImportResult> {
    const {args, flags} = await this.parse(Import)
    const config = this.loadConfig(flags)
    const table = readCsvFile(args.csv, {delimiter: delimiterOption(flags.delimiter)})
    const library = await loadLibrary(config)
    const result = await runImport(config, library, listTemplates(config), table, {
      map: flags.map ?? [],
      defaultType: flags.type,
      yes: flags.yes,
      today: todayUtc(),
      dryRun: flags['dry-run'],
      cwd: process.cwd(),
    })
    // Under --json the table would be muted: not built at all (100,000 rows make a large one).
    if (!this.jsonEnabled()) this.log(renderImport(result, this.color))
    if (result.summary.errors > 0) process.exitCode = 1
    return result
  }
}
