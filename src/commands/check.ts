import {appendFileSync} from 'node:fs'
import {Args, Flags} from '@oclif/core'
import {runCheck} from '../check/engine.js'
import {relocate, reportRoot} from '../check/report-paths.js'
import {BaseCommand} from '../cli/base-command.js'
import {formatFlag, outputFormat} from '../cli/flags.js'
import {writeReport} from '../cli/output.js'
import {createProgress} from '../cli/progress.js'
import {makeChalk} from '../cli/terminal.js'
import {countFindings} from '../core/finding.js'
import {parseShard} from '../core/shard.js'
import {CHECK_FORMATS, formatterNamed} from '../formatters/index.js'
import {stepSummary} from '../formatters/github.js'
import {type CheckJson, checkJson} from '../formatters/json.js'
import {RULES} from '../rules/index.js'
import {shownPath} from '../core/paths.js'

export default class Check extends BaseCommand {
  static aliases = ['lint']
  static summary = 'Check documents: metadata, compliance tags, structure, links and drift.'
  static description = `Checks every document the config's globs name (or the PATHS given) against the rules \
(\`sopkit rules\` lists them). Exit code 0 when clean, 1 when an error (or too many warnings) is found, \
2 when the command could not run.`

  static examples = [
    {description: 'Check the whole library', command: '<%= config.bin %> <%= command.id %>'},
    {
      description: 'Check one folder and fix what is safe to fix',
      command: '<%= config.bin %> <%= command.id %> sops/SG --fix',
    },
    {
      description: 'Annotate a GitHub pull request, checking only changed files',
      command: '<%= config.bin %> <%= command.id %> --format github --changed-since origin/main',
    },
    {
      description: 'Upload to code scanning',
      command: '<%= config.bin %> <%= command.id %> --format sarif -o sopkit.sarif',
    },
    {
      description: 'Job 2 of a 4-job CI matrix',
      command: '<%= config.bin %> <%= command.id %> --shard 2/4 --format github',
    },
    {
      description: "Adopt sopkit on a legacy library: record today's errors, fail only on new ones",
      command: '<%= config.bin %> <%= command.id %> --suppress-all',
    },
  ]

  static enableJsonFlag = true
  static strict = false
  static args = {
    paths: Args.string({description: "Files, folders or globs to check (default: the config's documents)."}),
  }

  static flags = {
    format: formatFlag(CHECK_FORMATS, 'stylish'),
    output: Flags.string({char: 'o', description: 'Write the report to FILE (overwritten) instead of stdout.'}),
    fix: Flags.boolean({description: 'Apply safe fixes to the front matter (the body is never changed).'}),
    'max-warnings': Flags.integer({description: 'Exit 1 when there are more than N warnings.', min: 0}),
    rule: Flags.string({
      description: "Set a rule's severity for this run, e.g. --rule review-overdue=warn.",
      multiple: true,
    }),
    shard: Flags.string({description: 'Check only shard i of n (e.g. 2/4) so n CI jobs cover every document once.'}),
    'changed-since': Flags.string({
      description: 'Only check documents changed since this git revision (plus untracked ones).',
    }),
    cache: Flags.boolean({description: 'Reuse per-document findings of unchanged files (content hash).'}),
    'cache-location': Flags.string({description: 'Cache file path.', dependsOn: ['cache']}),
    suppressions: Flags.string({description: 'Suppressions file (default sopkit-suppressions.json at the repo root).'}),
    'suppress-all': Flags.boolean({
      description: 'Record every current error in the suppressions file, so only new ones fail.',
    }),
  }

  async run(): Promise<CheckJson> {
    const parsed = await this.parse(Check)
    const {argv, flags} = parsed
    const config = this.loadConfig(flags)
    const format = this.jsonEnabled() ? formatterNamed('json') : outputFormat(CHECK_FORMATS, parsed, flags.output)
    const progress = createProgress('check', 'documents')
    const result = await runCheck({
      config,
      cwd: process.cwd(),
      paths: argv as string[],
      ruleFlags: flags.rule,
      fix: flags.fix,
      changedSince: flags['changed-since'],
      shard: flags.shard === undefined ? undefined : parseShard(flags.shard),
      cache: flags['cache-location'] ?? flags.cache,
      suppressions: flags.suppressions,
      suppressAll: flags['suppress-all'],
      version: this.config.version,
      onProgress: (done, total) => {
        progress.update(done, total)
      },
    }).finally(() => {
      progress.done()
    })
    const root = reportRoot(config.root)
    const shown = relocate(result, config.root, root)
    const counts = countFindings(result.findings)
    const tooManyWarnings = flags['max-warnings'] !== undefined && counts.warningCount > flags['max-warnings']
    if (counts.errorCount > 0 || tooManyWarnings) process.exitCode = 1
    const color = flags.output ? makeChalk(0) : this.color
    const text = format.format({result: shown, rules: RULES, color, root, version: this.config.version})
    writeReport(
      text,
      flags.output,
      report => {
        this.log(report)
      },
      config,
    )
    this.reportSideEffects(shown, tooManyWarnings, flags)
    const summaryFile = process.env.GITHUB_STEP_SUMMARY
    if (format.name === 'github' && summaryFile) appendFileSync(summaryFile, stepSummary(shown))
    return checkJson(shown, {maxWarnings: flags['max-warnings']})
  }

  private reportSideEffects(
    result: Awaited<ReturnType<typeof runCheck>>,
    tooManyWarnings: boolean,
    flags: {'max-warnings'?: number},
  ): void {
    const skipped = (file: string) => `warning: ${file} skipped: not among the config's documents, or ignored`
    const notes = [...(result.notes ?? []), ...(result.skipped ?? []).map(skipped)]
    for (const {file, count} of result.fixed) notes.push(`fixed ${count} problem${count === 1 ? '' : 's'} in ${file}`)
    const notFixed = result.notFixed ?? []
    if (notFixed.length > 0)
      notes.push(`not fixed, outside the repository (or a symlink leading out of it): ${notFixed.join(', ')}`)
    if (result.suppressionsWritten)
      notes.push(`recorded ${result.suppressedCount} error(s) in ${shownPath(result.suppressionsWritten)}`)
    if (result.unusedSuppressions > 0)
      notes.push(`${result.unusedSuppressions} suppression(s) no longer occur: run with --suppress-all to prune them`)
    if (tooManyWarnings) notes.push(`too many warnings (more than --max-warnings ${flags['max-warnings']})`)
    for (const note of notes) this.logToStderr(note)
  }
}
