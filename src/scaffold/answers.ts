// From answers (flags, then prompts) to a complete new document: which fields are asked, which
// have defaults, which are still missing, and whether each given value is acceptable.
import {existsSync} from 'node:fs'
import type {Config} from '../core/config.js'
import {SopkitError} from '../core/errors.js'
import type {Library, LibraryDoc} from '../core/library.js'
import {GLOBAL} from '../core/taxonomy.js'
import {ASKABLE_FIELDS, FLAG_FOR, type Answers, type AskableField, idFromTitle, oneLine, unique} from './fields.js'
import type {NewDocument} from './plan.js'
import type {Template} from './templates.js'
import {type Problem, idConflict, listProblem, marketsProblem, refuse, ruleProblem} from './validate.js'
import {shownPath} from '../core/paths.js'

/** Every document needs these, whatever its type: they make its id, path, owner and scope. */
const ALWAYS_ASKED: readonly AskableField[] = ['markets', 'title', 'id', 'owner']

/** The fields asked with this template, in prompt order: its own, plus any its type requires. */
export function fieldsToAsk(config: Config, template: Template): AskableField[] {
  const required = config.types[template.type]?.fields ?? []
  return ASKABLE_FIELDS.filter(f => ALWAYS_ASKED.includes(f) || template.fields.includes(f) || required.includes(f))
}

/** Fields without which the document cannot be made (no default is taken for them without --yes). */
export function neededFields(config: Config, template: Template): AskableField[] {
  const needed: AskableField[] = ['markets', 'title', 'owner']
  if (config.types[template.type]?.fields.includes('channels')) needed.push('channels')
  return needed
}

const stringList = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every(v => typeof v === 'string') ? value : undefined

/** Defaults: the template's, then sopkit's (a GLOBAL baseline; the id from the title). */
export function defaultsFor(template: Template, answers: Answers): Answers {
  const d = template.defaults
  return {
    markets: stringList(d.markets) ?? [GLOBAL],
    id: answers.title ? idFromTitle(answers.title) : undefined,
    channels: stringList(d.channels) ?? [],
    topics: stringList(d.topics) ?? [],
    compliance: stringList(d.compliance) ?? [],
    owner: typeof d.owner === 'string' ? d.owner : undefined,
  }
}

const isEmpty = (value: string | string[] | undefined) => value === undefined || value.length === 0

/** The needed fields still without a value; with --yes a default counts as a value. */
export function missingFields(config: Config, template: Template, answers: Answers, yes: boolean): AskableField[] {
  const defaults = defaultsFor(template, answers)
  return neededFields(config, template).filter(f => isEmpty(answers[f]) && !(yes && !isEmpty(defaults[f])))
}

/** The exit-2 error for a run that cannot ask: every missing flag at once. */
export function missingError(missing: readonly string[], templateName?: string): SopkitError {
  const flags = missing.map(f => (f in FLAG_FOR ? FLAG_FOR[f as AskableField] : f))
  const example = [
    'sopkit new',
    templateName ?? 'sop',
    '--title "Refund escalation"',
    '--market GLOBAL',
    '--channel chatbot',
    '--owner cs-ops@example.com',
  ]
  // --yes only helps with fields that have defaults: the market (GLOBAL) and the template's channels.
  const yes = missing.some(f => f === 'markets' || f === 'channels')
    ? ', or --yes to take the defaults for --market and --channel'
    : ''
  return new SopkitError(
    'MISSING_FIELDS',
    `missing ${flags.join(', ')} (no terminal to ask on: prompts need a TTY and no CI)`,
    `pass ${flags.length === 1 ? 'it' : 'them'} as flags, e.g. \`${example.join(' ')}\`${yes}`,
  )
}

/** Trimmed, one-line text; lists without repeats. Flags and prompts both pass through here. */
export function normalise(answers: Answers): Answers {
  const out: Answers = {...answers}
  if (out.title !== undefined) out.title = oneLine(out.title)
  if (out.owner !== undefined) out.owner = oneLine(out.owner)
  if (out.id !== undefined) out.id = out.id.trim()
  for (const key of ['markets', 'channels', 'topics', 'compliance'] as const)
    if (out[key]) out[key] = unique(out[key].map(oneLine))
  return out
}

