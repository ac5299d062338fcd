// The shared CSV layer every command here reads and writes through: malformed input, encodings,
// header mapping and formula escaping.
import {describe, expect, it} from 'vitest'
import {SopkitError} from '../../src/core/errors.js'
import {cellOf, headerKey, mapColumns, splitList} from '../../src/csv/columns.js'
import {decodeCsv, delimiterOption, parseCsv, sniffDelimiter} from '../../src/csv/read.js'
import {toCsv} from '../../src/csv/write.js'
import {IMPORT_FIELDS} from '../../src/import/columns.js'

const parse = (text: string) => parseCsv(text, 'in.csv')

function errorOf(fn: () => unknown): SopkitError {
  try {
    fn()
  } catch (error) {
    if (error instanceof SopkitError) return error
    throw error
  }
  throw new Error('expected a SopkitError')
}

describe('parseCsv', () => {
  it('drops a BOM from the first header and reads CRLF', () => {
    const table = parse('\uFEFFTitle,Market\r\nRefund,SG\r\n')
    expect(table.header).toEqual(['Title', 'Market'])
    expect(table.records).toEqual([{row: 2, line: 2, cells: ['Refund', 'SG']}])
  })

  it('reads mixed line ends without gluing rows together', () => {
    expect(parse('a,b\r\n1,2\n3,4\r5,6').records.map(r => r.cells)).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ])
  })

  it('numbers rows as a spreadsheet does and lines as an editor does, across quoted line breaks and blank rows', () => {
    const table = parse('a,b\n"multi\nline",x\n\n,\nlast,y\n')
    expect(table.records.map(({row, line, cells}) => ({row, line, cells}))).toEqual([
      {row: 2, line: 2, cells: ['multi\nline', 'x']},
      {row: 5, line: 6, cells: ['last', 'y']},
    ])
  })

  it('marks a ragged row instead of shifting its cells into the wrong columns', () => {
    const table = parse('title,market,owner\nA,SG\nB,SG,x@example.com,extra\nC,MY,y@example.com\n')
    expect(table.records[0]!.problem).toMatch(/2 cells but the header has 3/)
    expect(table.records[1]!.problem).toMatch(/4 cells but the header has 3/)
    expect(table.records[2]).toEqual({row: 4, line: 4, cells: ['C', 'MY', 'y@example.com']})
  })

  it('tolerates empty trailing cells past the header (a sheet exported with an empty column)', () => {
    expect(parse('a,b\n1,2,,\n').records[0]).toEqual({row: 2, line: 2, cells: ['1', '2']})
  })

  it('reads a quote inside an unquoted cell as text, and trims spaces around cells', () => {
    expect(parse('a,b\n12" screen, "x, y" \n').records[0]!.cells).toEqual(['12" screen', 'x, y'])
  })

  it('fails with exit 2 naming the line where an unclosed quote starts', () => {
    const error = errorOf(() => parse('a,b\n1,2\n3,"4\n5,6\n'))
    expect(error.code).toBe('CSV_MALFORMED')
    expect(error.exitCode).toBe(2)
    expect(error.message).toMatch(/^in\.csv:3: a quoted cell .* never closed/)
  })

  it('refuses an empty first line', () => {
    expect(errorOf(() => parse('\na,b\n')).code).toBe('CSV_NO_HEADER')
    expect(errorOf(() => parse('')).code).toBe('CSV_NO_HEADER')
  })

  it('detects semicolon- and tab-separated exports', () => {
    expect(sniffDelimiter('Title;Market;Owner\n')).toBe(';')
    expect(sniffDelimiter('"a;b",c\n')).toBe(',')
    expect(sniffDelimiter('a\tb\tc\n')).toBe('\t')
    expect(parse('Title;Market\nRefund, fast;SG\n').records[0]!.cells).toEqual(['Refund, fast', 'SG'])
    expect(delimiterOption('tab')).toBe('\t')
    expect(() => delimiterOption(';;')).toThrow(SopkitError)
  })

  it('keeps header names that are Object.prototype keys as plain data', () => {
    const table = parse('__proto__,constructor,toString\n{"polluted":1},x,y\n')
    expect(table.header).toEqual(['__proto__', 'constructor', 'toString'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const map = mapColumns(table.header, {specs: IMPORT_FIELDS, overrides: []})
    expect(map.unused).toEqual(['__proto__', 'constructor', 'toString'])
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  })
})

