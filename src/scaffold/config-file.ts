// The sopkit.config.yaml that `init` writes: the default taxonomy spelled out for editing, as a
// YAML document built from the catalogue's data (so it always loads) with comments added.
import type {Document, Pair, Scalar, YAMLMap} from 'yaml'
import {
  DEFAULT_CHANNELS,
  DEFAULT_COMPLIANCE,
  DEFAULT_REGIONS,
  DEFAULT_REQUIREMENTS,
  DEFAULT_STATUSES,
  DEFAULT_TYPES,
} from '../core/catalogue.js'
import {yaml} from '../core/front-matter.js'

const HEADER = ` sopkit configuration, written by \`sopkit init\`: edit it to fit your library.
 Every key is optional; whatever you leave out takes sopkit's built-in default.
 \`sopkit check\` validates it (and names the key when something is wrong).`

/** Comments above top-level keys and taxonomy keys. */
const COMMENTS: Record<string, string> = {
  documents: ' Documents: Markdown files with YAML front matter, found by these globs.',
  ignore: ' Never read. README.md files are guides for people, not documents.',
  templates: ' Repo templates for `sopkit new`: a <name>.md.hbs here replaces the built-in of that name.',
  path: ' Where `sopkit new` writes: {{market}} is the first market as written (GLOBAL → global),\n {{id}} the family id, {{type}} the document type.',
  taxonomy:
    ' The taxonomy: the markets, regions, channels and compliance tags front matter may use.\n Entries here are added to the built-in ones, or replace those with the same code.',
  'taxonomy.markets':
    ' Every ISO 3166-1 alpha-2 code (SG, DE, NO ...) is known already with its English name.\n Add or rename markets here, e.g.\n   XK: {name: Kosovo, regions: [EU]}',
  'taxonomy.regions': " Regions group markets: a region's variant serves each of its markets that has none of its own.",
  'taxonomy.channels': ' Channels a document applies to, from self-service to agent-assisted.',
  'taxonomy.compliance': ' Compliance tags: the regimes a document states it meets.',
  types: ' Document types: the front-matter fields and top-level sections each requires.',
  statuses: ' Statuses, in lifecycle order.',
  variants:
    ' What `sopkit new --from ID --market M` makes: copy (the whole baseline body, adapted by hand)\n or overlay (`inherit: sections`: only the sections the market changes; the rest follows the\n baseline). `--overlay` / `--no-overlay` choose for one run.',
  rules: ' Rule severities (off | warn | error); `sopkit rules` lists them, e.g.\n   review-overdue: warn',
}

/** The built-in requirements, one comment line each: they apply unless switched off, so they are listed, not written. */
function requirementsComment(): string {
  const lines = DEFAULT_REQUIREMENTS.map(r => {
    const when = Object.entries(r.when)
      .map(([k, v]) => `${k} ${(v as string[]).join('|')}`)
      .join(' and ')
    return `   ${r.require.compliance.join(', ').padEnd(11)} when ${when}`
  })
  return [
    ' Compliance requirements: a document whose markets, channels, type or topics match `when`',
    ' must carry the tags in `require`. These built-in requirements apply (set',
    ' `builtinRequirements: false` to keep only your own):',
    ...lines,
    ' Add your own below, e.g.',
    '   - when: {channel: ai-agent, region: EU}',
    '     require: {compliance: [GDPR]}',
    '     reason: AI agents in the EU process personal data in every conversation',
  ].join('\n')
}

/** The text of a fresh sopkit.config.yaml. */
export function initialConfigText(): string {
  const {Document, isMap, isScalar, visit} = yaml()
  const data = {
    documents: ['sops/**/*.md'],
    ignore: ['**/node_modules/**', '**/README.md'],
    templates: 'templates',
    path: 'sops/{{market}}/{{id}}.md',
    taxonomy: {markets: {}, regions: DEFAULT_REGIONS, channels: DEFAULT_CHANNELS, compliance: DEFAULT_COMPLIANCE},
    requirements: [],
    types: DEFAULT_TYPES,
    statuses: DEFAULT_STATUSES,
    variants: 'copy',
    rules: {},
  }
  const doc: Document = new Document(data, {compat: 'yaml-1.1'})
  doc.commentBefore = HEADER
  const comment = (map: YAMLMap, prefix: string) => {
    for (const pair of map.items) {
      const key = pair.key as Scalar
      const text =
        COMMENTS[`${prefix}${String(key.value)}`] ??
        (prefix === '' && key.value === 'requirements' ? requirementsComment() : undefined)
      if (text === undefined) continue
      key.commentBefore = text
      if (prefix === '' && pair !== map.items[0]) key.spaceBefore = true
    }
  }
  if (isMap(doc.contents)) {
    comment(doc.contents, '')
    const taxonomy = doc.contents.get('taxonomy', true)
    if (isMap(taxonomy)) comment(taxonomy, 'taxonomy.')
  }
  // Lists of codes read best on one line each; maps of names stay one entry per line.
  visit(doc, {
    Seq(_, node) {
      if (node.items.every(i => isScalar(i))) node.flow = true
    },
    Map(_, node) {
      if (node.items.length === 1 && isScalar((node.items[0] as Pair).value)) node.flow = true
    },
  })
  // lineWidth 0: a region's market list stays on one line, however long.
  return doc.toString({lineWidth: 0, flowCollectionPadding: false})
}
