import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {formatFlag, listFlag, listValues, outputFormat} from '../cli/flags.js'
import {writeReport} from '../cli/output.js'
import {makeChalk} from '../cli/terminal.js'
import {loadLibrary} from '../core/loader.js'
import {dateFlag} from '../core/dates.js'
import {inventoryFilters} from '../inventory/filters.js'
import {buildInventory} from '../inventory/inventory.js'
import type {Inventory} from '../inventory/model.js'
import {LS_REGISTRY} from '../inventory/render/index.js'

export default class Ls extends BaseCommand {
  static summary = "List the library's documents, filtered, as a table, CSV, JSON or Markdown."
  static description = `Filters combine (a document must pass each given one); a repeated filter matches any of its \
values. --market M lists what applies to M: documents for M itself, for a region M belongs to, and GLOBAL baselines \
(--market EU: documents for EU, for any EU market, and GLOBAL). CSV cells that a spreadsheet would run as formulas \
(=, +, -, @) are escaped, and its lists are "; "-separated, so \`sopkit import\` reads it back.`

  static examples = [
    {description: 'Everything', command: '<%= config.bin %> <%= command.id %>'},
    {
      description: 'What applies to Germany on chat channels',
      command: '<%= config.bin %> <%= command.id %> --market DE --channel chatbot --channel ai-agent',
    },
    {
      description: 'Overdue reviews of one team, for a spreadsheet',
      command:
        '<%= config.bin %> <%= command.id %> --owner @knowledge-management --overdue --format csv -o overdue.csv',
    },
    {description: 'Drafts as Markdown', command: '<%= config.bin %> <%= command.id %> --status draft --format md'},
  ]

  static enableJsonFlag = true

  static flags = {
    market: listFlag({
      char: 'm',
      description: "Documents that apply to this market or region (own, its region's, or GLOBAL).",
    }),
    channel: listFlag({description: 'Documents for this channel.'}),
    type: listFlag({char: 't', description: 'Documents of this type.'}),
    status: listFlag({char: 's', description: 'Documents in this status.'}),
    owner: Flags.string({
      description: 'Documents of this owner (any case; @ and email domain optional). Repeat for several.',
      multiple: true,
    }),
    overdue: Flags.boolean({description: 'Only live documents past their review_by date.'}),
    date: Flags.string({description: 'Judge overdue as of this date (YYYY-MM-DD; default today).'}),
    format: formatFlag(LS_REGISTRY, 'table'),
    output: Flags.string({char: 'o', description: 'Write the list to FILE (overwritten) instead of stdout.'}),
  }

  async run(): Promise<Inventory> {
    const parsed = await this.parse(Ls)
    const {flags} = parsed
    const config = this.loadConfig(flags)
    const today = dateFlag(flags.date)
    const renderer = outputFormat(LS_REGISTRY, parsed, flags.output)
    const filters = inventoryFilters(config, {
      ...flags,
      market: listValues(flags.market),
      channel: listValues(flags.channel),
      type: listValues(flags.type),
      status: listValues(flags.status),
    })
    const inventory = buildInventory(await loadLibrary(config), filters, today)
    const color = flags.output ? makeChalk(0) : this.color
    writeReport(
      renderer.ls!(inventory, {color}),
      flags.output,
      text => {
        this.log(text)
      },
      config,
    )
    return inventory
  }
}
