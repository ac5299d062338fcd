import {describe, expect, it} from 'vitest'
import {SopDocument, summarize} from '../../src/core/document.js'

const make = (text: string) => new SopDocument('sops/a.md', '/repo/sops/a.md', text)

describe('SopDocument', () => {
  it('keeps values as the author wrote them', () => {
    const d = make('---\nid: a\nversion: 1.10\nmarkets: [NO, SG]\neffective: 2026-01-15\n---\n')
    expect(d.meta.version).toBe('1.10')
    expect(d.meta.markets).toEqual(['NO', 'SG'])
    expect(d.meta.effective).toBe('2026-01-15')
    expect(d.data.version).toBe(1.1)
  })

  it('accepts a single market written as a scalar', () => {
    expect(make('---\nmarkets: SG\n---\n').meta.markets).toEqual(['SG'])
  })

  it('locates front-matter keys and values, and list items', () => {
    const d = make('---\nid: a\nmarkets: [DE, SGG]\n---\n')
    // Ends are exclusive, as SARIF's endColumn is: the character after the region.
    expect(d.positionOf(['markets', 1])).toEqual({line: 3, column: 15, end: {line: 3, column: 18}})
    expect(d.positionOf(['markets'], 'key')).toEqual({line: 3, column: 1, end: {line: 3, column: 8}})
    expect(d.positionOf(['missing'])).toEqual({line: 2, column: 1})
  })

  it("places a summary's findings from the text alone, where the whole document places them", () => {
    const text = [
      '---',
      'id: a',
      'markets: [DE, SGG]',
      'channels:',
      '  - chat',
      '  - email',
      'deviations:',
      '  - section: Scope',
      '    approver: x@y.z',
      "owner: 'quoted'",
      '---',
      '# T',
      '',
      '## Scope',
      '',
    ].join('\n')
    const whole = make(text)
    const placed = SopDocument.placement(summarize(whole), text, false)
    const paths: Array<Array<string | number>> = [
      ['id'],
      ['markets', 1],
      ['channels', 1],
      ['deviations', 0, 'approver'],
      ['owner'],
      ['missing'],
      ['markets', 7],
    ]
    for (const p of paths)
      for (const part of ['key', 'value'] as const)
        expect(placed.positionOf(p, part)).toEqual(whole.positionOf(p, part))
    const scope = whole.outline.sections[0]!
    expect(placed.bodyPosition(scope.start)).toEqual({line: 14, column: 1})
    expect(placed.position(text.indexOf('approver'))).toEqual({line: 9, column: 5})
  })

  it('locates body offsets in file lines', () => {
    const d = make('---\nid: a\n---\n# T\n\n## Scope\n')
    const scope = d.outline.sections[0]!
    expect(d.bodyPosition(scope.start)).toEqual({line: 6, column: 1})
  })

  it('parses the outline lazily and only once', () => {
    const d = make('---\nid: a\n---\n# T\n## A\n')
    expect(d.outline).toBe(d.outline)
  })

  it('records CRLF documents', () => {
    const d = make('---\r\nid: a\r\n---\r\n# T\r\n')
    expect(d.eol).toBe('\r\n')
    expect(d.meta.id).toBe('a')
    expect(d.problems).toEqual([])
  })
})
