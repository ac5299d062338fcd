import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {formatFlag, outputFormat} from '../cli/flags.js'
import {writeReport} from '../cli/output.js'
import {makeChalk} from '../cli/terminal.js'
import {loadLibrary} from '../core/loader.js'
import {delimiterOption, readCsvFile} from '../csv/read.js'
import {buildReport} from '../report/build.js'
import type {MetricsReport} from '../report/model.js'
import {REPORT_REGISTRY} from '../report/render/index.js'

export default class Report extends BaseCommand {
  static summary = 'Compare operational metrics (CSV) with the targets of the documents each market reads.'
  static description = `Each row of the metrics CSV names a document id, a market and a period, and optionally a channel \
(chatbot, ai-agent, live-chat ...) and an intent; its other columns are metrics (csat, csat_top2, resolution_rate, \
containment_rate, cost_per_contact, first_response ... in any case or spacing). A row is joined with the document its \
market reads — its own variant, else its region's, else the GLOBAL baseline — and compared with that document's \
\`targets\` (one value, or one per channel: csat: {default: 4.5, chatbot: 4.0}). Satisfaction, resolution and automation \
must reach their target (≥); contact rate, cost per contact, abandonment, escalation and times (2h, 30m) must stay within \
it (≤); the config's \`metrics\` says it for any other metric (cost_per_contact: {better: lower, unit: currency}), and a \
metric nobody gave a direction is shown, never judged. csat is a 1–5 score and csat_top2 a top-2-box share: a value on \
the other scale is a problem, never compared. Rates are written 0.85 or 85%. The report lists every breach, the trend of \
each metric (latest period against the one before; periods sort by the calendar in any spelling: 2026-01, Jan 2026, \
2026-Q1, 2026-W05), channels side by side, and every row it could not use (unknown id, market or channel, no document \
for the market, unreadable value). Exit 1 with --fail-on breach when any target was missed.`

  static examples = [
    {
      description: 'The report in the terminal',
      command: '<%= config.bin %> <%= command.id %> --metrics examples/metrics.csv',
    },
    {
      description: 'A page with charts to share',
      command: '<%= config.bin %> <%= command.id %> --metrics metrics.csv --format html -o report.html',
    },
    {
      description: 'Fail a CI job when a target is missed',
      command: '<%= config.bin %> <%= command.id %> --metrics metrics.csv --fail-on breach',
    },
    {
      description: 'Columns with other names',
      command:
        '<%= config.bin %> <%= command.id %> --metrics export.csv --map "SOP=id,Country=market,Month=period,Satisfaction=csat"',
    },
  ]

  static enableJsonFlag = true

  static flags = {
    metrics: Flags.string({
      description:
        'The metrics CSV: id, market and period columns (channel and intent optional), then one column per metric.',
      required: true,
    }),
    map: Flags.string({
      description: 'Column=field pairs, comma-separated: id, market, period, or a metric name (- ignores a column).',
      multiple: true,
    }),
    format: formatFlag(REPORT_REGISTRY, 'table'),
    output: Flags.string({char: 'o', description: 'Write the report to FILE (overwritten) instead of stdout.'}),
    'fail-on': Flags.string({
      description: 'Exit 1 when the report has this: breach (any missed target, in any period).',
      options: ['breach'],
    }),
    delimiter: Flags.string({
      description: 'Cell delimiter (default: the most frequent of , ; and tab in the header line).',
    }),
  }

  async run(): Promise<MetricsReport> {
    const parsed = await this.parse(Report)
    const {flags} = parsed
    const renderer = outputFormat(REPORT_REGISTRY, parsed, flags.output)
    const config = this.loadConfig(flags)
    const table = readCsvFile(flags.metrics, {delimiter: delimiterOption(flags.delimiter)})
    const report = buildReport(await loadLibrary(config), table, {map: flags.map ?? []})
    const color = flags.output ? makeChalk(0) : this.color
    writeReport(
      renderer.render(report, {color}),
      flags.output,
      text => {
        this.log(text)
      },
      config,
    )
    if (flags['fail-on'] === 'breach' && report.breaches.length > 0) process.exitCode = 1
    return report
  }
}
