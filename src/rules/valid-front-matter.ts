// A document opens with a YAML front-matter block that parses to a mapping; no other engine runs.
import {defineRule} from './rule.js'

export default defineRule({
  id: 'valid-front-matter',
  description: 'Documents open with a terminated YAML front-matter block that parses to a mapping.',
  defaultSeverity: 'error',
  readsBrokenDocuments: true,
  messages: {
    missing: {
      message: 'Document has no front matter',
      mend: 'start the file with a `---` line, the YAML metadata, and a closing `---` line',
    },
    language: {
      message: 'Front matter language "{language}" is not allowed; sopkit reads YAML only and never evaluates code',
      mend: 'change the first line to `---` and write the metadata as YAML',
    },
    unterminated: {message: 'Front matter is not terminated', mend: 'add a closing `---` line after the metadata'},
    yaml: {
      message: 'Invalid YAML in front matter: {detail}',
      mend: 'fix the YAML at this position (quote values that contain `: ` or `#`)',
    },
  },
  check({doc, report}) {
    if (doc.readProblem) return
    for (const p of doc.problems) {
      if (p.kind === 'no-front-matter') report({messageId: 'missing', at: {offset: 0}})
      else if (p.kind === 'language') report({messageId: 'language', data: {language: p.language}, at: {offset: 0}})
      else if (p.kind === 'unterminated') report({messageId: 'unterminated', at: {offset: 0}})
      else report({messageId: 'yaml', data: {detail: p.message}, at: {offset: p.offset}})
    }
  },
})
