// How metric names, values and targets are read: parsed by kind, never evaluated.
import {describe, expect, it} from 'vitest'
import {
  formatValue,
  knownMetric,
  metricHeader,
  metricName,
  parseDuration,
  parseValue,
} from '../../src/report/metrics.js'

describe('metric names', () => {
  it('normalise case, spacing and common aliases', () => {
    expect(metricName('CSAT')).toBe('csat')
    expect(metricName('Resolution rate')).toBe('resolution_rate')
    expect(metricName('first-response')).toBe('first_response')
    expect(metricName('FRT')).toBe('first_response')
    expect(metricName('Containment rate')).toBe('containment_rate')
    expect(metricName('__proto__')).toBe('proto')
  })

  it("read a unit from a header's parentheses", () => {
    expect(metricHeader('First response (min)')).toEqual({metric: 'first_response', unit: 'm'})
    expect(metricHeader('Resolution rate (%)')).toEqual({metric: 'resolution_rate', unit: '%'})
    expect(metricHeader('CSAT (1-5)')).toEqual({metric: 'csat_1_5'})
  })

  it('compare scores and rates as at least, durations as at most', () => {
    expect(knownMetric('csat')).toMatchObject({kind: 'score', direction: 'at-least', scale: {min: 1, max: 5}})
    expect(knownMetric('automation_rate')).toEqual({kind: 'rate', direction: 'at-least'})
    expect(knownMetric('first_response')).toEqual({kind: 'duration', direction: 'at-most'})
    expect(knownMetric('reopen_rate')).toEqual({kind: 'rate', direction: 'at-most'})
  })
})

describe('values', () => {
  it('durations in the ways exports write them', () => {
    expect(parseDuration('2h')).toBe(7200)
    expect(parseDuration('1h 30m')).toBe(5400)
    expect(parseDuration('1h30m')).toBe(5400)
    expect(parseDuration('90 min')).toBe(5400)
    expect(parseDuration('1.5h')).toBe(5400)
    expect(parseDuration('45s')).toBe(45)
    expect(parseDuration('01:30')).toBe(5400)
    expect(parseDuration('00:01:30')).toBe(90)
    expect(parseDuration('90')).toBeUndefined()
    expect(parseDuration('90', 'm')).toBe(5400)
    expect(parseDuration('2 fortnights')).toBeUndefined()
    expect(parseDuration('=1+1')).toBeUndefined()
  })

  it('rates as shares or percentages, never a bare number above 1', () => {
    expect(parseValue('0.85', 'rate')).toEqual({value: 0.85})
    expect(parseValue('85%', 'rate')).toEqual({value: 0.85})
    expect(parseValue('85', 'rate', {unit: '%'})).toEqual({value: 0.85})
    expect(parseValue(0.6, 'rate')).toEqual({value: 0.6})
    expect(parseValue('85', 'rate')).toEqual({problem: expect.stringMatching(/not a rate between 0 and 1/)})
    expect(parseValue('120%', 'rate')).toEqual({problem: expect.stringMatching(/not a share/)})
  })

  it('scores as numbers; formulas and words are problems, not values', () => {
    expect(parseValue('4.5', 'score')).toEqual({value: 4.5})
    expect(parseValue(' 4.50 ', 'score')).toEqual({value: 4.5})
    expect(parseValue('1,200', 'number')).toEqual({value: 1200})
    expect(parseValue('=1+1', 'score')).toEqual({problem: '"=1+1" is not a number'})
    expect(parseValue('n/a', 'score')).toEqual({problem: '"n/a" is not a number'})
    expect(parseValue('2h', 'duration')).toEqual({value: 7200})
    expect(parseValue('soon', 'duration')).toEqual({problem: expect.stringMatching(/not a duration/)})
    expect(parseValue(null, 'score')).toEqual({problem: 'null is not a value'})
  })

  it('reads decimal commas in files that use them (semicolon-separated exports)', () => {
    expect(parseValue('4,5', 'score', {decimalComma: true})).toEqual({value: 4.5})
    expect(parseValue('85,5%', 'rate', {decimalComma: true})).toEqual({value: 0.855})
    expect(parseValue('1,5h', 'duration', {decimalComma: true})).toEqual({value: 5400})
    expect(parseValue('4,5', 'score')).toEqual({problem: '"4,5" is not a number'})
  })

  it('format for people', () => {
    expect(formatValue(0.855, 'rate')).toBe('85.5%')
    expect(formatValue(5400, 'duration')).toBe('1h 30m')
    expect(formatValue(90061, 'duration')).toBe('1d 1h')
    expect(formatValue(4.333, 'score')).toBe('4.33')
  })
})
