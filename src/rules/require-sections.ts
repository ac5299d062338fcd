// Every section its type requires is present as a top-level section.
import {defineLibraryRule} from './rule.js'

export default defineLibraryRule({
  id: 'require-sections',
  description: 'Documents have every top-level section their type requires (e.g. an SOP has Escalation).',
  defaultSeverity: 'error',
  // An overlay variant inherits its baseline's sections: it is judged by its effective document.
  readsBody: true,
  messages: {
    missing: {
      message: 'Missing required section "{section}" for type {type}',
      mend: 'add a `## {section}` heading with its content',
    },
  },
  check({doc, library, config, report}) {
    const type = doc.meta.type
    const required = type ? (config.types[type]?.sections ?? []) : []
    if (required.length === 0) return
    const {sections} = (library.byPath.get(doc.absPath) ?? doc).outline
    const {title} = doc.outline
    const present = new Set(sections.filter(s => !s.path.includes(' > ')).map(s => s.heading.toLowerCase()))
    for (const section of required) {
      if (!present.has(section.toLowerCase()))
        report({messageId: 'missing', data: {section, type: type!}, at: {bodyOffset: title?.start ?? 0}})
    }
  },
})
