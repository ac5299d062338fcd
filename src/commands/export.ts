import {Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {formatFlag, listFlag, listValues, outputFormat} from '../cli/flags.js'
import {createProgress} from '../cli/progress.js'
import {SopkitError} from '../core/errors.js'
import {requireKnownMarket} from '../core/taxonomy.js'
import {parseShard} from '../core/shard.js'
import {DEFAULT_STATUSES, exportDate} from '../export/options.js'
import {EXPORT_REGISTRY} from '../export/render/index.js'
import {type ExportResult, STDOUT, runExport} from '../export/run.js'

export default class Export extends BaseCommand {
  static summary = 'Export the consolidated playbook of a market: md, html, pdf, docx, json or jsonl.'
  static description = `Every document family resolved for the market (its own variant, else its region's, else the \
GLOBAL baseline), filtered by channel, type and status (default approved), ordered by type then title. A cover, a table \
of contents, each document with its metadata and source file, links between documents pointing into the playbook, and a \
compliance appendix. The same inputs and --date (or SOURCE_DATE_EPOCH) give byte-identical files. A file is replaced \
only when an earlier export made it; anything else needs --force.`

  static examples = [
    {
      description: 'The German playbook as one self-contained HTML file',
      command: '<%= config.bin %> <%= command.id %> --market DE -o de.html',
    },
    {
      description: 'What the AI agent may use in Singapore, as knowledge chunks',
      command: '<%= config.bin %> <%= command.id %> --market SG --channel ai-agent --format jsonl -o sg-ai-agent.jsonl',
    },
    {
      description: 'A PDF for print (needs Chromium on the system)',
      command: '<%= config.bin %> <%= command.id %> --market GB --format pdf -o gb.pdf',
    },
    {
      description: 'One playbook per market into playbooks/, reproducibly',
      command: '<%= config.bin %> <%= command.id %> --market all --format md --date 2026-05-01',
    },
  ]

  static enableJsonFlag = true

  static flags = {
    market: Flags.string({
      char: 'm',
      description: 'Market or region code, GLOBAL, or all (one playbook per market that has documents).',
      required: true,
    }),
    format: formatFlag(EXPORT_REGISTRY, 'html'),
    output: Flags.string({
      char: 'o',
      description:
        'File to write (- for stdout); with --market all, a folder. Default: playbooks/<MARKET>.<ext> in the repo.',
    }),
    channel: listFlag({description: 'Keep documents for this channel.'}),
    type: listFlag({char: 't', description: 'Keep documents of this type.'}),
    status: listFlag({
      char: 's',
      description: `Keep documents with this status (default ${DEFAULT_STATUSES.join(', ')}).`,
    }),
    date: Flags.string({description: 'Date printed on the cover, YYYY-MM-DD (default SOURCE_DATE_EPOCH, else today).'}),
    shard: Flags.string({
      description: 'With --market all: export only shard i of n (e.g. 2/4), so n CI jobs cover every market once.',
    }),
    force: Flags.boolean({description: 'Replace an output file even when an export did not make it.'}),
    strict: Flags.boolean({
      description:
        'Exit 1 when a playbook lists anything under "Before you publish" (unapproved drift, upstream conflicts, missing regimes).',
    }),
  }

  async run(): Promise<ExportResult> {
    const parsed = await this.parse(Export)
    const {flags} = parsed
    const config = this.loadConfig(flags)
    // A folder (--market all) or stdout names no format.
    const file = flags.market === 'all' || flags.output === STDOUT ? undefined : flags.output
    const renderer = outputFormat(EXPORT_REGISTRY, parsed, file)
    if (flags.output === STDOUT && renderer.binary && process.stdout.isTTY) {
      throw new SopkitError(
        'USAGE',
        `--format ${renderer.name} is binary and stdout is a terminal`,
        'pass a file name to -o, or redirect stdout',
      )
    }
    if (flags.output === STDOUT && this.jsonEnabled())
      throw new SopkitError('USAGE', '--json and -o - both want stdout', 'pass a file name to -o')
    const progress = createProgress('export', 'documents')
    const statuses = listValues(flags.status)
    try {
      const {result, stdout} = await runExport({
        config,
        cwd: process.cwd(),
        market: requireKnownMarket(config.taxonomy, flags.market, '--market', ['all']),
        format: renderer.name,
        channels: listValues(flags.channel),
        types: listValues(flags.type),
        statuses: statuses.length > 0 ? statuses : DEFAULT_STATUSES,
        date: exportDate(flags.date),
        output: flags.output,
        force: flags.force,
        shard: flags.shard === undefined ? undefined : parseShard(flags.shard),
        env: process.env,
        onProgress: (label, done, total) => {
          progress.update(done, total, label)
        },
      })
      progress.done()
      if (stdout !== undefined) process.stdout.write(stdout)
      this.report(result, stdout !== undefined)
      if (flags.strict && result.files.some(f => f.beforePublish > 0)) process.exitCode = 1
      return result
    } finally {
      progress.done()
    }
  }

  /** One line per file; on stderr when the playbook itself went to stdout. */
  private report(result: ExportResult, toStderr: boolean): void {
    const say = (line: string) => {
      if (toStderr) this.logToStderr(line)
      else this.log(line)
    }
    for (const f of result.files) {
      const notes = [`${f.documents} document${f.documents === 1 ? '' : 's'}`]
      if (f.outsideLinks > 0)
        notes.push(
          `${f.outsideLinks} link${f.outsideLinks === 1 ? '' : 's'} to documents outside the playbook, shown as text`,
        )
      if (f.skippedVariants > 0)
        notes.push(`${f.skippedVariants} variant${f.skippedVariants === 1 ? '' : 's'} not in force, baseline shown`)
      if (f.notYetEffective > 0)
        notes.push(
          `${f.notYetEffective} document${f.notYetEffective === 1 ? '' : 's'} not in effect on ${result.date}, left out`,
        )
      say(
        f.file === STDOUT
          ? `${f.market}: ${notes.join('; ')}`
          : `${this.color.green(f.replaced ? 'replaced' : 'wrote')} ${f.file} (${f.market}: ${notes.join('; ')})`,
      )
    }
    const review = result.files.filter(f => f.beforePublish > 0)
    if (review.length > 0)
      this.logToStderr(
        `${this.color.yellow('warning')} before you publish: ${review.map(f => `${f.market} ${f.beforePublish}`).join(', ')} problem${review.length === 1 && review[0]!.beforePublish === 1 ? '' : 's'} (unapproved drift, upstream conflicts, missing regimes), listed at the top of each playbook; \`sopkit check\` says more`,
      )
    if (result.emptyMarkets.length > 0)
      say(this.color.dim(`no matching documents, no file: ${result.emptyMarkets.join(', ')}`))
    if (result.unreadable.length > 0) {
      this.logToStderr(
        `${this.color.yellow('warning')} left out ${result.unreadable.length} file${result.unreadable.length === 1 ? '' : 's'} that cannot be read as documents (run \`sopkit check\` to see why): ${result.unreadable.slice(0, 3).join(', ')}${result.unreadable.length > 3 ? ', …' : ''}`,
      )
    }
  }
}
