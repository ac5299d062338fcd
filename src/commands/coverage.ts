import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {formatFlag, listFlag, listValues, outputFormat} from '../cli/flags.js'
import {writeReport} from '../cli/output.js'
import {makeChalk} from '../cli/terminal.js'
import {loadLibrary} from '../core/loader.js'
import {buildCoverage} from '../inventory/coverage.js'
import {inventoryFilters, marketFilter} from '../inventory/filters.js'
import type {Coverage as CoverageModel} from '../inventory/model.js'
import {COVERAGE_REGISTRY} from '../inventory/render/index.js'

export default class Coverage extends BaseCommand {
  static summary = 'Show which markets lack a variant and which channels lack an SOP, market by market.'
  static description = `Two matrices, both through the variant resolver every command shares (a market reads its own \
variant, else its region's, else the GLOBAL baseline). Families × markets, over live documents (not deprecated or \
retired): each cell is the market's own variant, a region's variant, the baseline, or nothing; a market reading the \
baseline of a family other markets have localised is marked as a gap. Channels × markets, over approved documents: how \
many families' documents for the market cover each channel, and which channels have none. The markets are every market \
and region code the documents name, or those given with --market.`

  static examples = [
    {description: 'The whole library', command: '<%= config.bin %> <%= command.id %>'},
    {
      description: 'Only some markets, even ones without any variant yet',
      command: '<%= config.bin %> <%= command.id %> --market DE,FR,SG',
    },
    {
      description: 'SOPs only, as a page to share',
      command: '<%= config.bin %> <%= command.id %> --type sop --format html -o coverage.html',
    },
  ]

  static enableJsonFlag = true

  static flags = {
    market: listFlag({char: 'm', description: 'Markets (or regions) to show instead of those the library names.'}),
    type: listFlag({char: 't', description: 'Only families of this type.'}),
    format: formatFlag(COVERAGE_REGISTRY, 'table'),
    output: Flags.string({char: 'o', description: 'Write the matrices to FILE (overwritten) instead of stdout.'}),
  }

  async run(): Promise<CoverageModel> {
    const parsed = await this.parse(Coverage)
    const {flags} = parsed
    const config = this.loadConfig(flags)
    const renderer = outputFormat(COVERAGE_REGISTRY, parsed, flags.output)
    const {types} = inventoryFilters(config, {type: listValues(flags.type)})
    const markets = marketFilter(config, listValues(flags.market))
    const coverage = buildCoverage(await loadLibrary(config), {markets, types})
    const color = flags.output ? makeChalk(0) : this.color
    writeReport(
      renderer.coverage!(coverage, {color}),
      flags.output,
      text => {
        this.log(text)
      },
      config,
    )
    return coverage
  }
}
