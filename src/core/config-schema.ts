// JSON Schema of sopkit.config.*: the first gate for a user's config (validated with ajv).
import {SAFE_SEGMENT_SOURCE} from './paths.js'

/** Taxonomy and type keys become file and folder names (playbooks/<MARKET>.html, sops/<market>/...): the path guard's alphabet. */
const segmentKey = {pattern: SAFE_SEGMENT_SOURCE}

const stringList = {type: 'array', items: {type: 'string', minLength: 1}}
/** A path or glob: the file system refuses NUL, so the config does first (a user error, not a crash). */
const pathText = {type: 'string', pattern: '^[^\\u0000]*$'}
const pathList = {type: 'array', items: {...pathText, minLength: 1}}
const severity = {enum: ['off', 'warn', 'error']}
const condition = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    market: {anyOf: [{type: 'string'}, stringList]},
    region: {anyOf: [{type: 'string'}, stringList]},
    channel: {anyOf: [{type: 'string'}, stringList]},
    type: {anyOf: [{type: 'string'}, stringList]},
    topic: {anyOf: [{type: 'string'}, stringList]},
  },
}

/** Units a metric can be read in (`metrics.<name>.unit`); the report maps each to how it parses and shows values. */
export const METRIC_UNIT_NAMES = ['percent', 'score', 'currency', 'seconds', 'count', 'ratio'] as const

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'sopkit configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    documents: {...pathList, description: 'Globs of documents, relative to the config file.'},
    ignore: {...pathList, description: 'Globs never read.'},
    templates: {...pathText, description: 'Folder of repo templates.'},
    path: {...pathText, description: 'Where `sopkit new` writes, e.g. sops/{{market}}/{{id}}.md.'},
    maxFileSize: {type: 'integer', minimum: 1, description: 'Largest document read, in bytes.'},
    taxonomy: {
      type: 'object',
      additionalProperties: false,
      properties: {
        markets: {
          type: 'object',
          propertyNames: segmentKey,
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: {
              name: {type: 'string'},
              regions: stringList,
              language: {
                type: 'string',
                minLength: 1,
                description:
                  "The label set the market's playbook is written in (en, de, or the repo's templates/export/labels/<language>.json).",
              },
            },
          },
        },
        regions: {
          type: 'object',
          propertyNames: segmentKey,
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['markets'],
            properties: {name: {type: 'string'}, markets: stringList},
          },
        },
        channels: {
          type: 'object',
          propertyNames: segmentKey,
          additionalProperties: {type: 'object', additionalProperties: false, properties: {name: {type: 'string'}}},
        },
        compliance: {
          type: 'object',
          propertyNames: segmentKey,
          additionalProperties: {type: 'object', additionalProperties: false, properties: {name: {type: 'string'}}},
        },
      },
    },
    requirements: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['when', 'require'],
        properties: {
          when: condition,
          require: {
            type: 'object',
            additionalProperties: false,
            required: ['compliance'],
            properties: {compliance: stringList},
          },
          reason: {type: 'string'},
          citation: {type: 'string', description: 'The law and article that impose the requirement.'},
          from: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            description: 'First day (YYYY-MM-DD) the requirement applies.',
          },
        },
      },
    },
    builtinRequirements: {
      type: 'boolean',
      description: 'false: only the requirements of this config apply (by default they add to the built-in ones).',
    },
    types: {
      type: 'object',
      propertyNames: segmentKey,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: {type: 'string', minLength: 1, description: 'What a group of these documents is called in a playbook.'},
          fields: stringList,
          sections: stringList,
        },
      },
    },
    statuses: stringList,
    order: {...stringList, description: 'Document type order in exports.'},
    variants: {
      enum: ['copy', 'overlay'],
      description: 'What `sopkit new --from` makes: a full copy of the baseline, or an overlay (`inherit: sections`).',
    },
    rules: {type: 'object', additionalProperties: severity},
    metrics: {
      type: 'object',
      description: 'Metrics of `sopkit report`: which way is better, and their unit.',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['better'],
        properties: {better: {enum: ['higher', 'lower']}, unit: {enum: METRIC_UNIT_NAMES}},
      },
    },
    coverage: {
      type: 'object',
      additionalProperties: false,
      properties: {
        scope: {
          enum: ['family', 'all'],
          description:
            "Where `sopkit coverage` looks for gaps: `family` (default) only in the markets a family's documents name (GLOBAL names all), `all` in every market.",
        },
      },
    },
  },
} as const
