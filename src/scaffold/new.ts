// `sopkit new` without the CLI: flags and (on a TTY) prompts in, a planned document out.
import type {Config} from '../core/config.js'
import {SopkitError} from '../core/errors.js'
import {SopDocument} from '../core/document.js'
import type {Library, LibraryDoc} from '../core/library.js'
import {memo} from '../core/memo.js'
import {didYouMean, GLOBAL, marketCodeOf, suggest} from '../core/taxonomy.js'
import {
  type AnswerContext,
  checkAnswers,
  completeAnswers,
  fileProblem,
  missingError,
  missingFields,
  normalise,
} from './answers.js'
import {type Answers} from './fields.js'
import {documentPath, outputPath} from './paths.js'
import {type PlannedDocument, planDocument, planVariant} from './plan.js'
import {askFields, askTemplate, askVariantMarket} from './prompts.js'
import {type Template, findTemplate} from './templates.js'
import {marketsProblem, refuse} from './validate.js'

export interface NewRequest {
  /** The TYPE argument: a template name. */
  template?: string
  /** What the flags answered. */
  answers: Answers
  /** --from: the family to make a market variant of. */
  from?: string
  /** --overlay / --no-overlay: an overlay variant (`inherit: sections`); the config's `variants` by default. */
  overlay?: boolean
  /** --section: heading paths an overlay starts with copies of. */
  sections?: string[]
  /** --output, as given (relative to `cwd`). */
  output?: string
  cwd: string
  force: boolean
  yes: boolean
  /** Prompts are allowed: a TTY, no CI, no --yes. */
  interactive: boolean
  today: string
}

/** How missing answers are asked; the prompts by default, a script in tests. */
export interface Asker {
  template(templates: readonly Template[]): Promise<string>
  fields(ctx: AnswerContext, template: Template, answers: Answers): Promise<Answers>
  market(config: Config): Promise<string>
}

export const promptAsker: Asker = {template: askTemplate, fields: askFields, market: askVariantMarket}

/** Plan the document a `sopkit new` run asks for, asking what is missing when it may. */
export async function prepareNew(
  config: Config,
  library: Library<LibraryDoc>,
  templates: readonly Template[],
  request: NewRequest,
  asker: Asker = promptAsker,
): Promise<PlannedDocument> {
  const named = normalise(request.answers)
  // Markets as people type them (uk, Germany, EL) become the taxonomy's codes before any check.
  const markets = named.markets?.map(m => marketCodeOf(config.taxonomy, m) ?? m)
  const given = markets ? {...named, markets} : named
  if (request.from) return prepareVariant({config, library, request, given, asker})
  if (request.overlay !== undefined || request.sections?.length) {
    throw new SopkitError(
      'INVALID_VALUE',
      '--overlay and --section make a market variant: they need --from ID',
      'add --from ID --market M, or leave them out',
    )
  }
  let name = request.template
  if (name === undefined) {
    if (!request.interactive)
      throw missingError([
        'TYPE argument',
        ...missingFields(config, templates.find(t => t.name === 'sop') ?? templates[0]!, given, request.yes),
      ])
    name = await asker.template(templates)
  }
  const template = findTemplate(templates, name)
  // The target is asked for by each check of the id and once more for the plan; the path guard
  // behind it reads the file system, so one request works it out once per id and markets.
  const targets = new Map<string, string>()
  const ctx: AnswerContext = {
    config,
    library,
    force: request.force,
    targetFor: (id, markets) =>
      memo(targets, `${id}\0${markets.join('\0')}`, () =>
        request.output
          ? outputPath(request.cwd, request.output, id)
          : documentPath(config, {id, markets, type: template.type}),
      ),
  }
  checkAnswers(ctx, given)
  let answers = given
  if (request.interactive) answers = await asker.fields(ctx, template, given)
  else {
    const missing = missingFields(config, template, given, request.yes)
    if (missing.length > 0) throw missingError(missing, template.name)
  }
  const input = completeAnswers(ctx, template, answers)
  return planDocument(config, input, request.today, ctx.targetFor(input.id, input.markets))
}

