// The briefing for a terminal: one block per document, changed words as git --word-diff=plain shows them.
import type {ChalkInstance} from 'chalk'
import {wordLines} from '../../diff/render/text.js'
import {type ChangeKind, type DocumentChange, countSummary} from '../model.js'
import {defineChangesRenderer} from './renderer.js'
import {changesPeriod, changesTitle, metadataRows, sectionLabel, sourceLine} from './words.js'

const MARK: Record<ChangeKind, string> = {added: '+', approved: '✓', changed: '~', retired: '⌫', removed: '-'}

export default defineChangesRenderer({
  name: 'text',
  extensions: ['txt'],
  description: 'coloured, for a terminal (the default)',
  render: (changes, {color: c}) => {
    const lines = [c.bold(changesTitle(changes)), c.dim(changesPeriod(changes)), '', countSummary(changes)]
    for (const doc of changes.documents) lines.push('', ...documentLines(doc, c))
    return lines.join('\n')
  },
})

function documentLines(doc: DocumentChange, c: ChalkInstance): string[] {
  const paint = doc.kind === 'added' || doc.kind === 'approved' ? c.green : doc.kind === 'changed' ? c.yellow : c.red
  const lines = [`${paint(`${MARK[doc.kind]} ${doc.kind}`)}  ${c.bold(doc.title)}  ${c.dim(sourceLine(doc))}`]
  if (doc.note) lines.push(`    ${c.dim(doc.note)}`)
  const rows = metadataRows(doc)
  const width = Math.max(0, ...rows.map(r => r.field.length))
  for (const r of rows) lines.push(`    ${r.field.padEnd(width)}  ${c.red(r.before)} → ${c.green(r.after)}`)
  for (const s of doc.sections) {
    lines.push(`    ${c.bold(s.path)}  ${c.dim(sectionLabel(s))}`)
    if (s.kind === 'added') lines.push(...indented(s.text, '      ').map(l => c.green(l)))
    else if (s.kind === 'removed') lines.push(...indented(s.text, '      ').map(l => c.red(l)))
    else lines.push(...wordLines(s, c, '      '))
  }
  return lines
}

function indented(text: string, indent: string): string[] {
  return text
    .split('\n')
    .filter(l => l.trim() !== '')
    .map(l => `${indent}${l}`)
}
