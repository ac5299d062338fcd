// JSON Schema of sopkit.config.*: the first gate for a user's config (validated with ajv).

const stringList = {type: 'array', items: {type: 'string', minLength: 1}}
const severity = {enum: ['off', 'warn', 'error']}
const condition = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {market: {anyOf: [{type: 'string'}, stringList]}, region: {anyOf: [{type: 'string'}, stringList]},
    channel: {anyOf: [{type: 'string'}, stringList]}, type: {anyOf: [{type: 'string'}, stringList]},
    topic: {anyOf: [{type: 'string'}, stringList]}},
}

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'sopkit configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    documents: {...stringList, description: 'Globs of documents, relative to the config file.'},
    ignore: {...stringList, description: 'Globs never read.'},
    templates: {type: 'string', description: 'Folder of repo templates.'},
    path: {type: 'string', description: 'Where `sopkit new` writes, e.g. sops/{{market}}/{{id}}.md.'},
    maxFileSize: {type: 'integer', minimum: 1, description: 'Largest document read, in bytes.'},
    taxonomy: {
      type: 'object',
      additionalProperties: false,
      properties: {
        markets: {type: 'object', additionalProperties: {type: 'object', additionalProperties: false,
          properties: {name: {type: 'string'}, regions: stringList}}},
        regions: {type: 'object', additionalProperties: {type: 'object', additionalProperties: false,
          required: ['markets'], properties: {name: {type: 'string'}, markets: stringList}}},
        channels: {type: 'object', additionalProperties: {type: 'object', additionalProperties: false,
          properties: {name: {type: 'string'}}}},
        compliance: {type: 'object', additionalProperties: {type: 'object', additionalProperties: false,
          properties: {name: {type: 'string'}}}},
      },
    },
    requirements: {
      type: 'array',
      items: {type: 'object', additionalProperties: false, required: ['when', 'require'], properties: {
        when: condition,
        require: {type: 'object', additionalProperties: false, required: ['compliance'], properties: {compliance: stringList}},
        reason: {type: 'string'},
        citation: {type: 'string', description: 'The law and article that impose the requirement.'},
        from: {type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'First day (YYYY-MM-DD) the requirement applies.'},
      }},
    },
    builtinRequirements: {type: 'boolean', description: 'false: only the requirements of this config apply (by default they add to the built-in ones).'},
    types: {type: 'object', additionalProperties: {type: 'object', additionalProperties: false,
      properties: {fields: stringList, sections: stringList}}},
    statuses: stringList,
    order: {...stringList, description: 'Document type order in exports.'},
    rules: {type: 'object', additionalProperties: severity},
  },
} as const