describe('decodeCsv', () => {
  it('refuses UTF-16 and legacy encodings with how to re-export', () => {
    expect(errorOf(() => decodeCsv(Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'x.csv')).message).toMatch(/UTF-16/)
    const latin1 = Buffer.concat([
      Buffer.from('a,b\n'),
      Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]),
      Buffer.from(',x\n'),
    ])
    const error = errorOf(() => decodeCsv(latin1, 'x.csv'))
    expect(error.message).toMatch(/^x\.csv:2: the file is not UTF-8/)
    expect(error.mend).toMatch(/CSV UTF-8/)
    expect(errorOf(() => decodeCsv(Buffer.from([0x61, 0x00, 0x62]), 'x.csv')).message).toMatch(/binary/)
  })

  it('drops a UTF-8 BOM (and parseCsv drops one left in text)', () => {
    expect(decodeCsv(Buffer.from('\uFEFFa,b\n'), 'x.csv')).toBe('a,b\n')
  })
})

describe('mapColumns', () => {
  const map = (header: string[], overrides: string[] = []) => mapColumns(header, {specs: IMPORT_FIELDS, overrides})

  it('finds common names in any case and spacing', () => {
    const m = map(['SOP Name', 'MARKET(S)', ' Channels ', 'owner_email', 'Doc Type', 'Status', 'Notes'])
    expect(Object.fromEntries(m.indexOf)).toEqual({title: 0, markets: 1, channels: 2, owner: 3, type: 4, status: 5})
    expect(m.unused).toEqual(['Notes'])
    expect(headerKey(' Market(s) ')).toBe('markets')
  })

  it('prefers the more specific alias when a sheet has two', () => {
    const m = map(['Country', 'Market', 'Title'])
    expect(m.indexOf.get('markets')).toBe(1)
    expect(m.unused).toEqual(['Country'])
  })

  it('lets --map name other columns, ignore one, and refuses what it cannot mean', () => {
    const m = map(['Process', 'Land', 'Market', 'DRI'], ['Process=title, Land=market', 'Market=-'])
    expect(Object.fromEntries(m.indexOf)).toEqual({title: 0, markets: 1, owner: 3})
    expect(errorOf(() => map(['Process'], ['Proces=title'])).message).toMatch(
      /no column "Proces".*did you mean "Process"/,
    )
    expect(errorOf(() => map(['Process'], ['Process=titel'])).message).toMatch(
      /unknown field "titel".*did you mean "title"/,
    )
    expect(errorOf(() => map(['A', 'B'], ['A=title,B=title'])).message).toMatch(/both map to title/)
    expect(errorOf(() => map(['A'], ['A'])).message).toMatch(/expected Column=field/)
  })

  it('reads cells trimmed, and lists split on ; or ,', () => {
    const m = map(['Title', 'Markets'])
    expect(cellOf(m, [' Refund ', ''], 'title')).toBe('Refund')
    expect(cellOf(m, [' Refund ', ''], 'markets')).toBeUndefined()
    expect(splitList('SG; MY,ID ;')).toEqual(['SG', 'MY', 'ID'])
  })
})

describe('toCsv', () => {
  it('escapes every cell a spreadsheet would run as a formula, and nothing else', () => {
    const text = toCsv(
      ['title'],
      [
        ['=HYPERLINK("http://evil.example","x")'],
        ['+1'],
        ['-1'],
        ['@x'],
        ['\tTAB'],
        ['  =1+1'],
        ['＝1'],
        ['plain - text'],
        [-3],
        [true],
      ],
    )
    expect(text.split('\n')).toEqual([
      'title',
      '"\'=HYPERLINK(""http://evil.example"",""x"")"',
      "'+1",
      "'-1",
      "'@x",
      "'\tTAB",
      "'  =1+1",
      "'＝1",
      'plain - text',
      '-3',
      'true',
      '',
    ])
  })

  it('quotes delimiters, quotes and line breaks', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "hi"\nbye']])).toBe('a,b\n"x, y","say ""hi""\nbye"\n')
  })
})
