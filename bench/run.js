#!/usr/bin/env node
// sopkit's benchmark harness: `npm run bench` (never part of `npm test`).
//
//   npm run bench                          every case (about 3–6 minutes on 2 cores)
//   npm run bench -- --quick               1k corpus only, 3 runs, no peers
//   npm run bench -- --cases check-1k,floor-1k --runs 7
//   npm run bench -- --list                the cases and what they measure
//
// Every case is the MEDIAN wall time of several runs, each run a fresh child process
// (`process.execPath`, wrapped in `/usr/bin/time -f %M` for its peak RSS when that exists,
// else preloaded with bench/rss-probe.js). Ratios compare cases measured in the same run:
// check-Nk against floor-Nk (read every file + js-yaml front matter), start-up cases against
// `node -e ""`. The harness never asserts a time: it prints a table and writes
// bench/results/latest.json. It exits non-zero only when a command crashes (sopkit: exit code 2
// or a signal; peers: anything but 0 or 1) or the setup fails.
import {execFileSync, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {CORPUS_ROOT, DEFAULT_SEED, ensureCorpus} from './corpus.js'
import {writeDiffCorpus} from './diff-corpus.js'
import {fastPathShares, sharesTable} from './fast-path.js'
import {ensureFindingsCorpus} from './findings-corpus.js'
import {ensureReadmeCorpus} from './readme-corpus.js'
import {ensureUpstreamCorpus, resetUpstreamCorpus} from './upstream-corpus.js'

const BENCH = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.dirname(BENCH)
const BIN = path.join(ROOT, 'bin', 'run.js')
const RESULTS = path.join(BENCH, 'results')
const MARKDOWNLINT = path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs')
const REMARK = path.join(ROOT, 'node_modules', 'remark-cli', 'cli.js')
const TIME = '/usr/bin/time'

// ---------------------------------------------------------------------------------------------
// Options

const HELP = `usage: npm run bench -- [options]

  --quick           1k corpus only, 3 runs, no peers
  --cases a,b       only these cases (the cases their ratios refer to are added)
  --runs N          runs per case (default 5; --quick 3)
  --peer-runs N     runs per peer (default 3; 1 when a peer's first run takes over 60 s)
  --seed S          corpus seed (default ${DEFAULT_SEED})
  --regen           regenerate the corpora even when their stamps match
  --build           run \`npm run build\` first
  --list            list the cases and exit
`

function parseArgs(argv) {
  const opts = {
    quick: false,
    cases: undefined,
    runs: undefined,
    peerRuns: undefined,
    seed: DEFAULT_SEED,
    regen: false,
    build: false,
    list: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined) usage(`${flag} needs a value`)
      return v
    }
    const int = min => {
      const n = Number(value())
      if (!Number.isInteger(n) || n < min) usage(`${flag} takes an integer >= ${min}`)
      return n
    }
    if (flag === '--quick') opts.quick = true
    else if (flag === '--cases')
      opts.cases = value()
        .split(',')
        .map(s => s.trim())
        .filter(Boolean)
    else if (flag === '--runs') opts.runs = int(1)
    else if (flag === '--peer-runs') opts.peerRuns = int(1)
    else if (flag === '--seed') opts.seed = int(0)
    else if (flag === '--regen') opts.regen = true
    else if (flag === '--build') opts.build = true
    else if (flag === '--list') opts.list = true
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(HELP)
      process.exit(0)
    } else usage(`unknown option ${arg}`)
  }
  return opts
}

function usage(message) {
  process.stderr.write(`bench: ${message}\n\n${HELP}`)
  process.exit(2)
}

// ---------------------------------------------------------------------------------------------
// Cases

const SOPKIT_OK = [0, 1] // 1 = findings (the corpus carries seeded problems); 2 = usage/config/input error
const PEER_OK = [0, 1]
const PEER_SLOW_MS = 60_000
const CHECK_SLOW_MS = 180_000
const PLAYBOOK_TYPES = 'policy,flow,kb-article,automation-rule'

const ALL_OUT = path.join(os.tmpdir(), 'sopkit-bench-playbooks')

/**
 * An export's output is removed before each run (so every run says "wrote", not "replaced" after
 * the first) and its bytes compared across runs: exports are deterministic for the same --date.
 */
function freshOutput(output) {
  return {output, beforeRun: () => rmSync(output, {recursive: true, force: true})}
}

/**
 * An empty repository holding only the 100,000-row inventory, for the import that writes.
 *
 * Set aside the last run's 100,000 documents rather than delete them: ext4 without a journal
 * (this machine class) skips inodes freed in the last 1 to 6 minutes when it makes a file, so a
 * delete just before a run adds up to 20 s of kernel time to it. The set-aside runs are deleted
 * when the bench ends; a delete within minutes before a bench slows its first write run the same way.
 */
let removesSetAside = false
function freshImportRepo(diff) {
  const repo = path.join(diff, 'import-write')
  const setAside = path.join(diff, 'set-aside')
  if (existsSync(repo)) {
    if (!removesSetAside) {
      removesSetAside = true
      process.once('exit', () => {
        rmSync(setAside, {recursive: true, force: true})
      })
    }
    mkdirSync(setAside, {recursive: true})
    renameSync(repo, path.join(setAside, `run-${Date.now()}`))
  }
  mkdirSync(path.join(repo, '.git'), {recursive: true})
  copyFileSync(path.join(diff, 'import-repo', 'inventory-100k.csv'), path.join(repo, 'inventory-100k.csv'))
}

