#!/usr/bin/env node
// Times `sopkit export --market DE` to html and to json on a corpus folder (for the benchmark
// owner to wire into bench/run.js): median of N fresh processes each, never asserts a time.
//
//   node bench/export-case.js CORPUS_DIR [--runs N] [--market M]
//   node bench/corpus.js --count 1000 --out /tmp/c && node bench/export-case.js /tmp/c
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, statSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'run.js')

/** One timed run: wall milliseconds, exit code, output size. Output goes to a temp folder, never the corpus. */
export function exportOnce(corpus, format, market = 'DE') {
  const out = mkdtempSync(path.join(os.tmpdir(), 'sopkit-bench-export-'))
  const file = path.join(out, `${market}.${format}`)
  const started = process.hrtime.bigint()
  const r = spawnSync(
    process.execPath,
    [BIN, 'export', '--market', market, '--format', format, '-o', file, '--date', '2026-05-01'],
    {cwd: corpus, encoding: 'utf8', env: {...process.env, CI: 'true', NO_COLOR: '1'}},
  )
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const bytes = r.status === 0 ? statSync(file).size : 0
  rmSync(out, {recursive: true, force: true})
  if (r.status !== 0) throw new Error(`export --format ${format} exited ${r.status}: ${r.stderr.trim()}`)
  return {ms, bytes, summary: r.stdout.trim()}
}

/** The export cases: html and json, each the median of `runs` fresh processes. */
export function exportCases(corpus, {runs = 3, market = 'DE'} = {}) {
  return ['html', 'json'].map(format => {
    const samples = Array.from({length: runs}, () => exportOnce(corpus, format, market))
    const times = samples.map(s => s.ms).sort((a, b) => a - b)
    return {
      case: `export-${format}`,
      median_ms: Math.round(times[Math.floor(times.length / 2)]),
      runs: times.map(Math.round),
      bytes: samples[0].bytes,
      summary: samples[0].summary,
    }
  })
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [corpus, ...rest] = process.argv.slice(2)
  if (!corpus) {
    console.error('usage: node bench/export-case.js CORPUS_DIR [--runs N] [--market M]')
    process.exit(2)
  }
  const value = (flag, fallback) => (rest.includes(flag) ? rest[rest.indexOf(flag) + 1] : fallback)
  for (const c of exportCases(path.resolve(corpus), {
    runs: Number(value('--runs', 3)),
    market: value('--market', 'DE'),
  })) {
    console.log(
      `${c.case.padEnd(12)} ${String(c.median_ms).padStart(7)} ms  (runs ${c.runs.join(', ')}; ${c.bytes} bytes; ${c.summary})`,
    )
  }
}
