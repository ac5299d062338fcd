// JSON Lines: a header record (the cover; its `generator` key is the mark), then one chunk per
// line, so ingestion can stream a large playbook.
import type {Playbook} from '../model.js'
import {chunksOf, coverRecord} from './chunks.js'
import {opensWithGeneratorKey} from './json.js'
import {defineExportRenderer} from './renderer.js'

export default defineExportRenderer({
  name: 'jsonl',
  extension: 'jsonl',
  extensions: ['jsonl', 'ndjson'],
  description: 'JSON Lines: a header record, then one chunk per section',
  binary: false,
  render(playbook: Playbook) {
    const lines = [
      {...coverRecord(playbook), record: 'playbook'},
      ...chunksOf(playbook).map(c => ({record: 'chunk', ...c})),
    ]
    return Promise.resolve(`${lines.map(l => JSON.stringify(l)).join('\n')}\n`)
  },
  recognises: opensWithGeneratorKey,
})
