// The interactive step: ask, with @inquirer/prompts, for each field no flag answered. Only called
// on a TTY without CI; every answer is validated by the same checks a flag gets.
import {checkbox, input, search, select} from '@inquirer/prompts'
import type {Config} from '../core/config.js'
import {GLOBAL, marketCodes, requiredCompliance} from '../core/taxonomy.js'
import {type AnswerContext, defaultsFor, fieldProblem, fieldsToAsk, normalise} from './answers.js'
import type {Answers, AskableField} from './fields.js'
import {marketName} from './plan.js'
import type {Template} from './templates.js'

/** Ask which template to use. */
export async function askTemplate(templates: readonly Template[]): Promise<string> {
  const usable = templates.filter(t => !t.problem)
  return select({
    message: 'Document type',
    choices: usable.map(t => ({
      value: t.name,
      name: t.name,
      description: `${t.description}${t.source === 'repo' ? ' (repo template)' : ''}`,
    })),
    default: usable.some(t => t.name === 'sop') ? 'sop' : undefined,
  })
}

/** Ask every field of the template that the answers lack, in order; returns the answers completed. */
export async function askFields(ctx: AnswerContext, template: Template, given: Answers): Promise<Answers> {
  let answers = {...given}
  for (const field of fieldsToAsk(ctx.config, template)) {
    if (answers[field] !== undefined) continue
    const value = await ask(ctx, template, field, answers)
    if (value !== undefined) answers = normalise({...answers, [field]: value})
  }
  return answers
}

/** A prompt validator from the shared field checks. */
function validator(ctx: AnswerContext, field: AskableField, answers: Answers) {
  return (value: string | string[]) => {
    const problem = fieldProblem(ctx, field, normalise({...answers, [field]: value}))
    return problem ? `${problem.message}: ${problem.mend}` : true
  }
}

async function ask(
  ctx: AnswerContext,
  template: Template,
  field: AskableField,
  answers: Answers,
): Promise<string | string[] | undefined> {
  const {config} = ctx
  const defaults = defaultsFor(template, answers)
  const required = config.types[template.type]?.fields ?? []
  switch (field) {
    case 'markets':
      return [await askMarket(config, defaults.markets?.[0])]
    case 'title':
      return input({message: 'Title', required: true, validate: validator(ctx, 'title', answers)})
    case 'id':
      return input({
        message: 'Id (kebab-case, shared by every market variant)',
        default: defaults.id,
        required: true,
        validate: validator(ctx, 'id', answers),
      })
    case 'owner':
      return input({
        message: 'Owner (email or @team)',
        default: defaults.owner,
        required: true,
        validate: validator(ctx, 'owner', answers),
      })
    case 'channels':
      return checkbox({
        message: 'Channels',
        choices: Object.entries(config.taxonomy.channels).map(([value, c]) => ({
          value,
          name: `${value} — ${c.name}`,
          checked: defaults.channels?.includes(value),
        })),
        required: required.includes('channels'),
        pageSize: 10,
      })
    case 'topics': {
      const known = knownTopics(config, defaults.topics ?? [])
      if (known.length === 0) return undefined
      return checkbox({
        message: 'Topics that bring extra regulation (optional)',
        choices: known.map(value => ({value, checked: defaults.topics?.includes(value)})),
      })
    }
    case 'compliance':
      return askCompliance(config, template, answers)
  }
}

/** One market, region or GLOBAL, searched by code or name (the full list is 250+ long). */
export async function askMarket(config: Config, preferred: string | undefined = GLOBAL): Promise<string> {
  return search({
    message: 'Market (type a code or a name; GLOBAL makes the baseline)',
    pageSize: 8,
    source: term => marketChoices(config, term, {preferred}),
  })
}

/** The market of a new variant: never GLOBAL, and nothing pre-selected (the first market of the list is no answer). */
export async function askVariantMarket(config: Config): Promise<string> {
  return search({
    message: 'Market of the variant (type a code or a name)',
    pageSize: 8,
    source: term => marketChoices(config, term, {variant: true}),
  })
}

/**
 * The choices for a search term: with no term, `preferred` first; otherwise the exact code, then
 * codes that start with the term, then names that contain it. A variant's list has no GLOBAL.
 */
export function marketChoices(
  config: Config,
  term: string | undefined,
  options: {preferred?: string; variant?: boolean},
): Array<{value: string; name: string}> {
  const codes = marketCodes(config.taxonomy).filter(c => !(options.variant && c === GLOBAL))
  const choices = codes.map(value => ({value, name: marketName(config, value)}))
  const t = (term ?? '').trim().toLowerCase()
  if (t === '')
    return [
      ...choices.filter(c => c.value === options.preferred),
      ...choices.filter(c => c.value !== options.preferred),
    ]
  const rank = (c: {value: string; name: string}) =>
    c.value.toLowerCase() === t ? 0 : c.value.toLowerCase().startsWith(t) ? 1 : 2
  return choices.filter(c => rank(c) < 2 || c.name.toLowerCase().includes(t)).sort((a, b) => rank(a) - rank(b))
}

/** Every tag of the taxonomy; the ones the answers require are checked and cannot be unchecked. */
async function askCompliance(config: Config, template: Template, answers: Answers): Promise<string[]> {
  const defaults = defaultsFor(template, answers)
  const facts = {
    markets: answers.markets ?? defaults.markets!,
    channels: answers.channels ?? defaults.channels!,
    type: template.type,
    topics: answers.topics ?? defaults.topics!,
  }
  const required = new Map(requiredCompliance(config, facts).map(r => [r.tag, r.reason]))
  const choices = Object.entries(config.taxonomy.compliance).map(([value, c]) => ({
    value,
    name: `${value} — ${c.name}`,
    checked: required.has(value) || defaults.compliance!.includes(value),
    disabled: required.has(value) ? `(required: ${required.get(value)})` : false,
  }))
  choices.sort((a, b) => Number(Boolean(b.disabled)) - Number(Boolean(a.disabled)))
  return checkbox({message: 'Compliance tags', choices, pageSize: 12})
}

/** Topics the config's requirements mention (payments, moderation ...), plus the template's. */
function knownTopics(config: Config, extra: readonly string[]): string[] {
  return [...new Set([...config.requirements.flatMap(r => r.when.topic ?? []), ...extra])]
}
