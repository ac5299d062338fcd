// Every report format from the same fixture report; the HTML's charts checked as SVG.
import {Chalk} from 'chalk'
import {XMLParser} from 'fast-xml-parser'
import {describe, expect, it} from 'vitest'
import type {Series} from '../../src/report/model.js'
import {type MarketBar, lineChart, marketChart} from '../../src/report/render/chart.js'
import {REPORT_FORMATS, reportRendererNamed} from '../../src/report/render/index.js'
import {METRICS, fixtureReport} from './fixtures.js'
import {isWellFormedXml} from '../helpers/xml.js'

const plain = {color: new Chalk({level: 0})}
const render = async (format: string, metrics = METRICS) =>
  reportRendererNamed(format).render(await fixtureReport(metrics), plain)

const svgsOf = (html: string) => html.match(/<svg[\s\S]*?<\/svg>/g) ?? []

describe('report formats', () => {
  it('are table, md, json and html', () => {
    expect(REPORT_FORMATS).toEqual(['table', 'md', 'json', 'html'])
  })

  it('table: the summary, breaches naming market and metric, trends, and every unused row', async () => {
    const text = await render('table')
    expect(text).toMatchSnapshot()
    expect(text).toMatch(
      /^metrics\.csv: 13 rows, 12 measurements \(10 against a target\), periods 2026-01 … 2026-02; 5 breaches, 3 unmatched rows, 7 problems/,
    )
    expect(text).toMatch(
      /refund-escalation\s+SG\s+2026-02 \(latest\)\s+csat\s+4\.5\s+≥ 4\.6\s+sops\/SG\/refund-escalation\.md/,
    )
    expect(text).toMatch(/refund-escalation\s+SG\s+2026-02 \(latest\)\s+first_response\s+1h 10m\s+≤ 1h/)
    expect(text).toMatch(/row 7: refund-escalatoin \/ SG \/ 2026-02: no document has the id/)
    expect(text).toMatch(/columns not read: notes/)
  })

  it('table: says so when every target is met', async () => {
    expect(await render('table', 'id,market,period,csat\nrefund-escalation,SG,2026-01,4.9\n')).toMatch(
      /No breaches: every measurement met its target\./,
    )
  })

  it('md: tables with cells escaped', async () => {
    const text = await render('md', 'id,market,period,csat\nrefund-escalation,SG,2026-01,4.1\nx|y,SG,2026-01,4\n')
    expect(text).toMatch(/## Breaches \(1\)\n\n\| id \| market \| period \| metric \| actual \| target \| document \|/)
    expect(text).toContain('| 3 | x\\|y | SG | 2026-01 |')
  })

  it('json: the model as it is', async () => {
    const report = await fixtureReport()
    expect(JSON.parse(reportRendererNamed('json').render(report, plain))).toEqual(JSON.parse(JSON.stringify(report)))
  })

  it('html: self-contained, no scripts, data escaped, one valid SVG chart per series with its target line', async () => {
    const metrics = `${METRICS}\n<script>alert(1)</script>,SG,2026-02,4,,,`
    const report = await fixtureReport(metrics)
    const html = reportRendererNamed('html').render(report, plain)
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain("default-src 'none'")
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(|\b(src|href)\s*=/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    for (const svg of svgsOf(html)) expect(isWellFormedXml(svg)).toBe(true)
    // Line charts are labelled by aria-label; market comparisons by their title and desc.
    const svgs = svgsOf(html).filter(s => s.includes('aria-label='))
    expect(svgs).toHaveLength(report.series.length)
    const withTarget = report.series.filter(s => s.target).length
    expect(svgs.filter(s => /class="target"[^>]*stroke-dasharray/.test(s))).toHaveLength(withTarget)
    // Missed points are red: as many as there are breaches.
    expect(svgs.join('').match(/r="4\.5" fill="#cf222e"/g)).toHaveLength(report.breaches.length)
  })
})

describe('lineChart', () => {
  const series: Series = {
    id: 'refund-escalation',
    market: 'SG',
    metric: 'csat',
    kind: 'score',
    direction: 'at-least',
    file: 'sops/SG/refund-escalation.md',
    via: 'market',
    target: {value: 4.5, written: '4.5', direction: 'at-least'},
    points: [
      {period: '2026-01', value: 4.6, written: '4.6', row: 2, met: true},
      {period: '2026-02', value: 4.5, written: '4.5', row: 3, met: true},
      {period: '2026-03', value: 4.3, written: '4.3', row: 4, met: false},
    ],
  }

  it('draws the line, the target and the points on round ticks', () => {
    const svg = lineChart(series)
    const parsed = new XMLParser({ignoreAttributes: false, parseTagValue: false}).parse(svg) as {
      svg: {'@_viewBox': string; polyline: {'@_points': string}; text: Array<string | {'#text': string}>}
    }
    expect(parsed.svg['@_viewBox']).toBe('0 0 360 200')
    expect(parsed.svg.polyline['@_points'].split(' ')).toHaveLength(3)
    const labels = parsed.svg.text.map(t => (typeof t === 'string' ? t : t['#text']))
    expect(labels).toEqual(
      expect.arrayContaining(['4.2', '4.3', '4.4', '4.5', '4.6', '2026-01', '2026-03', 'target ≥ 4.5']),
    )
  })

  it('draws a single point without a line, and durations on clock ticks', () => {
    const one = lineChart({
      ...series,
      kind: 'duration',
      direction: 'at-most',
      target: {value: 3600, written: '1h', direction: 'at-most'},
      points: [{period: '2026-01', value: 4200, written: '1h 10m', row: 2, met: false}],
    })
    expect(isWellFormedXml(one)).toBe(true)
    expect(one).not.toContain('<polyline')
    expect(one).toContain('>target ≤ 1h<')
    expect(one).toMatch(/>1h 10m</)
  })
})

describe('marketChart', () => {
  const bars: MarketBar[] = [
    {
      market: 'DE',
      channel: 'live-chat',
      period: '2026-03',
      value: 4.6,
      missed: false,
      target: {value: 4.4, written: '4.4', direction: 'at-least'},
    },
    {
      market: 'SG',
      channel: 'ai-agent',
      period: '2026-03',
      value: 4.2,
      missed: true,
      target: {value: 4.5, written: '4.5', direction: 'at-least'},
    },
    {
      market: 'SG',
      channel: 'live-chat',
      period: '2026-03',
      value: 4.6,
      missed: false,
      target: {value: 4.5, written: '4.5', direction: 'at-least'},
    },
  ]

  it('draws a bar per market and channel with its target, titled and described in words, as well-formed XML', () => {
    const svg = marketChart('csat for <refund> & returns', 'score', bars, 3)
    expect(isWellFormedXml(svg)).toBe(true)
    expect(svg).toContain('aria-labelledby="market-chart-3-title market-chart-3-desc"')
    expect(svg).toContain('<title id="market-chart-3-title">csat for &lt;refund&gt; &amp; returns</title>')
    expect(svg).toContain(
      '<desc id="market-chart-3-desc">DE live-chat 4.6 in 2026-03 (target ≥ 4.4); SG ai-agent 4.2 in 2026-03 (target ≥ 4.5, missed); SG live-chat 4.6 in 2026-03 (target ≥ 4.5)</desc>',
    )
    expect(svg.match(/class="bar"/g)).toHaveLength(3)
    expect(svg.match(/class="target"/g)).toHaveLength(3)
    // Only the missed bar is outlined in red.
    expect(svg.match(/stroke="#cf222e"/g)).toHaveLength(1)
    // Legend: one entry per channel.
    expect(svg).toMatch(/>ai-agent<\/text>/)
  })

  it('starts bars at zero and shows no legend for rows without channels', () => {
    const shares: MarketBar[] = ['DE', 'SG', 'US'].map((market, i) => ({
      market,
      period: '2026-03',
      value: 0.8 + i / 20,
      missed: false,
    }))
    const svg = marketChart('resolution', 'rate', shares, 0)
    expect(isWellFormedXml(svg)).toBe(true)
    expect(svg).toMatch(/>0%<\/text>/)
    expect(svg).not.toMatch(/all channels|width="10" height="10"/)
  })
})
