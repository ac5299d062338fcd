// The one locked-down handlebars engine: document templates and export layouts get the same rules.
import {describe, expect, it} from 'vitest'
import {compileTemplate} from '../../src/core/template-engine.js'
import {renderBody} from '../../src/scaffold/render.js'

const render = (source: string, data: object = {title: 'Refund', markets: ['DE', 'FR']}, escape = false) =>
  compileTemplate(source, {escape})(data)

describe('the safe template engine', () => {
  it('has no log helper: {{log}} fails instead of printing to stdout', () => {
    const written: unknown[] = []
    const log = console.log
    console.log = (...args: unknown[]) => void written.push(args)
    try {
      expect(() => render('{{log "x"}}')).toThrow(/log/)
      expect(() => render('{{#if title}}{{log title}}{{/if}}')).toThrow(/log/)
    } finally {
      console.log = log
    }
    expect(written).toEqual([])
  })

  it('scaffold templates reject {{log}} the same way as layouts, naming the file', () => {
    expect(() => renderBody('/t/x.md.hbs', '# {{title}}\n{{log "x"}}\n', {title: 'T'})).toThrow(
      /template (\.\.\/)*t\/x\.md\.hbs: .*log/,
    )
  })

  it('never reaches prototypes, through paths, with or lookup', () => {
    expect(render('[{{constructor}}]')).toBe('[]')
    expect(render('[{{lookup this "constructor"}}][{{lookup title "__proto__"}}]')).toBe('[][]')
    expect(render('[{{#with meta}}{{__proto__}}{{toString}}{{/with}}]', {meta: {name: 'x'}})).toBe('[]')
    expect(() => render('{{title.constructor.name}}')).toThrow()
  })

  it('knows only the block helpers, lookup and join; an unknown name is an error', () => {
    expect(render('{{#each markets}}{{this}};{{/each}} {{join markets " / "}}')).toBe('DE;FR; DE / FR')
    expect(() => render('{{exec "x"}}')).toThrow(/unknown helper/)
    expect(() => render('{{helperMissing}}')).toThrow()
    expect(() => render('{{> partial}}')).toThrow(/partial/)
    expect(() => render('{{nope}}')).toThrow(/"nope" not defined/)
  })

  it('escapes HTML only when asked', () => {
    expect(render('{{title}}', {title: '<b>&</b>'}, true)).toBe('&lt;b&gt;&amp;&lt;/b&gt;')
    expect(render('{{title}}', {title: '<b>&</b>'}, false)).toBe('<b>&</b>')
  })
})
