import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {formatFlag, outputFormat} from '../cli/flags.js'
import {writeReport} from '../cli/output.js'
import {makeChalk} from '../cli/terminal.js'
import type {Config} from '../core/config.js'
import {SopkitError} from '../core/errors.js'
import {loadLibrary} from '../core/loader.js'
import {loadUpstream, variantsNeedingBase} from '../core/upstream.js'
import {dateFlag} from '../core/dates.js'
import {diffDocuments} from '../diff/diff.js'
import {buildMatrix} from '../diff/matrix.js'
import {upstreamPair} from '../diff/upstream.js'
import {type DiffResult, hasDifferences} from '../diff/model.js'
import {DIFF_REGISTRY} from '../diff/render/index.js'
import {
  type Pair,
  checkMarket,
  familyNamed,
  filePair,
  isFileArgument,
  marketPair,
  revisionPair,
} from '../diff/targets.js'

export default class Diff extends BaseCommand {
  static summary = 'Show how a market variant differs from its baseline, another market, or an earlier revision.'
  static description = `Sections are aligned by heading path (the H1 title is not a section) and reported as changed, \
added, removed or moved, with the changed words; metadata is compared field by field. A variant's differences are \
marked as approved deviations (a live \`deviations\` entry names the section) or drift.`

  static examples = [
    {
      description: 'What Singapore does differently from what it would otherwise read',
      command: '<%= config.bin %> <%= command.id %> refund-escalation --market SG',
    },
    {
      description: 'Singapore against the United States',
      command: '<%= config.bin %> <%= command.id %> refund-escalation --market SG --against US',
    },
    {
      description: 'Your uncommitted edit of the DE variant',
      command: '<%= config.bin %> <%= command.id %> refund-escalation --market DE --ref HEAD',
    },
    {
      description: "What the baseline changed since Singapore's based_on, and what port can carry over",
      command: '<%= config.bin %> <%= command.id %> refund-escalation --market SG --upstream',
    },
    {
      description: 'Every market of a family on one screen',
      command: '<%= config.bin %> <%= command.id %> refund-escalation --matrix',
    },
    {
      description: 'Two files, as Markdown for a pull-request comment',
      command: '<%= config.bin %> <%= command.id %> sops/global/a.md sops/SG/a.md --format markdown',
    },
  ]

  static enableJsonFlag = true
  static args = {
    target: Args.string({description: 'A family id, or the first of two files.', required: true}),
    other: Args.string({description: 'The second file, when comparing two files.'}),
  }

  static flags = {
    market: Flags.string({char: 'm', description: 'The market whose document to compare.'}),
    against: Flags.string({
      description: 'Compare with what this market reads, or GLOBAL (default: what --market would inherit).',
      dependsOn: ['market'],
    }),
    ref: Flags.string({
      description: 'Compare with the same document at this git revision.',
      dependsOn: ['market'],
      exclusive: ['against'],
    }),
    upstream: Flags.boolean({
      description:
        "What the baseline changed since the market variant's based_on (git history), each section port-able or a conflict.",
      dependsOn: ['market'],
      exclusive: ['against', 'ref'],
    }),
    matrix: Flags.boolean({
      description: 'Every market variant of the family against its reference, as a sections × markets table.',
      exclusive: ['market'],
    }),
    format: formatFlag(DIFF_REGISTRY, 'text'),
    output: Flags.string({char: 'o', description: 'Write the diff to FILE (overwritten) instead of stdout.'}),
    'exit-code': Flags.boolean({description: 'Exit 1 when there are differences (as git diff --exit-code).'}),
    date: Flags.string({description: 'Judge deviation expiry as of this date (YYYY-MM-DD; default today).'}),
  }

  async run(): Promise<DiffResult> {
    const parsed = await this.parse(Diff)
    const {args, flags} = parsed
    const renderer = outputFormat(DIFF_REGISTRY, parsed, flags.output)
    const config = this.loadConfig(flags)
    const today = dateFlag(flags.date)
    const result = args.other
      ? await this.filesResult(config, args.target, args.other, today)
      : await this.familyResult(config, args.target, flags, today)
    const color = flags.output ? makeChalk(0) : this.color
    await renderer.load?.()
    writeReport(
      renderer.render(result, {color}),
      flags.output,
      text => {
        this.log(text)
      },
      config,
    )
    if (flags['exit-code'] && hasDifferences(result)) process.exitCode = 1
    return result
  }

  private async filesResult(config: Config, a: string, b: string, today: string): Promise<DiffResult> {
    return this.diffOf(await filePair(config, process.cwd(), a, b), today)
  }

  private async familyResult(
    config: Config,
    id: string,
    flags: {market?: string; against?: string; ref?: string; matrix: boolean; upstream: boolean},
    today: string,
  ): Promise<DiffResult> {
    if (isFileArgument(process.cwd(), id)) {
      throw new SopkitError(
        'USAGE',
        `${id} looks like a file, but only one file was given`,
        'pass two files (sopkit diff A.md B.md), or a family id with --market',
      )
    }
    const library = await loadLibrary(config)
    const family = familyNamed(library, id)
    if (flags.matrix) {
      const upstream = await loadUpstream(library, {
        variants: variantsNeedingBase(library).filter(v => family.variants.includes(v)),
        versionBump: false,
      })
      if (upstream.note) this.logToStderr(upstream.note)
      const matrix = buildMatrix(config.taxonomy, family, today, upstream)
      if (!matrix)
        throw new SopkitError(
          'NO_BASELINE',
          `${id} has no GLOBAL baseline`,
          `add a document with id ${id} and markets [GLOBAL]`,
        )
      return {kind: 'matrix', matrix}
    }
    if (!flags.market)
      throw new SopkitError(
        'USAGE',
        `which market of ${id}?`,
        `pass --market M (e.g. --market SG), or --matrix for every market`,
      )
    const market = checkMarket(library, flags.market, '--market')
    const against = flags.against === undefined ? undefined : checkMarket(library, flags.against, '--against')
    if (flags.upstream) return {kind: 'diff', diff: await upstreamPair(library, family, market, today)}
    const pair =
      flags.ref !== undefined
        ? await revisionPair(library, family, market, flags.ref)
        : marketPair(library, family, market, against)
    return this.diffOf(pair, today)
  }

  private diffOf(pair: Pair, today: string): DiffResult {
    if (pair.note) this.logToStderr(pair.note)
    return {kind: 'diff', diff: diffDocuments(pair.a, pair.b, {classify: pair.classify, today, labels: pair.labels})}
  }
}
