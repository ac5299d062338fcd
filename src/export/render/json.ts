// JSON: the whole playbook as one object (cover, documents with metadata, chunks, compliance),
// for knowledge-base and AI-agent ingestion. Keys in a fixed order; `generator` first is the mark.
import type {Playbook} from '../model.js'
import {chunksOf, coverRecord, documentRecord} from './chunks.js'
import {defineExportRenderer, headText} from './renderer.js'

/** json and jsonl open with the generator key, `{"generator": "sopkit export"` (any spacing): the first key of the first line. */
export function opensWithGeneratorKey(bytes: Uint8Array): boolean {
  return /^(?:\u00EF\u00BB\u00BF)?\s*\{\s*"generator"\s*:\s*"sopkit export"/.test(headText(bytes, 4096))
}

export function playbookJson(playbook: Playbook): Record<string, unknown> {
  return {
    ...coverRecord(playbook),
    documents: playbook.documents.map(documentRecord),
    chunks: chunksOf(playbook),
    compliance: playbook.compliance.map(c => ({
      tag: c.tag,
      name: c.name,
      applies_to_market: c.appliesToMarket,
      documents: c.documents.map(d => d.id),
    })),
    outside_links: playbook.outsideLinks,
    skipped: playbook.skipped,
  }
}

export default defineExportRenderer({
  name: 'json',
  extension: 'json',
  extensions: ['json'],
  description: 'one JSON object: cover, documents with metadata, one chunk per section, compliance',
  binary: false,
  render(playbook: Playbook) {
    return Promise.resolve(`${JSON.stringify(playbookJson(playbook), null, 2)}\n`)
  },
  recognises: opensWithGeneratorKey,
})