/** Every case, in the order they run. `ref` is the case the ratio divides by. */
function defineCases(c) {
  return [
    {
      name: 'floor-1k',
      group: 'floor',
      corpus: '1k',
      ref: 'floor-1k',
      warmup: true,
      what: 'read every file (sync) + js-yaml CORE_SCHEMA front matter, no rules',
      args: [path.join(BENCH, 'floor.js'), c['1k']],
      cwd: ROOT,
      ok: [0],
    },
    {
      name: 'floor-10k',
      group: 'floor',
      corpus: '10k',
      ref: 'floor-10k',
      warmup: true,
      what: 'the same on 10,000 documents',
      args: [path.join(BENCH, 'floor.js'), c['10k']],
      cwd: ROOT,
      ok: [0],
    },
    {
      name: 'check-1k',
      group: 'sopkit',
      corpus: '1k',
      ref: 'floor-1k',
      warmup: true,
      what: '`sopkit check` on 1,000 documents',
      args: [BIN, 'check'],
      cwd: c['1k'],
      ok: SOPKIT_OK,
      sopkit: true,
      slowMs: CHECK_SLOW_MS,
    },
    {
      name: 'check-10k',
      group: 'sopkit',
      corpus: '10k',
      ref: 'floor-10k',
      warmup: false,
      what: '`sopkit check` on 10,000 documents',
      args: [BIN, 'check'],
      cwd: c['10k'],
      ok: SOPKIT_OK,
      sopkit: true,
      slowMs: CHECK_SLOW_MS,
    },
    // A library adopting sopkit: about four findings a document (drift and tags), against the floor on the same files.
    ...['1k', '10k'].flatMap(size => [
      {
        name: `floor-findings-${size}`,
        group: 'floor',
        corpus: `findings-${size}`,
        ref: `floor-findings-${size}`,
        warmup: true,
        what: `the floor on the many-findings corpus (${size})`,
        args: [path.join(BENCH, 'floor.js'), c[`findings-${size}`]],
        cwd: ROOT,
        ok: [0],
      },
      {
        name: `check-findings-${size}`,
        group: 'sopkit',
        corpus: `findings-${size}`,
        ref: `floor-findings-${size}`,
        warmup: false,
        what: `\`sopkit check\` on the ${size} corpus with about four findings a document (drift, unknown tags, overdue reviews)`,
        args: [BIN, 'check'],
        cwd: c[`findings-${size}`],
        ok: SOPKIT_OK,
        sopkit: true,
        slowMs: CHECK_SLOW_MS,
      },
    ]),
    // Variants over time: the 10k corpus committed, then baselines bumped until 5% of the variants
    // are outdated with a merge base in git. Its ratio is to check-10k: the cost of the merge bases.
    {
      name: 'check-10k-outdated',
      group: 'sopkit',
      corpus: '10k-git',
      ref: 'check-10k',
      warmup: false,
      what: '`sopkit check` on the 10k corpus in git with 5% of the variants outdated (merge bases read from history)',
      args: [BIN, 'check'],
      cwd: c['10k-git'],
      ok: SOPKIT_OK,
      sopkit: true,
      slowMs: CHECK_SLOW_MS,
    },
    // 1,000 outdated variants (a tenth with a conflict) in a 3,000-document library; each run starts from the commit.
    {
      name: 'port-1000',
      group: 'sopkit',
      corpus: 'port',
      ref: 'port-1000',
      warmup: false,
      what: '`sopkit port --all` carrying baseline edits into 1,000 outdated variants (3,000-document library in git)',
      args: [BIN, 'port', '--all'],
      cwd: c.port,
      ok: SOPKIT_OK,
      sopkit: true,
      beforeRun: () => resetUpstreamCorpus(c.port),
    },
    {
      name: 'markdownlint-1k',
      group: 'peer',
      corpus: '1k',
      ref: 'floor-1k',
      peer: true,
      warmup: false,
      what: 'markdownlint-cli2 "sops/**/*.md" (default rules)',
      args: [MARKDOWNLINT, 'sops/**/*.md'],
      cwd: c['1k'],
      ok: PEER_OK,
      slowMs: PEER_SLOW_MS,
    },
    // Real Markdown: the installed packages' READMEs as knowledge-base articles (bench/readme-corpus.js).
    {
      name: 'floor-readmes',
      group: 'floor',
      corpus: 'readmes',
      ref: 'floor-readmes',
      warmup: true,
      what: 'the floor on the READMEs of the installed packages (real-world Markdown)',
      args: [path.join(BENCH, 'floor.js'), c.readmes],
      cwd: ROOT,
      ok: [0],
    },
    {
      name: 'check-readmes',
      group: 'sopkit',
      corpus: 'readmes',
      ref: 'floor-readmes',
      warmup: true,
      what: '`sopkit check` on the READMEs of the installed packages, each under front matter',
      args: [BIN, 'check'],
      cwd: c.readmes,
      ok: SOPKIT_OK,
      sopkit: true,
      slowMs: CHECK_SLOW_MS,
    },
    {
      name: 'markdownlint-readmes',
      group: 'peer',
      corpus: 'readmes',
      ref: 'floor-readmes',
      warmup: false,
      what: 'markdownlint-cli2 "sops/**/*.md" (default rules) on the same READMEs',
      args: [MARKDOWNLINT, 'sops/**/*.md'],
      cwd: c.readmes,
      ok: PEER_OK,
      slowMs: PEER_SLOW_MS,
    },
    {
      name: 'remark-1k',
      group: 'peer',
      corpus: '1k',
      ref: 'floor-1k',
      peer: true,
      warmup: false,
      setup: setupRemark,
      what: 'remark-cli + remark-frontmatter + remark-lint-frontmatter-schema (sopkit schema)',
      args: [REMARK, 'sops', '--quiet', '--no-stdout', '--no-color'],
      cwd: c['1k'],
      ok: PEER_OK,
      slowMs: PEER_SLOW_MS,
    },
    // A 1,000-document playbook: DE on the 10k corpus, four types (about 1,000 approved families).
    {
      name: 'export-html-1000',
      group: 'sopkit',
      corpus: '10k',
      ref: 'floor-10k',
      warmup: false,
      what: '`sopkit export --market DE --format html`, a ~1,000-document playbook from the 10k corpus',
      cwd: c['10k'],
      ok: [0],
      sopkit: true,
      args: [
        BIN,
        'export',
        '--market',
        'DE',
        '--type',
        PLAYBOOK_TYPES,
        '--format',
        'html',
        '-o',
        path.join(os.tmpdir(), 'sopkit-bench-de.html'),
        '--date',
        '2026-05-01',
      ],
      ...freshOutput(path.join(os.tmpdir(), 'sopkit-bench-de.html')),
    },
    {
      name: 'export-json-1000',
      group: 'sopkit',
      corpus: '10k',
      ref: 'floor-10k',
      warmup: false,
      what: '`sopkit export --market DE --format json`, the same playbook',
      cwd: c['10k'],
      ok: [0],
      sopkit: true,
      args: [
        BIN,
        'export',
        '--market',
        'DE',
        '--type',
        PLAYBOOK_TYPES,
        '--format',
        'json',
        '-o',
        path.join(os.tmpdir(), 'sopkit-bench-de.json'),
        '--date',
        '2026-05-01',
      ],
      ...freshOutput(path.join(os.tmpdir(), 'sopkit-bench-de.json')),
    },
    // Every market's playbook (--market all): one playbook rendered and written at a time.
    {
      name: 'export-html-all-1k',
      group: 'sopkit',
      corpus: '1k',
      ref: 'floor-1k',
      warmup: false,
      what: '`sopkit export --market all --type kb-article --format html` on the 1k corpus (a playbook per market, about 40)',
      cwd: c['1k'],
      ok: [0],
      sopkit: true,
      // Every market renders its documents again (links and drafts differ per market): all types take minutes.
      slowMs: PEER_SLOW_MS,
      args: [
        BIN,
        'export',
        '--market',
        'all',
        '--type',
        'kb-article',
        '--format',
        'html',
        '-o',
        ALL_OUT,
        '--date',
        '2026-05-01',
      ],
      ...freshOutput(ALL_OUT),
    },
    {
      name: 'diff-1mb',
      group: 'sopkit',
      corpus: 'diff',
      ref: 'check-one-file',
      warmup: false,
      what: '`sopkit diff` of two ~1 MB versions of one document (changed, moved, added sections)',
      cwd: c.diff,
      ok: [0],
      sopkit: true,
      args: [BIN, 'diff', 'big', '--market', 'DE', '--format', 'json'],
    },
    {
      name: 'diff-matrix-50',
      group: 'sopkit',
      corpus: 'diff',
      ref: 'check-one-file',
      warmup: false,
      what: '`sopkit diff --matrix` of a family with 50 market variants',
      cwd: c.diff,
      ok: [0],
      sopkit: true,
      args: [BIN, 'diff', 'wide', '--matrix'],
    },
    {
      name: 'diff-words-100kb',
      group: 'sopkit',
      corpus: 'diff',
      ref: 'check-one-file',
      warmup: false,
      what: '`sopkit diff` of two ~100 KB sections sharing no word (bounded word diff, whole-section fallback)',
      cwd: c.diff,
      ok: [0],
      sopkit: true,
      args: [BIN, 'diff', 'words', '--market', 'DE', '--format', 'json'],
    },
    {
      name: 'check-400k-headings',
      group: 'sopkit',
      corpus: 'diff',
      ref: 'check-one-file',
      warmup: false,
      what: '`sopkit check` on one document with 400,000 headings',
      cwd: c.diff && path.join(c.diff, 'headings-repo'),
      ok: SOPKIT_OK,
      sopkit: true,
      args: [BIN, 'check'],
    },
    {
      name: 'import-10k-rows',
      group: 'sopkit',
      corpus: 'diff',
      ref: 'check-one-file',
      warmup: false,
      what: '`sopkit import --dry-run` of a 10,000-row inventory',
      cwd: c.diff && path.join(c.diff, 'import-repo'),
      ok: [0, 1],
      sopkit: true,
      args: [BIN, 'import', 'inventory.csv', '--dry-run', '--json'],
    },
    {
      name: 'import-100k-rows',
      group: 'sopkit',
      corpus: 'diff',
      ref: 'check-one-file',
      warmup: false,
      what: '`sopkit import --dry-run` of a 100,000-row inventory (issue 19: under a minute, memory growing with the rows)',
      cwd: c.diff && path.join(c.diff, 'import-repo'),
      ok: [0, 1],
      sopkit: true,
      // Minutes a run: measured when named (--cases import-100k-rows), one run when the first takes over a minute.
      onlyWhenNamed: true,
      slowMs: PEER_SLOW_MS,
      args: [BIN, 'import', 'inventory-100k.csv', '--dry-run', '--json'],
    },
    {
      name: 'import-100k-rows-write',
      group: 'sopkit',
      corpus: 'diff',
      ref: 'check-one-file',
      warmup: false,
      what: '`sopkit import` of the 100,000-row inventory, writing every document (issue 19: under a minute)',
      cwd: c.diff && path.join(c.diff, 'import-write'),
      ok: [0, 1],
      sopkit: true,
      onlyWhenNamed: true,
      slowMs: PEER_SLOW_MS,
      args: [BIN, 'import', 'inventory-100k.csv', '--json'],
      // A repository of its own, emptied before each run: the dry-run cases read import-repo untouched.
      beforeRun: () => freshImportRepo(c.diff),
    },
    {
      name: 'node-empty',
      group: 'startup',
      ref: 'node-empty',
      warmup: true,
      what: 'node -e "" (start-up floor)',
      args: ['-e', ''],
      cwd: ROOT,
      ok: [0],
    },
    {
      name: 'version',
      group: 'startup',
      ref: 'node-empty',
      warmup: true,
      what: '`sopkit --version`',
      args: [BIN, '--version'],
      cwd: ROOT,
      ok: [0],
      sopkit: true,
    },
    {
      name: 'check-one-file',
      group: 'startup',
      ref: 'node-empty',
      warmup: true,
      what: '`sopkit check` on a one-file repo',
      args: [BIN, 'check'],
      cwd: c['1'],
      ok: SOPKIT_OK,
      sopkit: true,
    },
  ]
}

