// The inventory columns `sopkit import` understands, and the header names each is found under by
// default (normalised: lower case, letters and digits only). `--map` overrides any of them.
import type {FieldSpec} from '../csv/columns.js'

export const IMPORT_FIELDS: readonly FieldSpec[] = [
  {
    field: 'title',
    aliases: [
      'title',
      'name',
      'sop',
      'soptitle',
      'sopname',
      'documenttitle',
      'documentname',
      'doctitle',
      'docname',
      'document',
    ],
  },
  {field: 'id', aliases: ['id', 'sopid', 'documentid', 'docid', 'familyid', 'slug', 'key']},
  {field: 'type', aliases: ['type', 'doctype', 'documenttype', 'soptype', 'kind', 'template']},
  {
    field: 'markets',
    aliases: ['markets', 'market', 'marketcode', 'countries', 'country', 'countrycode', 'regions', 'region'],
  },
  {field: 'channels', aliases: ['channels', 'channel']},
  {field: 'compliance', aliases: ['compliance', 'compliancetags', 'regulation', 'regulations', 'regime', 'regimes']},
  {field: 'topics', aliases: ['topics', 'topic']},
  {field: 'owner', aliases: ['owner', 'owneremail', 'ownerteam', 'team', 'dri', 'responsible']},
  {field: 'status', aliases: ['status', 'state', 'lifecycle', 'lifecyclestatus']},
]

export type ImportField =
  'title' | 'id' | 'type' | 'markets' | 'channels' | 'compliance' | 'topics' | 'owner' | 'status'
