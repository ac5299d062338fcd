// A document must be a readable UTF-8 text file of sensible size inside the repo.
import {MAX_NESTING, tooDeepLine} from '../core/nesting.js'
import {defineRule} from './rule.js'

function offsetOfLine(text: string, line: number): number {
  let at = 0
  for (let n = 1; n < line; n++) at = text.indexOf('\n', at) + 1
  return at
}

export default defineRule({
  id: 'valid-file',
  description: 'Documents are readable UTF-8 text files inside the repository, below the size limit.',
  defaultSeverity: 'error',
  readsBrokenDocuments: true,
  messages: {
    binary: {
      message: 'File is binary (it contains NUL bytes), not a Markdown document',
      mend: 'remove it from the document globs or replace it with a Markdown file',
    },
    encoding: {message: 'File is not valid UTF-8 (first bad byte near {detail})', mend: 'save the file as UTF-8'},
    utf16: {message: 'File is UTF-16 encoded', mend: 'save the file as UTF-8'},
    'lone-cr': {
      message: 'File uses lone CR line ends (classic Mac OS), first on line {detail}: it was not read',
      mend: 'save the file with LF (or CRLF) line ends',
    },
    'too-large': {
      message: 'File is {detail}, over the maxFileSize limit',
      mend: 'split the document, or raise maxFileSize in the sopkit config',
    },
    empty: {message: 'File is empty', mend: 'add front matter and content (`sopkit new`), or delete the file'},
    unreadable: {message: 'File cannot be read ({detail})', mend: 'check the file exists and is readable'},
    'too-deep': {
      message: 'Blockquotes or lists nest more than {detail} levels deep here: no renderer can export that',
      mend: 'flatten the nesting (export keeps only the first {detail} levels)',
    },
    'outside-root': {
      message: 'File is a symlink to a place outside the repository and was not read',
      mend: 'replace the symlink with the document itself',
    },
  },
  check({doc, report}) {
    const problem = doc.readProblem
    if (problem) {
      report({messageId: problem.kind, data: {detail: problem.detail ?? ''}})
      return
    }
    const line = tooDeepLine(doc.body)
    if (line !== undefined)
      report({messageId: 'too-deep', data: {detail: MAX_NESTING}, at: {bodyOffset: offsetOfLine(doc.body, line)}})
  },
})