function selectCases(all, opts) {
  let names
  if (opts.cases) {
    const unknown = opts.cases.filter(n => !all.some(c => c.name === n))
    if (unknown.length > 0) usage(`unknown case(s) ${unknown.join(', ')}; cases: ${all.map(c => c.name).join(', ')}`)
    names = new Set(opts.cases)
  } else {
    names = new Set(
      all
        .filter(c => !c.onlyWhenNamed)
        .filter(c => !(opts.quick && (c.peer || ['10k', '10k-git', 'findings-10k'].includes(c.corpus))))
        .map(c => c.name),
    )
  }
  // A ratio is only meaningful against a reference measured in the same run; peers are compared
  // per document with check-1k (and check-10k when it runs).
  for (const c of all) {
    if (!names.has(c.name)) continue
    names.add(c.ref)
    if (c.peer) names.add('check-1k')
  }
  return all.filter(c => names.has(c.name))
}

// ---------------------------------------------------------------------------------------------
// Measuring

const hasGnuTime = (() => {
  if (process.env.BENCH_NO_GNU_TIME || !existsSync(TIME)) return false
  const probe = spawnSync(TIME, ['-f', '%M', process.execPath, '-e', ''], {encoding: 'utf8'})
  return probe.status === 0 && /^\d+\s*$/m.test(probe.stderr)
})()
const PROBE_URL = pathToFileURL(path.join(BENCH, 'rss-probe.js')).href

