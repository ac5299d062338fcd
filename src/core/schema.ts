// The JSON Schema of front matter for a config: for editors (yaml-language-server) and other tools.
import type {Config} from './config.js'
import {LIMIT_KEY} from './limits.js'
import {GLOBAL} from './taxonomy.js'

const SEMVER = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$'
const DATE = '^\\d{4}-\\d{2}-\\d{2}$'

const count = {type: 'number', minimum: 0}

/** One closed limit shape (core/limits): exactly these fields, all required. */
const quantities = (properties: Record<string, unknown>) => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
})

const enumOf = (values: Record<string, {name: string}>) =>
  Object.entries(values).map(([code, v]) => ({const: code, title: v.name}))

export function frontMatterSchema(config: Config): Record<string, unknown> {
  const {taxonomy} = config
  const text = (description: string, extra: Record<string, unknown> = {}) => ({type: 'string', description, ...extra})
  const list = (description: string, items: Record<string, unknown>) => ({
    type: 'array',
    description,
    items,
    uniqueItems: true,
  })
  const markets = [{const: GLOBAL, title: 'Global baseline'}, ...enumOf(taxonomy.regions), ...enumOf(taxonomy.markets)]
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://sopkit.dev/schema/front-matter.json',
    title: 'sopkit document front matter',
    type: 'object',
    properties: {
      id: text('Family id, kebab-case, the same across market variants.', {pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$'}),
      title: text('Document title.'),
      type: {description: 'Document type.', enum: Object.keys(config.types)},
      version: text('Semantic version, quoted.', {pattern: SEMVER}),
      status: {description: 'Lifecycle state.', enum: config.statuses},
      owner: text('An email address or an @team handle.', {
        pattern: '^(?:[^\\s@]+@[^\\s@]+\\.[^\\s@]+|@[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)?)$',
      }),
      markets: list('ISO 3166-1 alpha-2 markets, regions, or GLOBAL for the baseline.', {oneOf: markets}),
      channels: list('Channels the document applies to.', {oneOf: enumOf(taxonomy.channels)}),
      compliance: list('Regimes the document satisfies.', {oneOf: enumOf(taxonomy.compliance)}),
      topics: list('Topics that bring extra requirements (e.g. payments, moderation).', {type: 'string'}),
      effective: text('Date the document takes effect (YYYY-MM-DD).', {pattern: DATE}),
      review_by: text('Date by which it must be reviewed (YYYY-MM-DD).', {pattern: DATE}),
      based_on: text('Market variants: the baseline version adapted from.', {pattern: SEMVER}),
      inherit: {
        description:
          'Market variants: `sections` makes an overlay, whose body holds only the sections the market changes.',
        enum: ['sections'],
      },
      deviations: {
        type: 'array',
        description: 'Market variants: approved departures from the baseline.',
        items: {
          type: 'object',
          required: ['section', 'reason', 'approver'],
          properties: {
            section: text('Heading path, e.g. "Procedure > Refund above limit".'),
            reason: text('Why the market departs from the baseline.'),
            approver: text('Who approved it.'),
            expires: text('Date the approval ends (YYYY-MM-DD).', {pattern: DATE}),
          },
        },
      },
      targets: {
        type: 'object',
        description:
          'Operational targets, e.g. csat: 4.5, first_response: 2h; per channel: csat: {default: 4.5, chatbot: 4.0}.',
        additionalProperties: {
          anyOf: [
            {type: ['number', 'string']},
            {
              type: 'object',
              propertyNames: {enum: ['default', ...Object.keys(taxonomy.channels)]},
              additionalProperties: {type: ['number', 'string']},
            },
          ],
        },
      },
      limits: {
        type: 'object',
        description: 'Structured limits rules compare, e.g. refund_auto_approve: {amount: 75, currency: USD}.',
        propertyNames: {pattern: LIMIT_KEY.source},
        additionalProperties: {
          oneOf: [
            quantities({amount: count, currency: {type: 'string', pattern: '^[A-Z]{3}$'}}),
            ...['days', 'hours', 'minutes'].map(unit => quantities({[unit]: count})),
            quantities({count: {type: 'integer', minimum: 0}}),
          ],
        },
      },
    },
    allOf: Object.entries(config.types).map(([type, t]) => ({
      if: {properties: {type: {const: type}}, required: ['type']},
      then: {required: t.fields},
    })),
  }
}