export interface AnswerContext {
  config: Config
  /** Whole documents, or summaries (`import` keeps whole only what a later row may copy). */
  library: Library<LibraryDoc>
  /** Replace an existing file (--force): the document in it is not a collision. */
  force: boolean
  /** Where a document with this id and these markets would be written. */
  targetFor: (id: string, markets: string[]) => string
}

/** The first problem with a given value, for a prompt's validation or a flag's refusal. */
export function fieldProblem(ctx: AnswerContext, field: AskableField, answers: Answers): Problem | undefined {
  const {config, library} = ctx
  switch (field) {
    case 'markets':
      return answers.markets && marketsProblem(config, answers.markets)
    case 'channels':
      return answers.channels && listProblem(config, 'channels', answers.channels)
    case 'compliance':
      return answers.compliance && listProblem(config, 'compliance', answers.compliance)
    case 'title':
      return answers.title === ''
        ? {message: 'the title is empty', mend: 'give the document a title, e.g. --title "Refund escalation"'}
        : undefined
    case 'owner':
      return answers.owner === undefined ? undefined : ruleProblem(config, 'valid-owner', 'owner', answers.owner)
    case 'topics':
      return answers.topics?.some(t => !/^[a-z0-9][a-z0-9-]*$/.test(t))
        ? {
            message: `topics are kebab-case words (got ${answers.topics.join(', ')})`,
            mend: 'write topics such as payments or moderation',
          }
        : undefined
    case 'id': {
      if (answers.id === undefined) return undefined
      const invalid = ruleProblem(config, 'valid-id', 'id', answers.id)
      // Collisions depend on the markets: judged once they are known (at the latest when completing).
      if (invalid || !answers.markets) return invalid
      const markets = answers.markets
      const target = ctx.targetFor(answers.id, markets)
      return idConflict(library, answers.id, markets, ctx.force ? target : undefined) ?? fileProblem(target, ctx.force)
    }
  }
}

/** An existing file is never replaced without --force. */
export function fileProblem(target: string, force: boolean): Problem | undefined {
  if (force || !existsSync(target)) return undefined
  return {
    message: `${shownPath(target)} already exists`,
    mend: 'pass --force to replace it, or choose another --id or --output',
  }
}

/** Refuse the first unacceptable given value (exit 2), before anything is asked or written. */
export function checkAnswers(ctx: AnswerContext, answers: Answers): void {
  for (const field of ASKABLE_FIELDS) refuse('INVALID_VALUE', fieldProblem(ctx, field, answers))
}

/** Answers over defaults, checked once more as a whole (a derived id can collide too). */
export function completeAnswers(ctx: AnswerContext, template: Template, answers: Answers): NewDocument {
  const defaults = defaultsFor(template, answers)
  const pick = (f: 'markets' | 'channels' | 'topics' | 'compliance') =>
    answers[f] !== undefined ? answers[f] : defaults[f]!
  const complete = normalise({
    title: answers.title,
    id: answers.id ?? defaults.id,
    owner: answers.owner ?? defaults.owner,
    markets: pick('markets'),
    channels: pick('channels'),
    topics: pick('topics'),
    compliance: pick('compliance'),
  })
  const absent = (['markets', 'title', 'owner'] as const).filter(f => isEmpty(complete[f]))
  if (absent.length > 0) throw missingError(absent, template.name)
  if (!complete.id) {
    throw new SopkitError(
      'INVALID_VALUE',
      `cannot make an id from the title "${complete.title ?? ''}"`,
      'pass --id with a kebab-case id, e.g. --id refund-escalation',
    )
  }
  checkAnswers(ctx, complete)
  return {
    template,
    title: complete.title!,
    id: complete.id,
    markets: complete.markets!,
    channels: complete.channels!,
    topics: complete.topics!,
    compliance: complete.compliance!,
    owner: complete.owner!,
    status: answers.status,
  }
}