interface VariantSetup {
  config: Config
  library: Library<LibraryDoc>
  request: NewRequest
  given: Answers
  asker: Asker
}

async function prepareVariant({config, library, request, given, asker}: VariantSetup): Promise<PlannedDocument> {
  const from = request.from!
  const family = library.families.get(from)
  if (!family) {
    const hint = suggest(from, library.families.keys())
    throw new SopkitError(
      'UNKNOWN_ID',
      `no document has the id "${from}"${didYouMean(hint)}`,
      'pass the id of an existing family to --from (`sopkit ls` lists the ids)',
    )
  }
  const baseline = family.baselines[0]
  if (!baseline) {
    throw new SopkitError(
      'NO_BASELINE',
      `"${from}" has no GLOBAL baseline to make a variant of`,
      `make the baseline first: sopkit new ${family.variants[0]?.meta.type ?? 'sop'} --id ${from} --market GLOBAL`,
    )
  }
  // `import` keeps whole every baseline a later row makes a variant of: a summary here is a bug.
  if (!(baseline instanceof SopDocument)) throw new Error(`internal: the baseline of "${from}" was not kept whole`)
  if (!baseline.meta.version) {
    throw new SopkitError(
      'NO_BASELINE_VERSION',
      `${baseline.file} has no version for the variant's based_on`,
      'give the baseline a version, e.g. version: "1.0.0", then run again',
    )
  }
  if (request.template !== undefined && request.template !== baseline.meta.type) {
    throw new SopkitError(
      'INVALID_VALUE',
      `--from ${from} makes a ${baseline.meta.type ?? 'document'} like its baseline, not a ${request.template}`,
      'leave out the TYPE argument',
    )
  }
  if (given.id !== undefined && given.id !== from) {
    throw new SopkitError(
      'INVALID_VALUE',
      `--id ${given.id} differs from --from ${from}: a variant keeps its family's id`,
      'leave out --id',
    )
  }
  let markets = given.markets ?? []
  if (markets.length === 0) {
    if (!request.interactive) throw missingError(['markets'])
    markets = [await asker.market(config)]
  }
  refuse('INVALID_VALUE', marketsProblem(config, markets))
  const [market] = markets
  if (markets.length > 1 || market === GLOBAL) {
    throw new SopkitError(
      'INVALID_VALUE',
      `--from makes one market's variant, not ${markets.join(', ')}`,
      'pass one --market (a market or region code), once per variant',
    )
  }
  const target = request.output
    ? outputPath(request.cwd, request.output, from)
    : documentPath(config, {id: from, markets, type: baseline.meta.type ?? 'sop'})
  checkAnswers({config, library, force: request.force, targetFor: () => target}, {...given, id: undefined, markets})
  const existing = family.variants.find(d => d.meta.markets.includes(market!))
  if (existing && !(request.force && existing.absPath === target)) {
    throw new SopkitError(
      'VARIANT_EXISTS',
      `${market} already has a variant of "${from}": ${existing.file}`,
      `edit ${existing.file}, or pass another --market`,
    )
  }
  refuse('FILE_EXISTS', fileProblem(target, request.force))
  const sections = request.sections ?? []
  const overlay = request.overlay ?? (sections.length > 0 || config.variants === 'overlay')
  if (!overlay && sections.length > 0) {
    throw new SopkitError(
      'INVALID_VALUE',
      '--section names the sections an overlay starts with; --no-overlay makes a full copy',
      'leave out --no-overlay, or --section',
    )
  }
  return planVariant(
    config,
    baseline,
    {
      market: market!,
      title: given.title,
      owner: given.owner,
      channels: given.channels,
      compliance: given.compliance,
      topics: given.topics,
      status: given.status,
      overlay,
      sections,
    },
    request.today,
    target,
  )
}
