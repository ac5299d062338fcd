// Inline SVG line charts: one series (a metric of one family in one market) per chart, with its
// target as a dashed line and missed points in red. Static markup only: no scripts, no fonts or
// images to fetch; hover text comes from <title> elements.
import {escapeHtml as esc} from '../../core/escape.js'
import {formatValue} from '../metrics.js'
import type {Series} from '../model.js'
import {targetPhrase} from './words.js'

const WIDTH = 360
const HEIGHT = 200
const PAD = {top: 16, right: 16, bottom: 34, left: 60}
const PLOT_W = WIDTH - PAD.left - PAD.right
const PLOT_H = HEIGHT - PAD.top - PAD.bottom
/** Period labels shown at most, so they never overlap. */
const MAX_LABELS = 6

const fixed = (n: number) => (Math.round(n * 10) / 10).toString()

/** Tick steps for durations, in seconds: clock-friendly rather than powers of ten. */
const DURATION_STEPS = [
  1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800,
]

/** The smallest "nice" step (1, 2 or 5 × 10^k; or a clock step for durations) of at least `raw`. */
function niceStep(raw: number, kind: Series['kind']): number {
  if (kind === 'duration') return DURATION_STEPS.find(d => d >= raw) ?? Math.ceil(raw / 604800) * 604800
  const power = 10 ** Math.floor(Math.log10(raw))
  return ([1, 2, 5, 10].find(m => m * power >= raw) ?? 10) * power
}

/** Axis bounds on whole steps around every point and the target; a flat line gets room around it. */
function axis(s: Series): {lo: number; hi: number; step: number} {
  const values = [...s.points.map(p => p.value), ...(s.target ? [s.target.value] : [])]
  let lo = Math.min(...values)
  let hi = Math.max(...values)
  if (hi === lo) {
    const room = Math.abs(hi) * 0.05 || 1
    lo -= room
    hi += room
  }
  const step = niceStep((hi - lo) / 4, s.kind)
  lo = Math.floor(lo / step) * step
  hi = Math.ceil(hi / step) * step
  // Shares, scores and durations are never negative: keep the axis from suggesting they could be.
  if (s.kind !== 'number' && lo < 0) lo = 0
  return {lo, hi, step}
}

/** One chart as an <svg> element. */
export function lineChart(s: Series): string {
  const {lo, hi, step} = axis(s)
  const y = (v: number) => PAD.top + PLOT_H - ((v - lo) / (hi - lo)) * PLOT_H
  const n = s.points.length
  const x = (i: number) => PAD.left + (n === 1 ? PLOT_W / 2 : (i / (n - 1)) * PLOT_W)
  const label = `${s.metric} for ${s.id} in ${s.market}`
  const parts: string[] = [`<title>${esc(label)}</title>`]
  for (let i = 0; lo + i * step <= hi + step / 2; i++) {
    const v = lo + i * step
    parts.push(
      `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${fixed(y(v))}" y2="${fixed(y(v))}" stroke="#eaeef2"/>`,
      `<text x="${PAD.left - 6}" y="${fixed(y(v) + 3)}" text-anchor="end" font-size="10" fill="#57606a">${esc(formatValue(v, s.kind))}</text>`,
    )
  }
  const every = Math.ceil(n / MAX_LABELS)
  s.points.forEach((p, i) => {
    // The last label ends at its point, so it is never cut off at the right edge.
    const anchor = n > 1 && i === n - 1 ? 'end' : n > 1 && i === 0 ? 'start' : 'middle'
    if (i % every === 0 || i === n - 1)
      parts.push(
        `<text x="${fixed(x(i))}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="${anchor}" font-size="10" fill="#57606a">${esc(p.period)}</text>`,
      )
  })
  if (s.target) {
    const ty = fixed(y(s.target.value))
    parts.push(
      `<line class="target" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${ty}" y2="${ty}" stroke="#cf222e" stroke-width="1.5" stroke-dasharray="6 4"/>`,
      `<text x="${WIDTH - PAD.right}" y="${fixed(y(s.target.value) - 4)}" text-anchor="end" font-size="10" fill="#cf222e">target ${esc(targetPhrase(s.target.direction, s.target.value, s.kind))}</text>`,
    )
  }
  if (n > 1)
    parts.push(
      `<polyline class="series" fill="none" stroke="#0969da" stroke-width="2" points="${s.points.map((p, i) => `${fixed(x(i))},${fixed(y(p.value))}`).join(' ')}"/>`,
    )
  s.points.forEach((p, i) => {
    const missed = p.met === false
    parts.push(
      `<circle cx="${fixed(x(i))}" cy="${fixed(y(p.value))}" r="${missed ? 4.5 : 3.5}" fill="${missed ? '#cf222e' : '#0969da'}">` +
        `<title>${esc(`${p.period}: ${formatValue(p.value, s.kind)}${missed ? ' (target missed)' : ''}`)}</title></circle>`,
    )
  })
  parts.push(
    `<line x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${PAD.top + PLOT_H}" stroke="#8c959f"/>`,
    `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${PAD.top + PLOT_H}" y2="${PAD.top + PLOT_H}" stroke="#8c959f"/>`,
  )
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${esc(label)}" font-family="system-ui,sans-serif">${parts.join('')}</svg>`
}