/** One run in a fresh child process: wall ms, peak RSS MB, exit code, output sizes. */
function runOnce(c, scratch) {
  const out = path.join(scratch, 'stdout')
  const err = path.join(scratch, 'stderr')
  const rssFile = path.join(scratch, 'rss')
  rmSync(rssFile, {force: true})
  const outFd = openSync(out, 'w')
  const errFd = openSync(err, 'w')
  const [cmd, args] = hasGnuTime
    ? [TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...c.args]]
    : [process.execPath, ['--import', PROBE_URL, ...c.args]]
  const env = {...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1'}
  delete env.FORCE_COLOR
  delete env.NODE_OPTIONS
  const start = performance.now()
  const result = spawnSync(cmd, args, {cwd: c.cwd, env, stdio: ['ignore', outFd, errFd]})
  const ms = performance.now() - start
  closeSync(outFd)
  closeSync(errFd)
  let rssKB
  let signal = result.signal ?? undefined
  if (existsSync(rssFile)) {
    const text = readFileSync(rssFile, 'utf8')
    const sig = /terminated by signal (\d+)/.exec(text)
    if (sig) signal = `signal ${sig[1]}`
    const lines = text.trim().split('\n')
    const n = Number(lines[lines.length - 1])
    if (Number.isFinite(n)) rssKB = n
  }
  return {
    ms,
    rssMB: rssKB === undefined ? undefined : rssKB / 1024,
    exitCode: result.status,
    signal,
    error: result.error?.message,
    stdoutBytes: statSync(out).size,
    stderrBytes: statSync(err).size,
    stdoutSha1: createHash('sha1').update(readFileSync(out)).digest('hex'),
    outputSha1: c.output ? outputDigest(c.output) : undefined,
    stderrHead: readFileSync(err, 'utf8').slice(0, 600),
  }
}

