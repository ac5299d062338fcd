import {Args, Flags} from '@oclif/core'
import {todayUtc} from '../core/dates.js'
import {BaseCommand} from '../cli/base-command.js'
import {listFlag} from '../cli/flags.js'
import {canPrompt} from '../cli/terminal.js'
import {prepareNew} from '../scaffold/new.js'
import {loadLibrary} from '../core/loader.js'
import {checkPlanned, refuseFindings} from '../scaffold/self-check.js'
import {listTemplates} from '../scaffold/templates.js'
import {writeDocument} from '../scaffold/write.js'
import {shownPath} from '../core/paths.js'

export interface NewJson {
  /** The document's path, relative to the current folder. */
  file: string
  action: 'created' | 'overwritten' | 'dry-run'
  /** What it was made from: "built-in template sop", or the baseline file a variant copies. */
  source: string
  front: Record<string, unknown>
  /** The full text, on a dry run. */
  content?: string
}

export default class New extends BaseCommand {
  static summary = 'Start a document from a template, or a market variant of a baseline.'
  static description = `Asks for what the flags leave out (on a terminal; with CI set or no TTY, missing fields are an \
error naming the flags), then writes the document where the config's \`path\` says, e.g. sops/global/<id>.md. \
Compliance tags the markets, channels, type and topics require are always added. The new file passes \`sopkit check\`. \
Nothing is overwritten without --force.`

  static examples = [
    {description: 'Answer the questions', command: '<%= config.bin %> <%= command.id %>'},
    {
      description: 'A GLOBAL SOP from flags only',
      command:
        '<%= config.bin %> <%= command.id %> sop --title "Refund escalation" --market GLOBAL --channel chatbot,agent-assisted --owner cs-ops@example.com',
    },
    {
      description: 'A strategy for Germany on the AI-agent channel (GDPR, the DSA and the AI Act are added)',
      command:
        '<%= config.bin %> <%= command.id %> strategy --title "AI agent rollout" --market DE --channel ai-agent --owner @cs-strategy --yes',
    },
    {
      description: 'An AI agent specification: disclosure, limits, hand-off, evaluation, kill switch',
      command:
        '<%= config.bin %> <%= command.id %> ai-agent --title "Order help agent" --market DE --channel ai-agent --owner @cs-ai',
    },
    {
      description: 'The Singapore variant of a baseline (SG-PDPA and based_on set)',
      command: '<%= config.bin %> <%= command.id %> --from refund-escalation --market SG',
    },
    {
      description: 'A Brazil overlay: only the sections BR changes, the rest follows the baseline',
      command:
        '<%= config.bin %> <%= command.id %> --from refund-escalation --market BR --overlay --section "Procedure > Refund above limit"',
    },
    {
      description: 'See the file without writing it',
      command:
        '<%= config.bin %> <%= command.id %> policy --title "Seller response time" --market GLOBAL --owner @seller-ops --dry-run',
    },
  ]

  static enableJsonFlag = true
  static args = {
    type: Args.string({
      description:
        'Template to use: a document type (sop, strategy, policy, flow, kb-article, automation-rule, ai-agent) or a repo template; `sopkit templates` lists them.',
    }),
  }

  static flags = {
    title: Flags.string({char: 't', description: 'Title (one line).'}),
    id: Flags.string({description: 'Family id, kebab-case (default: from the title).'}),
    market: listFlag({char: 'm', description: 'Market, region or GLOBAL.'}),
    channel: listFlag({description: 'Channel.'}),
    compliance: listFlag({description: 'Compliance tag beyond the required ones.'}),
    topic: listFlag({description: 'Topic that brings regulation, e.g. payments.'}),
    owner: Flags.string({description: 'Owner: an email address or an @team.'}),
    from: Flags.string({description: "Make a market variant of this family's GLOBAL baseline (with one --market)."}),
    overlay: Flags.boolean({
      allowNo: true,
      dependsOn: ['from'],
      description:
        "With --from: an overlay variant (`inherit: sections`) that holds only the sections the market changes (default: the config's `variants`).",
    }),
    section: Flags.string({
      multiple: true,
      dependsOn: ['from'],
      description:
        'With --from: a heading path the overlay starts with a copy of, e.g. "Procedure > Refund above limit" (repeat).',
    }),
    output: Flags.string({
      char: 'o',
      description: "Write here instead of the config's path (a file, or a folder for <id>.md).",
    }),
    force: Flags.boolean({description: 'Replace an existing file.'}),
    'dry-run': Flags.boolean({description: 'Print the document (stdout) and its path (stderr); write nothing.'}),
    yes: Flags.boolean({
      char: 'y',
      description: "Ask nothing: take the defaults (GLOBAL, the template's channels) for what the flags leave out.",
    }),
  }

  async run(): Promise<NewJson> {
    const {args, flags} = await this.parse(New)
    const config = this.loadConfig(flags)
    const today = todayUtc()
    const library = await loadLibrary(config)
    const request = {
      template: args.type,
      from: flags.from,
      overlay: flags.overlay,
      sections: flags.section,
      output: flags.output,
      cwd: process.cwd(),
      force: flags.force,
      yes: flags.yes,
      today,
      // --json output must stay parseable, so it never shares stdout with a prompt.
      interactive: canPrompt() && !flags.yes && !this.jsonEnabled(),
      answers: {
        title: flags.title,
        id: flags.id,
        markets: flags.market,
        channels: flags.channel,
        topics: flags.topic,
        compliance: flags.compliance,
        owner: flags.owner,
      },
    }
    const planned = await prepareNew(config, library, listTemplates(config), request)
    refuseFindings(await checkPlanned(config, library, planned, today))
    const file = shownPath(planned.target)
    const result: NewJson = {file, action: 'dry-run', source: planned.source, front: planned.front}
    if (flags['dry-run']) {
      this.logToStderr(`would write ${file} (dry run: nothing written)`)
      this.log(planned.content.trimEnd())
      return {...result, content: planned.content}
    }
    result.action = writeDocument(planned.target, planned.content, flags.force)
    this.log(`${this.color.green(result.action)} ${file}`)
    this.log(this.color.dim(`next: fill in the sections, then run \`sopkit check ${file}\``))
    return result
  }
}
