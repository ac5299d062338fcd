import {describe, expect, it} from 'vitest'
import {isYamlLanguage, parseYaml, splitFrontMatter} from '../../src/core/front-matter.js'

describe('splitFrontMatter', () => {
  it('finds the block and the body', () => {
    const text = '---\nid: a\n---\n# Title\n'
    const block = splitFrontMatter(text)!
    expect(text.slice(block.start, block.end)).toBe('id: a\n')
    expect(text.slice(block.bodyStart)).toBe('# Title\n')
    expect(block.terminated).toBe(true)
  })

  it('handles CRLF and a `...` closing line', () => {
    const text = '---\r\nid: a\r\n...\r\nbody'
    const block = splitFrontMatter(text)!
    expect(text.slice(block.start, block.end)).toBe('id: a\r\n')
    expect(text.slice(block.bodyStart)).toBe('body')
  })

  it('reads the language after the opening fence', () => {
    expect(splitFrontMatter('---js\n{}\n---\n')!.language).toBe('js')
    expect(splitFrontMatter('--- coffee \n{}\n---\n')!.language).toBe('coffee')
    expect(isYamlLanguage('')).toBe(true)
    expect(isYamlLanguage('YAML')).toBe(true)
    expect(isYamlLanguage('javascript')).toBe(false)
  })

  it('does not close on a line that merely starts with ---', () => {
    const block = splitFrontMatter('---\na: "--- x"\n----\nb: 1\n')!
    expect(block.terminated).toBe(false)
  })

  it('is undefined without an opening fence, or for a thematic break', () => {
    expect(splitFrontMatter('# Title\n')).toBeUndefined()
    expect(splitFrontMatter('----\n')).toBeUndefined()
    expect(splitFrontMatter('')).toBeUndefined()
  })
})

describe('parseYaml', () => {
  it('keeps NO, on and dates as strings (YAML 1.2 core)', () => {
    expect(parseYaml('m: [NO, on]\nd: 2026-01-15\n').data).toEqual({m: ['NO', 'on'], d: '2026-01-15'})
  })

  it('rejects duplicate keys with the offset of the duplicate', () => {
    const {problems, data} = parseYaml('a: 1\na: 2\n')
    expect(data).toBeUndefined()
    expect(problems[0]!.offset).toBe(5)
  })

  it('bounds aliases: a billion-laughs block fails fast', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 10; i++)
      lines.push(`a${i}: &a${i} [${Array.from({length: 10}, () => `*a${i - 1}`).join(', ')}]`)
    const {problems} = parseYaml(lines.join('\n'))
    expect(problems.length).toBeGreaterThan(0)
  })

  it('keeps __proto__ as a plain key without touching prototypes', () => {
    const {data} = parseYaml('__proto__: {polluted: true}\n')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(data)).toBeNull()
  })

  it('rejects a scalar or a list as front matter', () => {
    expect(parseYaml('just text').problems[0]!.message).toMatch(/mapping/)
    expect(parseYaml('- a\n- b\n').problems[0]!.message).toMatch(/mapping/)
  })
})
