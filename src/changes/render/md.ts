// The briefing as Markdown, for a wiki page or a message to agents: a section per kind of change.
import {markdownCell} from '../../core/escape.js'
import markdownDiff, {words} from '../../diff/render/markdown.js'
import {CHANGE_KINDS, type DocumentChange, countSummary} from '../model.js'
import {defineChangesRenderer} from './renderer.js'
import {KIND_HEADING, changesPeriod, changesTitle, metadataRows, sectionLabel, sourceLine} from './words.js'

export default defineChangesRenderer({
  name: 'md',
  extensions: ['md', 'markdown'],
  description: 'Markdown, for a wiki page or a message to agents',
  load: () => markdownDiff.load?.() ?? Promise.resolve(),
  render: changes => {
    const out = [`# ${markdownCell(changesTitle(changes))}`, '', `_${markdownCell(changesPeriod(changes))}_`, '']
    out.push(`**${countSummary(changes)}**`)
    for (const kind of CHANGE_KINDS) {
      const docs = changes.documents.filter(d => d.kind === kind)
      if (docs.length === 0) continue
      out.push('', `## ${KIND_HEADING[kind]}`)
      for (const doc of docs) out.push('', ...documentBlock(doc))
    }
    return `${out.join('\n')}\n`
  },
})

function documentBlock(doc: DocumentChange): string[] {
  const out = [`### ${markdownCell(doc.title)}`, '', `\`${sourceLine(doc).replace(/`/g, "'")}\``]
  if (doc.note) out.push('', markdownCell(doc.note))
  const rows = metadataRows(doc)
  if (rows.length > 0) {
    out.push('', '| field | before | after |', '|---|---|---|')
    for (const r of rows) out.push(`| \`${r.field}\` | ${markdownCell(r.before)} | ${markdownCell(r.after)} |`)
  }
  for (const s of doc.sections) {
    out.push('', `- **${markdownCell(s.path)}** (${sectionLabel(s)})`)
    const text = s.kind === 'added' || s.kind === 'removed' ? s.text : 'words' in s && s.words ? words(s.words) : ''
    const body = text.trim()
    if (body === '') continue
    const quoted = body
      .split('\n')
      .map(l => (s.kind === 'removed' ? `  > ~~${l}~~` : `  > ${l}`).trimEnd())
      .join('\n')
    out.push('', quoted)
  }
  return out
}
