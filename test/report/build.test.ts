// The join: each row with the document its market reads, that document's targets, breaches,
// trends, and every row that could not be used.
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/core/config.js'
import {loadLibrary} from '../../src/core/loader.js'
import {parseCsv} from '../../src/csv/read.js'
import {buildReport, comparePeriods} from '../../src/report/build.js'
import {tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'
import {fixtureReport} from './fixtures.js'

describe('buildReport', () => {
  it('joins each row with the document its market reads (own, region, baseline; retired ones skipped)', async () => {
    const report = await fixtureReport()
    const csat = (market: string) =>
      report.series.find(s => s.id === 'refund-escalation' && s.market === market && s.metric === 'csat')!
    expect(csat('SG')).toMatchObject({
      file: 'sops/SG/refund-escalation.md',
      via: 'market',
      target: {value: 4.6, written: '4.6', direction: 'at-least'},
    })
    expect(csat('DE')).toMatchObject({file: 'sops/EU/refund-escalation.md', via: 'region', target: {value: 4.2}})
    expect(csat('MY')).toMatchObject({file: 'sops/global/refund-escalation.md', via: 'baseline', target: {value: 4.5}})
  })

  it('judges a market with a draft variant against the approved baseline, naming the draft', async () => {
    const repo = tempRepo({
      'sops/global/refund-escalation.md': doc({front: {targets: {csat: 4.5}}}),
      'sops/BR/refund-escalation.md': doc({
        front: {markets: ['BR'], status: 'draft', compliance: ['LGPD'], based_on: '1.4.0', targets: {csat: 4.0}},
      }),
    })
    const report = buildReport(
      await loadLibrary(loadConfig(repo)),
      parseCsv('id,market,period,csat\nrefund-escalation,BR,2026-01,4.2', 'm.csv'),
      {map: []},
    )
    expect(report.series[0]).toMatchObject({
      file: 'sops/global/refund-escalation.md',
      via: 'baseline',
      target: {value: 4.5},
      pending: {file: 'sops/BR/refund-escalation.md', status: 'draft'},
    })
    expect(report.breaches).toHaveLength(1)
  })

  it('lists every missed target: scores and rates below, durations above', async () => {
    const report = await fixtureReport()
    expect(
      report.breaches.map(b => [b.id, b.market, b.period, b.metric, b.actualWritten, b.targetWritten, b.latest]),
    ).toEqual([
      ['de-only', 'DE', '2026-02', 'csat', '3.9', '4', true],
      ['refund-escalation', 'DE', '2026-01', 'csat', '4.1', '4.2', false],
      ['refund-escalation', 'MY', '2026-02', 'csat', '4.4', '4.5', true],
      ['refund-escalation', 'SG', '2026-02', 'csat', '4.5', '4.6', true],
      ['refund-escalation', 'SG', '2026-02', 'first_response', '1h 10m', '1h', true],
    ])
    expect(report.breaches[4]).toMatchObject({
      actual: 4200,
      target: 3600,
      direction: 'at-most',
      kind: 'duration',
      file: 'sops/SG/refund-escalation.md',
      row: 3,
    })
  })

  it('gives each series its trend, latest period against the one before, better or worse by direction', async () => {
    const report = await fixtureReport()
    const trend = (market: string, metric: string) =>
      report.series.find(s => s.market === market && s.metric === metric && s.id === 'refund-escalation')!.trend
    expect(trend('SG', 'csat')).toEqual({
      previousPeriod: '2026-01',
      latestPeriod: '2026-02',
      previous: 4.7,
      latest: 4.5,
      change: -0.2,
      direction: 'down',
      better: false,
    })
    expect(trend('SG', 'first_response')).toMatchObject({direction: 'up', better: false})
    expect(trend('SG', 'resolution_rate')).toMatchObject({
      previous: 0.9,
      latest: 0.88,
      direction: 'down',
      better: false,
    })
    expect(trend('DE', 'csat')).toMatchObject({
      previousPeriod: '2026-01',
      latestPeriod: '2026-02',
      direction: 'up',
      better: true,
    })
    expect(trend('MY', 'csat')).toBeUndefined()
  })

  it('reports rows that match no document, with the reason, never dropping them', async () => {
    const report = await fixtureReport()
    expect(report.unmatched.map(u => [u.row, u.reason, u.message])).toEqual([
      [7, 'unknown-id', 'no document has the id "refund-escalatoin" (did you mean "refund-escalation"?)'],
      [8, 'unknown-market', 'unknown market "XX" (did you mean "AX"?)'],
      [9, 'no-document', expect.stringMatching(/no approved document of "de-only" applies to FR/)],
    ])
  })

  it('reports unreadable values, repeated and ragged rows, empty keys and unreadable targets', async () => {
    const report = await fixtureReport()
    expect(report.problems).toEqual([
      {
        file: 'sops/DE/de-only.md',
        column: 'targets.first_response',
        message: 'target "fast" is not a duration (write 2h, 30m, 1h 30m or 01:30)',
      },
      {row: 10, message: 'repeats row 3 (refund-escalation, SG, 2026-02); its values are not used'},
      {row: 11, column: 'CSAT', message: '"n/a" is not a number'},
      {row: 11, column: 'First response', message: '"=1+1" is not a duration (write 2h, 30m, 1h 30m or 01:30)'},
      {row: 11, column: 'resolution_rate', message: '"85" is not a rate between 0 and 1 (write 85% or 0.85)'},
      {row: 12, message: expect.stringMatching(/2 cells but the header has 7/)},
      {row: 13, message: 'no id: the row cannot be joined with a document'},
    ])
    expect(report.ignoredColumns).toEqual(['notes'])
    expect(report.metricColumns).toEqual(['csat', 'first_response', 'resolution_rate'])
    expect(report.summary).toEqual({measurements: 12, compared: 10, breaches: 5, unmatched: 3, problems: 7})
  })

  it('takes metrics a document targets even when sopkit does not know them, and --map for other names', async () => {
    const report = await fixtureReport('SOP,Country,Month,Escalations,Score\nde-only,DE,2026-01,12,3\n', [
      'SOP=id',
      'Country=market',
      'Month=period',
      'Score=csat',
    ])
    // Nobody said which way escalations are better: 12 against a target of 10 is shown, never judged.
    expect(report.breaches.map(b => [b.metric, b.actual, b.target])).toEqual([['csat', 3, 4]])
    expect(report.series.map(s => s.metric)).toEqual(['csat', 'escalations'])
    const escalations = report.series.find(s => s.metric === 'escalations')!
    expect(escalations.target).toEqual({value: 10, written: '10', direction: 'unknown'})
    expect(escalations.points[0]!.met).toBeUndefined()
    expect(report.undirected).toEqual(['escalations'])
  })

  it('reads a semicolon-separated export with decimal commas', async () => {
    const report = await fixtureReport('id;market;period;csat;first_response\nrefund-escalation;SG;2026-01;4,4;1,5h\n')
    expect(report.breaches.map(b => [b.metric, b.actual])).toEqual([
      ['csat', 4.4],
      ['first_response', 5400],
    ])
  })

  it('needs id, market and period columns (exit 2 naming the missing ones)', async () => {
    await expect(fixtureReport('name,market,csat\nx,SG,4\n')).rejects.toThrow(/metrics\.csv: no id, period column/)
  })

  it('never lets a header or a target name reach a prototype', async () => {
    const report = await fixtureReport(
      'id,market,period,__proto__,constructor,csat\nrefund-escalation,SG,2026-01,1,2,4.7\n',
    )
    expect(report.ignoredColumns).toEqual(['__proto__', 'constructor'])
    expect(({} as Record<string, unknown>).csat).toBeUndefined()
  })
})

describe('comparePeriods', () => {
  it('sorts months, quarters and weeks as written', () => {
    expect(['2026-10', '2026-02', '2025-12'].sort(comparePeriods)).toEqual(['2025-12', '2026-02', '2026-10'])
    expect(['2026-W10', '2026-W9'].sort(comparePeriods)).toEqual(['2026-W9', '2026-W10'])
    expect(['2026-Q2', '2026-Q1'].sort(comparePeriods)).toEqual(['2026-Q1', '2026-Q2'])
  })
})

describe('periods in any spelling', () => {
  it('sorts month names, quarters, halves, weeks and dates by the calendar, not the alphabet', () => {
    expect(['Mar 2026', 'Jan 2026', 'Feb 2026', 'Dec 2025'].sort(comparePeriods)).toEqual([
      'Dec 2025',
      'Jan 2026',
      'Feb 2026',
      'Mar 2026',
    ])
    expect(['March 2026', 'january 2026', 'FEBRUARY 2026'].sort(comparePeriods)).toEqual([
      'january 2026',
      'FEBRUARY 2026',
      'March 2026',
    ])
    expect(['Mar-26', 'Jan-26', 'Feb-26'].sort(comparePeriods)).toEqual(['Jan-26', 'Feb-26', 'Mar-26'])
    expect(['Q2 2026', '2026-Q1', 'Q4 2025'].sort(comparePeriods)).toEqual(['Q4 2025', '2026-Q1', 'Q2 2026'])
    expect(['2026-H2', 'H1 2026', '2025'].sort(comparePeriods)).toEqual(['2025', 'H1 2026', '2026-H2'])
    expect(['2026-02-03', '2026-01-31', '3 Jan 2026', '2026/01/10'].sort(comparePeriods)).toEqual([
      '3 Jan 2026',
      '2026/01/10',
      '2026-01-31',
      '2026-02-03',
    ])
    expect(['2026-W10', '2026W2', '2025-W52'].sort(comparePeriods)).toEqual(['2025-W52', '2026W2', '2026-W10'])
    expect(['02/2026', '2026-01', '12/2025'].sort(comparePeriods)).toEqual(['12/2025', '2026-01', '02/2026'])
  })

  it('reads ISO and named months the same in one report: the trend follows the calendar', async () => {
    const report = await fixtureReport(
      'id,market,period,csat\nrefund-escalation,SG,Jan 2026,4.7\nrefund-escalation,SG,Mar 2026,4.8\nrefund-escalation,SG,Feb 2026,4.1\n',
    )
    expect(report.periods).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026'])
    const csat = report.series.find(s => s.market === 'SG' && s.metric === 'csat')!
    expect(csat.points.map(p => p.period)).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026'])
    expect(csat.trend).toMatchObject({previousPeriod: 'Feb 2026', latestPeriod: 'Mar 2026', direction: 'up'})
  })

  it('refuses impossible dates, months, quarters and weeks as row problems, never as periods', async () => {
    const rows = ['2026-02-30', '2026-13', '2026-Q5', '2026-W54', '2025-W53', 'Feb 30 2026', '2025-02-29', '31/04/2026']
    const csv = [
      'id,market,period,csat',
      'refund-escalation,SG,2026-01,4.7',
      ...rows.map(p => `refund-escalation,SG,${p},4.1`),
    ].join('\n')
    const report = await fixtureReport(csv)
    expect(report.periods).toEqual(['2026-01'])
    expect(report.problems.map(p => p.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10])
    expect(report.problems[0]!.message).toMatch(/2026-02-30.*not a date/)
  })

  it('counts one period spelled two ways as a repeated row', async () => {
    const report = await fixtureReport(
      'id,market,period,csat\nrefund-escalation,SG,2026-01,4.7\nrefund-escalation,SG,Jan 2026,4.1\n',
    )
    expect(report.problems.map(p => [p.row, p.message])).toEqual([[3, expect.stringMatching(/repeats row 2/)]])
  })
})

describe('directions, scales and channels', () => {
  const GLOBAL_DOC = (targets: Record<string, unknown>) => doc({front: {targets}})
  async function reportOf(csv: string, targets: Record<string, unknown>, config?: Record<string, unknown>) {
    const repo = tempRepo({
      'sops/global/refund-escalation.md': GLOBAL_DOC(targets),
      ...(config && {'sopkit.config.json': JSON.stringify(config)}),
    })
    return buildReport(await loadLibrary(loadConfig(repo)), parseCsv(csv, 'm.csv'), {map: []})
  }

  it('judges a metric nobody gave a direction nowhere, and names it with its mend', async () => {
    const csv = 'id,market,period,handled_per_hour\nrefund-escalation,SG,2026-01,14\nrefund-escalation,SG,2026-02,11\n'
    const report = await reportOf(csv, {handled_per_hour: 12})
    expect(report.undirected).toEqual(['handled_per_hour'])
    expect(report.breaches).toEqual([])
    expect(report.summary.compared).toBe(0)
    expect(report.series[0]!.trend).toMatchObject({direction: 'down'})
    expect(report.series[0]!.trend!.better).toBeUndefined()
    // Once the config says higher is better, 11 against 12 is a breach and the fall is worse.
    const configured = await reportOf(csv, {handled_per_hour: 12}, {metrics: {'Handled per hour': {better: 'higher'}}})
    expect(configured.undirected).toEqual([])
    expect(configured.breaches.map(b => [b.period, b.actual, b.direction])).toEqual([['2026-02', 11, 'at-least']])
    expect(configured.series[0]!.trend).toMatchObject({direction: 'down', better: false})
  })

  it('judges cost per contact as lower-is-better, in the unit the config gives', async () => {
    const csv =
      'id,market,period,cost per contact\nrefund-escalation,SG,2026-01,$3.80\nrefund-escalation,SG,2026-02,$4.40\n'
    const report = await reportOf(
      csv,
      {cost_per_contact: 4},
      {metrics: {cost_per_contact: {better: 'lower', unit: 'currency'}}},
    )
    expect(report.breaches.map(b => [b.period, b.metric, b.actual, b.target, b.direction])).toEqual([
      ['2026-02', 'cost_per_contact', 4.4, 4, 'at-most'],
    ])
    expect(report.series[0]).toMatchObject({kind: 'currency', trend: {direction: 'up', better: false}})
  })

  it('never compares amounts in two currencies', async () => {
    const csv =
      'id,market,period,cost_per_contact\nrefund-escalation,DE,2026-01,3.90 EUR\nrefund-escalation,DE,2026-02,4.10\n'
    const report = await reportOf(csv, {cost_per_contact: '4.00 USD'})
    expect(report.problems).toEqual([
      {
        row: 2,
        column: 'cost_per_contact',
        message:
          '"3.90 EUR" is in EUR but sops/global/refund-escalation.md targets 4.00 USD: amounts are never converted, export them in USD',
      },
    ])
    // An amount without a currency is read as the document's.
    expect(report.breaches.map(b => [b.period, b.actual, b.target])).toEqual([['2026-02', 4.1, 4]])
  })

  it('refuses a CSAT on the wrong scale, naming both scales and the target, and never compares across them', async () => {
    const csv = 'id,market,period,csat,csat_top2\nrefund-escalation,SG,2026-01,92%,92%\n'
    const report = await reportOf(csv, {csat: 4.5, csat_top2: 0.9})
    expect(report.problems).toEqual([
      {
        row: 2,
        column: 'csat',
        message:
          '"92%" is not a CSAT score on the 1–5 scale; a top-2-box share (92%) is the metric csat_top2 (sops/global/refund-escalation.md targets 4.5)',
      },
    ])
    expect(report.series.map(s => [s.metric, s.points[0]!.value, s.points[0]!.met])).toEqual([
      ['csat_top2', 0.92, true],
    ])
    const wrongTarget = await reportOf(csv.replace('92%,92%', '4.6,'), {csat: 4.5, csat_top2: 4.5})
    expect(wrongTarget.problems).toEqual([
      {
        file: 'sops/global/refund-escalation.md',
        column: 'targets.csat_top2',
        message: 'target "4.5" is not a CSAT top-2-box share (0.92 or 92%); a 1–5 score is the metric csat',
      },
    ])
  })

  it('reads channel and intent columns: a series each, targets per channel, the gap between channels', async () => {
    const csv = [
      'id,market,channel,intent,period,csat',
      'refund-escalation,SG,Chatbot,refund-status,2026-01,4.1',
      'refund-escalation,SG,Live chat,refund-status,2026-01,4.6',
      'refund-escalation,SG,chatbot,refund-status,2026-02,3.9',
      'refund-escalation,SG,live-chat,refund-status,2026-02,4.4',
      'refund-escalation,SG,live-chat,cancel,2026-02,4.8',
      'refund-escalation,SG,bot,refund-status,2026-02,4',
      'refund-escalation,SG,,,2026-02,4.5',
    ].join('\n')
    const report = await reportOf(csv, {csat: {default: 4.5, chatbot: 4.0, robot: 3}})
    expect(report.series.map(s => [s.channel, s.intent, s.target?.value, s.points.map(p => p.met)])).toEqual([
      [undefined, undefined, 4.5, [true]],
      ['live-chat', 'cancel', 4.5, [true]],
      ['chatbot', 'refund-status', 4, [true, false]],
      ['live-chat', 'refund-status', 4.5, [true, false]],
    ])
    expect(report.breaches.map(b => [b.channel, b.intent, b.period, b.actual])).toEqual([
      ['chatbot', 'refund-status', '2026-02', 3.9],
      ['live-chat', 'refund-status', '2026-02', 4.4],
    ])
    expect(report.channelGaps).toEqual([
      {
        id: 'refund-escalation',
        market: 'SG',
        intent: 'refund-status',
        metric: 'csat',
        kind: 'score',
        direction: 'at-least',
        period: '2026-02',
        values: [
          {channel: 'chatbot', value: 3.9, met: false},
          {channel: 'live-chat', value: 4.4, met: false},
        ],
        gap: 0.5,
        behind: 'chatbot',
      },
    ])
    expect(report.problems.map(p => [p.row ?? p.file, p.column, p.message])).toEqual([
      ['sops/global/refund-escalation.md', 'targets.csat.robot', expect.stringMatching(/^unknown channel "robot"/)],
      [7, 'channel', expect.stringMatching(/^unknown channel "bot": the row is not used/)],
    ])
  })

  it('counts a row repeating its id, market, channel, intent and period as repeated, and no other', async () => {
    const csv = [
      'id,market,channel,period,csat',
      'refund-escalation,SG,chatbot,2026-01,4.1',
      'refund-escalation,SG,live-chat,2026-01,4.6',
      'refund-escalation,SG,chatbot,Jan 2026,4.2',
    ].join('\n')
    const report = await reportOf(csv, {csat: 4})
    expect(report.problems.map(p => [p.row, p.message])).toEqual([
      [4, 'repeats row 2 (refund-escalation, SG, chatbot, Jan 2026); its values are not used'],
    ])
  })
})