/** One bar of a market comparison: a market's (and channel's) latest value of a metric. */
export interface MarketBar {
  market: string
  channel?: string
  period: string
  value: number
  target?: Series['target']
  missed: boolean
}

/** Channel colours, in order of first appearance; the palette is readable for the common colour-vision deficiencies. */
const PALETTE = ['#0969da', '#bf8700', '#8250df', '#1a7f37', '#57606a', '#bc4c00']
const BAR = 16
const GROUP_GAP = 18
const LEGEND = 18

/**
 * Markets side by side for one metric of one family: a bar per market (per channel when rows
 * have one) at its latest value, its own target as a dark tick, a missed target outlined in red.
 * Bars start at zero so heights compare; the title and desc say in words what the bars show.
 */
export function marketChart(title: string, kind: Series['kind'], bars: readonly MarketBar[], index: number): string {
  const channels = [...new Set(bars.map(b => b.channel ?? ''))]
  const markets = [...new Set(bars.map(b => b.market))]
  // Each market as wide as the bars it has, so a market measured on one channel leaves no hole.
  const barsOf = (market: string) =>
    channels.filter(c => bars.some(b => b.market === market && (b.channel ?? '') === c))
  // Markets spread over the plot when they are few, side by side at the least gap when many.
  const gap = Math.max(GROUP_GAP, (WIDTH - PAD.left - PAD.right - bars.length * BAR) / markets.length)
  const width = Math.max(WIDTH, PAD.left + bars.length * BAR + markets.length * gap + PAD.right)
  const top = PAD.top + (channels.length > 1 ? LEGEND : 0)
  const plotH = HEIGHT - top - PAD.bottom
  const values = bars.flatMap(b => [b.value, ...(b.target ? [b.target.value] : [])])
  const step = niceStep(Math.max(...values, 0) / 5 || 1, kind)
  const hi = Math.max(step, Math.ceil(Math.max(...values) / step) * step)
  const y = (v: number) => top + plotH - (Math.max(0, v) / hi) * plotH
  const id = `market-chart-${index}`
  const words = bars.map(
    b =>
      `${b.market}${b.channel ? ` ${b.channel}` : ''} ${formatValue(b.value, kind)} in ${b.period}` +
      (b.target
        ? ` (target ${targetPhrase(b.target.direction, b.target.value, kind)}${b.missed ? ', missed' : ''})`
        : ''),
  )
  const parts = [
    `<title id="${id}-title">${esc(title)}</title>`,
    `<desc id="${id}-desc">${esc(words.join('; '))}</desc>`,
  ]
  for (let v = 0; v <= hi + step / 2; v += step)
    parts.push(
      `<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${fixed(y(v))}" y2="${fixed(y(v))}" stroke="#eaeef2"/>`,
      `<text x="${PAD.left - 6}" y="${fixed(y(v) + 3)}" text-anchor="end" font-size="10" fill="#57606a">${esc(formatValue(v, kind))}</text>`,
    )
  if (channels.length > 1)
    channels.forEach((channel, i) => {
      const x = PAD.left + i * 90
      parts.push(
        `<rect x="${x}" y="${PAD.top - 2}" width="10" height="10" fill="${PALETTE[i % PALETTE.length]}"/>`,
        `<text x="${x + 14}" y="${PAD.top + 7}" font-size="10" fill="#24292f">${esc(channel || 'all channels')}</text>`,
      )
    })
  let left = PAD.left + gap / 2
  for (const market of markets) {
    const own = barsOf(market)
    parts.push(
      `<text x="${fixed(left + (own.length * BAR) / 2)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle" font-size="10" fill="#57606a">${esc(market)}</text>`,
    )
    own.forEach((channel, i) => {
      const bar = bars.find(b => b.market === market && (b.channel ?? '') === channel)!
      const c = channels.indexOf(channel)
      const x = left + i * BAR
      const barTop = y(bar.value)
      parts.push(
        `<rect class="bar" x="${fixed(x + 1)}" y="${fixed(barTop)}" width="${BAR - 2}" height="${fixed(top + plotH - barTop)}" fill="${PALETTE[c % PALETTE.length]}"` +
          `${bar.missed ? ' stroke="#cf222e" stroke-width="2"' : ''}><title>${esc(words[bars.indexOf(bar)]!)}</title></rect>`,
      )
      if (bar.target)
        parts.push(
          `<line class="target" x1="${fixed(x - 1)}" x2="${fixed(x + BAR + 1)}" y1="${fixed(y(bar.target.value))}" y2="${fixed(y(bar.target.value))}" stroke="#24292f" stroke-width="2"/>`,
        )
    })
    left += own.length * BAR + gap
  }
  parts.push(
    `<line x1="${PAD.left}" x2="${width - PAD.right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#8c959f"/>`,
  )
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui,sans-serif">${parts.join('')}</svg>`
}
