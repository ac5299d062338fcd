// How metric names, values and targets are read: parsed by kind, never evaluated.
import {describe, expect, it} from 'vitest'
import {
  configuredMetric,
  formatValue,
  knownMetric,
  metricHeader,
  metricName,
  parseDuration,
  parseValue,
  readValue,
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
    // Words a plain object inherits are no units.
    expect(parseDuration('5 constructor')).toBeUndefined()
    expect(parseDuration('1 toString')).toBeUndefined()
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

describe('which way is better', () => {
  it('contacts, cost, abandonment, escalation and times are lower-is-better; satisfaction, resolution and automation higher', () => {
    for (const name of [
      'Contact rate',
      'Cost per contact',
      'Abandonment rate',
      'Escalation rate',
      'AHT',
      'Handle time',
      'First response time',
    ])
      expect([name, knownMetric(metricName(name))?.direction]).toEqual([name, 'at-most'])
    for (const name of ['CSAT', 'CSAT top 2 box', 'FCR', 'Resolution rate', 'Containment', 'Automation coverage'])
      expect([name, knownMetric(metricName(name))?.direction]).toEqual([name, 'at-least'])
    expect(knownMetric('cost_per_contact')).toEqual({kind: 'currency', direction: 'at-most'})
    expect(knownMetric('handled_per_hour')).toBeUndefined()
  })

  it('keeps automation coverage, containment and automated resolution three metrics', () => {
    const names = ['Automation coverage', 'Containment rate', 'Automated resolution'].map(metricName)
    expect(names).toEqual(['automation_coverage', 'containment_rate', 'automated_resolution_rate'])
    for (const name of names) expect(knownMetric(name)).toEqual({kind: 'rate', direction: 'at-least'})
  })

  it("takes the config's direction and unit over the built-in ones", () => {
    expect(configuredMetric({better: 'lower', unit: 'currency'}, undefined, 'number')).toEqual({
      kind: 'currency',
      direction: 'at-most',
    })
    expect(configuredMetric({better: 'higher'}, undefined, 'duration')).toEqual({
      kind: 'duration',
      direction: 'at-least',
    })
    // NPS turned into a lower-is-better count, say for detractors: the config decides.
    expect(configuredMetric({better: 'lower', unit: 'percent'}, knownMetric('nps'), 'number')).toEqual({
      kind: 'rate',
      direction: 'at-most',
    })
    // The built-in scale stays while the unit does.
    expect(configuredMetric({better: 'higher'}, knownMetric('csat'), 'number').scale).toMatchObject({min: 1, max: 5})
  })
})

describe('CSAT scales', () => {
  const csat = knownMetric('csat')!
  const top2 = knownMetric('csat_top2')!

  it('reads a 1–5 score as csat and a share as csat_top2', () => {
    expect(readValue('4.5', csat)).toEqual({value: 4.5})
    expect(readValue('92%', top2)).toEqual({value: 0.92})
    expect(readValue(0.92, top2)).toEqual({value: 0.92})
  })

  it('refuses a value on the other scale, naming both', () => {
    expect(readValue('92%', csat)).toEqual({
      problem: '"92%" is not a CSAT score on the 1–5 scale; a top-2-box share (92%) is the metric csat_top2',
      offScale: true,
    })
    expect(readValue('92', csat)).toMatchObject({problem: expect.stringMatching(/not a CSAT score.*csat_top2/)})
    expect(readValue('4', csat, {unit: '%'})).toMatchObject({offScale: true})
    expect(readValue(4.5, top2)).toEqual({
      problem: '"4.5" is not a CSAT top-2-box share (0.92 or 92%); a 1–5 score is the metric csat',
      offScale: true,
    })
    // A word is not a value on any scale: the plain problem, not a scale mix-up.
    expect(readValue('n/a', csat)).toEqual({problem: '"n/a" is not a number'})
  })
})

describe('amounts', () => {
  it('read a currency symbol or code (a sign that names several currencies names none), and show two decimals', () => {
    expect(parseValue('4.20', 'currency')).toEqual({value: 4.2})
    expect(parseValue('$4.20', 'currency')).toEqual({value: 4.2})
    expect(parseValue('S$4.20', 'currency')).toEqual({value: 4.2, currency: 'SGD'})
    expect(parseValue('4.20 EUR', 'currency')).toEqual({value: 4.2, currency: 'EUR'})
    expect(parseValue('USD 4.20', 'currency')).toEqual({value: 4.2, currency: 'USD'})
    expect(parseValue('€3,10', 'currency', {decimalComma: true})).toEqual({value: 3.1, currency: 'EUR'})
    expect(parseValue('€3.10 USD', 'currency')).toEqual({problem: expect.stringMatching(/not an amount/)})
    expect(parseValue('four', 'currency')).toEqual({problem: expect.stringMatching(/not an amount/)})
    expect(parseValue('=1+1', 'currency')).toEqual({problem: expect.stringMatching(/not an amount/)})
    expect(formatValue(4.2, 'currency')).toBe('4.20')
  })
})