/** sha1 of a file, or of every file of a folder (names and bytes, in name order); undefined when absent. */
function outputDigest(target) {
  if (!existsSync(target)) return undefined
  const hash = createHash('sha1')
  const files = statSync(target).isDirectory()
    ? readdirSync(target, {recursive: true})
        .map(String)
        .sort()
        .map(f => path.join(target, f))
        .filter(f => statSync(f).isFile())
    : [target]
  for (const f of files) hash.update(`${path.relative(target, f)}\0`).update(readFileSync(f))
  return hash.digest('hex')
}

function median(values) {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/**
 * Measure every case in rounds: one run of each case per round, so that background load
 * (other processes on a shared machine) hits a case and its reference alike.
 */
function measureAll(cases, opts, scratch) {
  // oclif exits 1 on an uncaught error too, so sopkit's exit 1 counts only with a report on stdout.
  const failed = (c, r) =>
    r.signal !== undefined ||
    r.error !== undefined ||
    !c.ok.includes(r.exitCode) ||
    (c.sopkit && r.exitCode !== 0 && r.stdoutBytes === 0)
  const states = cases.map(c => ({
    c,
    runs: [],
    notes: [],
    failure: undefined,
    done: false,
    // Start-up cases are cheap and noisy: twice the runs.
    wanted: c.peer ? (opts.peerRuns ?? Math.min(opts.runs, 3)) : c.group === 'startup' ? opts.runs * 2 : opts.runs,
  }))
  const fail = (s, r, message) => {
    if (r) s.runs.push(r)
    s.failure = message ?? describeFailure(s.c, r)
    s.done = true
    progress(`  FAILED ${s.failure}`)
  }
  for (const s of states) {
    progress(`${s.c.name}: ${s.c.what}`)
    try {
      s.c.setup?.(s.c)
    } catch (error) {
      fail(s, undefined, `${s.c.name}: ${error.message}`)
      continue
    }
    if (s.c.warmup) {
      s.c.beforeRun?.()
      const w = runOnce(s.c, scratch)
      if (failed(s.c, w)) fail(s, w)
    }
  }
  for (let round = 1; states.some(s => !s.done); round++) {
    for (const s of states) {
      if (s.done) continue
      s.c.beforeRun?.()
      const r = runOnce(s.c, scratch)
      if (failed(s.c, r)) {
        fail(s, r)
        continue
      }
      s.runs.push(r)
      progress(
        `  round ${round}: ${s.c.name.padEnd(16)} ${seconds(r.ms)}${r.rssMB ? `, ${r.rssMB.toFixed(0)} MB` : ''}, exit ${r.exitCode} (${s.runs.length}/${s.wanted})`,
      )
      // A very slow case gets one run (unless --peer-runs asks for more), and the output says so.
      if (s.runs.length === 1 && s.wanted > 1 && s.c.slowMs && r.ms > s.c.slowMs && !(s.c.peer && opts.peerRuns)) {
        s.notes.push(`1 run only: the first took ${seconds(r.ms)} (> ${s.c.slowMs / 1000} s)`)
        s.done = true
      }
      if (s.runs.length >= s.wanted) s.done = true
    }
  }
  for (const s of states) {
    if (s.c.peer && !opts.peerRuns && !s.failure && s.runs.length === s.wanted && s.wanted < opts.runs)
      s.notes.push(`${s.wanted} runs (peer)`)
    if (new Set(s.runs.map(r => r.stdoutSha1)).size > 1) s.notes.push('stdout differed between runs')
    if (s.c.output && new Set(s.runs.map(r => r.outputSha1)).size > 1) s.notes.push('output file differed between runs')
  }
  return new Map(states.map(s => [s.c.name, s]))
}

function describeFailure(c, r) {
  const how = r.error ? `could not start (${r.error})` : r.signal ? `was killed (${r.signal})` : `exited ${r.exitCode}`
  return `${c.name} ${how}: ${r.stderrHead.trim().split('\n').slice(0, 6).join('\n    ')}`
}

// ---------------------------------------------------------------------------------------------
// Setup

function setupRemark(c) {
  const schema = spawnSync(process.execPath, [BIN, 'schema'], {cwd: c.cwd, encoding: 'utf8', maxBuffer: 64 << 20})
  if (schema.status !== 0)
    throw new Error(`\`sopkit schema\` failed (exit ${schema.status}): ${schema.stderr.slice(0, 400)}`)
  JSON.parse(schema.stdout) // it must be JSON
  writeFileSync(path.join(c.cwd, 'schema.json'), schema.stdout)
  const rc = {
    plugins: ['remark-frontmatter', ['remark-lint-frontmatter-schema', {schemas: {'./schema.json': ['sops/**/*.md']}}]],
  }
  writeFileSync(path.join(c.cwd, '.remarkrc.json'), `${JSON.stringify(rc, null, 2)}\n`)
}

/** A sopkit config above the corpus would re-root `check` away from it: pin the corpus then. */
function pinRoot(dir) {
  const names = ['sopkit.config.yaml', 'sopkit.config.yml', 'sopkit.config.json', '.sopkitrc']
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    const hit = names.find(n => existsSync(path.join(d, n)))
    let pkg = false
    try {
      pkg = JSON.parse(readFileSync(path.join(d, 'package.json'), 'utf8')).sopkit !== undefined
    } catch {
      // no package.json here, or not JSON
    }
    if (hit || pkg) {
      writeFileSync(path.join(dir, 'sopkit.config.yaml'), 'documents: ["sops/**/*.md"]\n')
      return `a sopkit config in ${d} would apply: wrote ${path.relative(ROOT, dir)}/sopkit.config.yaml`
    }
    if (path.dirname(d) === d) return undefined
  }
}

/** Read every corpus file once so that no case pays for a cold page cache. */
function warmCorpus(dir) {
  for (const rel of readdirSync(path.join(dir, 'sops'), {recursive: true}))
    if (rel.endsWith('.md')) readFileSync(path.join(dir, 'sops', rel))
}

/** When dist/ was built: a rebuild during the run would mix two builds' figures. */
function buildStamp() {
  try {
    return ['oclif.manifest.json', 'dist/commands/check.js'].map(f => statSync(path.join(ROOT, f)).mtimeMs).join('/')
  } catch {
    return 'missing'
  }
}

function gitInfo() {
  const git = (...args) => {
    try {
      return execFileSync('git', args, {cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim()
    } catch {
      return undefined
    }
  }
  const commit = git('rev-parse', 'HEAD')
  const dirty = commit ? git('status', '--porcelain', '--untracked-files=no') !== '' : undefined
  return {commit, short: commit?.slice(0, 9), dirty, branch: git('rev-parse', '--abbrev-ref', 'HEAD')}
}

// ---------------------------------------------------------------------------------------------
// Output

function progress(line) {
  process.stderr.write(`${line}\n`)
}
function seconds(ms) {
  return ms >= 100_000
    ? `${(ms / 1000).toFixed(0)} s`
    : ms >= 10_000
      ? `${(ms / 1000).toFixed(1)} s`
      : `${(ms / 1000).toFixed(3)} s`
}
function ratioText(x) {
  return x >= 100 ? `${x.toFixed(0)}×` : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`
}
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => String(r[i]).length)))
  const right = rows[0].map(h => /runs|median|min|max|ratio|RSS|exit|docs|ms\/doc|speed/.test(h))
  return rows
    .map((r, n) => {
      const line = r
        .map((cell, i) => (right[i] ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i])))
        .join('  ')
      return n === 0 ? `${line}\n${widths.map(w => '-'.repeat(w)).join('  ')}` : line
    })
    .join('\n')
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  opts.runs ??= opts.quick ? 3 : 5
  const placeholder = {
    1: '<one-file repo>',
    '1k': '<1k corpus>',
    '10k': '<10k corpus>',
    diff: '<diff corpus>',
    '10k-git': '<10k corpus in git>',
    'findings-1k': '<1k many-findings corpus>',
    'findings-10k': '<10k many-findings corpus>',
    port: '<3k corpus in git>',
    readmes: '<package READMEs corpus>',
  }
  if (opts.list) {
    for (const c of defineCases(placeholder))
      process.stdout.write(
        `${c.name.padEnd(16)} ${c.what}${c.ref !== c.name ? ` (ratio to ${c.ref})` : ''}${c.onlyWhenNamed ? ' [only with --cases]' : ''}\n`,
      )
    return 0
  }
  const selected = selectCases(defineCases(placeholder), opts)
  const needs = new Set(selected.map(c => c.corpus).filter(Boolean))
  if (selected.some(c => c.name === 'check-one-file')) needs.add('1')
  if (needs.has('10k-git')) needs.add('10k')
  if (needs.has('findings-1k')) needs.add('1k')
  if (needs.has('findings-10k')) needs.add('10k')
  if (needs.has('port')) needs.add('3k')

  if (opts.build) {
    progress('npm run build')
    const b = spawnSync('npm', ['run', 'build'], {cwd: ROOT, stdio: 'inherit'})
    if (b.status !== 0) throw new Error('npm run build failed')
  }
  const sopkitCases = selected.filter(c => c.sopkit || c.setup)
  if (
    sopkitCases.length > 0 &&
    (!existsSync(path.join(ROOT, 'dist', 'commands')) || !existsSync(path.join(ROOT, 'oclif.manifest.json')))
  ) {
    throw new Error('dist/ or oclif.manifest.json is missing: run `npm run build` first (or pass --build)')
  }
  for (const [c, file] of [
    ['markdownlint-1k', MARKDOWNLINT],
    ['markdownlint-readmes', MARKDOWNLINT],
    ['remark-1k', REMARK],
  ]) {
    if (selected.some(s => s.name === c) && !existsSync(file))
      throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm install\``)
  }

  // Corpora: generated once per (count, seed, generator) and reused while the stamp matches.
  const counts = {1: 1, '1k': 1000, '3k': 3000, '10k': 10000}
  const dirs = {}
  const corpora = {}
  const notes = []
  for (const key of ['1', '1k', '3k', '10k']) {
    if (!needs.has(key)) continue
    const {dir, stamp, created} = ensureCorpus({count: counts[key], seed: opts.seed, force: opts.regen, log: progress})
    if (!created)
      progress(`reusing ${path.relative(ROOT, dir)} (${stamp.files} documents, ${(stamp.bytes / 1e6).toFixed(1)} MB)`)
    const pinned = pinRoot(dir)
    if (pinned) notes.push(pinned)
    warmCorpus(dir)
    dirs[key] = dir
    corpora[key] = {
      dir: path.relative(ROOT, dir),
      files: stamp.files,
      bytes: stamp.bytes,
      seed: stamp.seed,
      sha1: stamp.sha1,
      generator: stamp.generator,
      problems: stamp.problems,
    }
  }
  for (const [key, source, outdated] of [
    ['10k-git', '10k', n => Math.round(n * 0.05)],
    ['port', '3k', () => 1000],
  ]) {
    if (!needs.has(key)) continue
    const dir = path.join(CORPUS_ROOT, `upstream-${source}`)
    const variants = readdirSync(path.join(dirs[source], 'sops'))
      .filter(f => f !== 'global')
      .reduce((n, f) => n + readdirSync(path.join(dirs[source], 'sops', f)).length, 0)
    const stamp = ensureUpstreamCorpus({
      source: dirs[source],
      sourceSha1: corpora[source].sha1,
      dir,
      outdated: outdated(variants),
      log: progress,
    })
    const pinned = pinRoot(dir)
    if (pinned) notes.push(pinned)
    warmCorpus(dir)
    dirs[key] = dir
    corpora[key] = {
      dir: path.relative(ROOT, dir),
      files: corpora[source].files,
      from: corpora[source].dir,
      variants,
      outdated: stamp.waiting,
      conflicts: stamp.conflicts,
    }
  }
  for (const source of ['1k', '10k']) {
    const key = `findings-${source}`
    if (!needs.has(key)) continue
    const dir = path.join(CORPUS_ROOT, key)
    const stamp = ensureFindingsCorpus({source: dirs[source], sourceSha1: corpora[source].sha1, dir, log: progress})
    const pinned = pinRoot(dir)
    if (pinned) notes.push(pinned)
    warmCorpus(dir)
    dirs[key] = dir
    corpora[key] = {dir: path.relative(ROOT, dir), files: stamp.files, bytes: stamp.bytes, from: corpora[source].dir}
  }
  if (needs.has('readmes')) {
    const dir = path.join(CORPUS_ROOT, 'readmes')
    const stamp = ensureReadmeCorpus({root: ROOT, dir, log: progress})
    const pinned = pinRoot(dir)
    if (pinned) notes.push(pinned)
    warmCorpus(dir)
    dirs.readmes = dir
    corpora.readmes = {dir: path.relative(ROOT, dir), files: stamp.files, bytes: stamp.bytes}
  }
  if (needs.has('diff')) {
    dirs.diff = path.join(CORPUS_ROOT, 'diff')
    const made = writeDiffCorpus(dirs.diff)
    corpora.diff = {dir: path.relative(ROOT, dirs.diff), bigBytes: made.bigBytes, markets: made.markets}
  }
  const cases = selectCases(defineCases(dirs), opts)

  const scratch = path.join(CORPUS_ROOT, `.runs-${process.pid}`)
  mkdirSync(scratch, {recursive: true})
  let results
  const builtBefore = buildStamp()
  const loadBefore = os.loadavg()
  let failures = 0
  const started = performance.now()
  try {
    results = measureAll(cases, opts, scratch)
    failures = [...results.values()].filter(r => r.failure).length
  } finally {
    rmSync(scratch, {recursive: true, force: true})
  }

  // Summaries, ratios and the per-document comparison with the peers.
  const summary = []
  for (const {c, runs, notes: caseNotes, failure} of results.values()) {
    const ms = runs.map(r => r.ms)
    const rss = runs.map(r => r.rssMB).filter(x => x !== undefined)
    summary.push({
      name: c.name,
      group: c.group,
      what: c.what,
      command: [
        'node',
        ...c.args.map(a => (path.isAbsolute(a) ? path.relative(ROOT, a) || '.' : a === '' ? '""' : a)),
      ].join(' '),
      cwd: path.relative(ROOT, c.cwd) || '.',
      documents: c.corpus ? corpora[c.corpus]?.files : c.name === 'check-one-file' ? 1 : undefined,
      runCount: failure ? 0 : runs.length,
      medianMs: failure || ms.length === 0 ? undefined : round(median(ms)),
      minMs: failure || ms.length === 0 ? undefined : round(Math.min(...ms)),
      maxMs: failure || ms.length === 0 ? undefined : round(Math.max(...ms)),
      runsMs: ms.map(x => round(x)),
      peakRssMB: rss.length > 0 ? round(Math.max(...rss), 1) : undefined,
      exitCodes: [...new Set(runs.map(r => r.exitCode ?? r.signal))],
      stdoutBytes: runs.at(-1)?.stdoutBytes,
      stdoutSha1: runs.at(-1)?.stdoutSha1,
      outputSha1: runs.at(-1)?.outputSha1,
      stderrBytes: runs.at(-1)?.stderrBytes,
      ratioTo: c.ref,
      ratio: undefined,
      notes: caseNotes,
      failure,
    })
  }
  const byName = new Map(summary.map(s => [s.name, s]))
  for (const s of summary) {
    const ref = byName.get(s.ratioTo)
    if (s.medianMs !== undefined && ref?.medianMs) s.ratio = round(s.medianMs / ref.medianMs, 3)
  }
  const perDoc = []
  const check1k = byName.get('check-1k')
  const check10k = byName.get('check-10k')
  for (const s of summary.filter(x => x.group === 'peer' && x.medianMs !== undefined)) {
    const peerMsPerDoc = s.medianMs / s.documents
    const row = {peer: s.name, peerMsPerDoc: round(peerMsPerDoc, 3), peerRuns: s.runCount}
    if (check1k?.medianMs) {
      row.checkMsPerDoc1k = round(check1k.medianMs / check1k.documents, 4)
      row.speedup1k = round(peerMsPerDoc / row.checkMsPerDoc1k, 1)
    }
    if (check10k?.medianMs) {
      row.peerMsExtrapolated10k = round(peerMsPerDoc * check10k.documents)
      row.checkMsPerDoc10k = round(check10k.medianMs / check10k.documents, 4)
      row.speedup10k = round(peerMsPerDoc / row.checkMsPerDoc10k, 1)
    }
    perDoc.push(row)
  }

  if (buildStamp() !== builtBefore)
    notes.push(
      'dist/ or oclif.manifest.json changed during the run (someone rebuilt?): sopkit figures may mix two builds, run again',
    )
  const git = gitInfo()
  // Which share of each corpus check reads without remark (the outline-agreement test proves those answers).
  const generated = Object.fromEntries(
    ['1k', '10k'].filter(k => dirs[k]).map(k => [`generated ${corpora[k].files} (${corpora[k].dir})`, dirs[k]]),
  )
  const fastPath = await fastPathShares(generated)
  const result = {
    schemaVersion: 1,
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${os.release()} ${process.arch}`,
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    totalMemoryMB: Math.round(os.totalmem() / 2 ** 20),
    loadAverage: {before: loadBefore.map(x => round(x, 2)), after: os.loadavg().map(x => round(x, 2))},
    git,
    peakMemory: hasGnuTime
      ? '/usr/bin/time -f %M (max RSS of the measured process)'
      : 'process.resourceUsage().maxRSS via bench/rss-probe.js',
    options: {runs: opts.runs, peerRuns: opts.peerRuns ?? Math.min(opts.runs, 3), quick: opts.quick, seed: opts.seed},
    corpora,
    cases: summary,
    perDocument: perDoc,
    fastPath,
    notes,
    totalSeconds: round((performance.now() - started) / 1000, 1),
  }
  mkdirSync(RESULTS, {recursive: true})
  writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`)

  // The short table.
  const rows = [['case', 'docs', 'runs', 'median', 'min', 'max', 'ratio', 'to', 'peak RSS', 'exit', 'notes']]
  for (const s of summary) {
    rows.push([
      s.name,
      s.documents ?? '',
      s.runCount,
      s.medianMs === undefined ? 'FAILED' : seconds(s.medianMs),
      s.minMs === undefined ? '' : seconds(s.minMs),
      s.maxMs === undefined ? '' : seconds(s.maxMs),
      s.ratio === undefined ? '' : ratioText(s.ratio),
      s.ratio === undefined || s.ratioTo === s.name ? '' : s.ratioTo,
      s.peakRssMB === undefined ? '' : `${s.peakRssMB.toFixed(0)} MB`,
      s.exitCodes.join('/'),
      s.notes.join('; '),
    ])
  }
  const lines = []
  lines.push(
    `sopkit bench · ${result.date.slice(0, 16).replace('T', ' ')} UTC · node ${result.node} · ${result.cpus} CPUs (${result.cpuModel ?? '?'}) · ${git.short ?? 'no git'}${git.dirty ? ' (dirty)' : ''}`,
  )
  lines.push(
    `each case: median of its runs (cases interleaved in rounds), every run a fresh process; seed ${opts.seed}; peak RSS via ${hasGnuTime ? '/usr/bin/time' : 'rss-probe'}`,
  )
  lines.push(
    `load average (1 min) before ${result.loadAverage.before[0]}, after ${result.loadAverage.after[0]}${result.loadAverage.before[0] > 0.5 * result.cpus ? ' · the machine was busy: expect noise' : ''}`,
  )
  lines.push('')
  lines.push(table(rows))
  if (perDoc.length > 0) {
    lines.push('')
    const pr = [
      ['peer (1k)', 'runs', 'peer ms/doc', 'check-1k ms/doc', 'speed-up 1k', 'check-10k ms/doc', 'speed-up 10k'],
    ]
    for (const p of perDoc) {
      pr.push([
        p.peer,
        p.peerRuns,
        p.peerMsPerDoc.toFixed(2),
        p.checkMsPerDoc1k?.toFixed(3) ?? '',
        p.speedup1k === undefined ? '' : ratioText(p.speedup1k),
        p.checkMsPerDoc10k?.toFixed(3) ?? '',
        p.speedup10k === undefined ? '' : ratioText(p.speedup10k),
      ])
    }
    lines.push(table(pr))
    lines.push(
      'speed-up = peer ms per document on 1k / sopkit check ms per document (1k measured; 10k: the peer extrapolated linearly from 1k)',
    )
  }
  lines.push('')
  lines.push(...sharesTable(fastPath))
  for (const n of notes) lines.push(`note: ${n}`)
  lines.push('')
  lines.push(`wrote ${path.relative(process.cwd(), path.join(RESULTS, 'latest.json'))} in ${result.totalSeconds} s`)
  process.stdout.write(`\n${lines.join('\n')}\n`)
  if (failures > 0) {
    for (const s of summary.filter(x => x.failure)) process.stderr.write(`bench: ${s.failure}\n`)
    return 1
  }
  return 0
}

function round(x, digits = 1) {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

main().then(
  code => {
    process.exitCode = code
  },
  error => {
    process.stderr.write(`bench: ${error.message}\n`)
    process.exitCode = 2
  },
)
