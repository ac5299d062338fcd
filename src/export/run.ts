// The export pipeline: load the library once, assemble each market's playbook (pure), check every
// target before rendering anything, then render and write each one. Never prints: the command
// reports what this returns.
import type {Config} from '../core/config.js'
import {SopkitError} from '../core/errors.js'
import {shownPath} from '../core/paths.js'
import {loadLibrary} from '../core/loader.js'
import {assemblePlaybook} from './assemble.js'
import type {ConvertedBodies} from './convert.js'
import {checkLanguages, labelSet, marketLanguage} from './label-sets.js'
import {requireChromium} from './chromium.js'
import type {Playbook} from './model.js'
import {checkOptions, namedMarkets} from './options.js'
import {findingsFor, withPublishIssues} from './publish.js'
import {type Shard, inShard} from '../core/shard.js'
import {exportRendererNamed} from './render/index.js'
import {checkTarget, folderTarget, singleTarget, writeOutput} from './write.js'

export const ALL_MARKETS = 'all'
export const STDOUT = '-'

export interface ExportRequest {
  config: Config
  cwd: string
  /** A market or region code, GLOBAL, or `all`. */
  market: string
  format: string
  channels: string[]
  types: string[]
  statuses: string[]
  date: string
  /** A file (one market), a folder (`all`), `-` for stdout, or undefined for `playbooks/`. */
  output?: string
  /** With `all`: export only this shard's markets, so n CI jobs cover every market once. */
  shard?: Shard
  force: boolean
  env: NodeJS.ProcessEnv
  /** Told as documents are rendered: which playbook, how far. */
  onProgress?: (label: string, done: number, total: number) => void
}

export interface ExportedFile {
  market: string
  /** Path relative to the working directory, or `-` for stdout. */
  file: string
  documents: number
  bytes: number
  replaced: boolean
  outsideLinks: number
  skippedVariants: number
  /** Entries of the playbook's "Before you publish" list (drift, conflicts, missing regimes). */
  beforePublish: number
  /** Documents left out because they take effect after the playbook's date. */
  notYetEffective: number
}

export interface ExportResult {
  format: string
  date: string
  files: ExportedFile[]
  /** Markets `--market all` left out because no document matched. */
  emptyMarkets: string[]
  /** Documents left out of every playbook because they cannot be read as documents (`sopkit check` says why). */
  unreadable: string[]
}

export interface ExportOutcome {
  result: ExportResult
  /** The playbook itself, when `-o -` asked for it on stdout. */
  stdout?: string | Uint8Array
}

export async function runExport(request: ExportRequest): Promise<ExportOutcome> {
  const {config} = request
  const all = request.market === ALL_MARKETS
  if (all && request.output === STDOUT)
    throw new SopkitError(
      'USAGE',
      '--market all writes one file per market, so it cannot go to stdout',
      'pass a folder to -o, or one market',
    )
  checkOptions(config, {...request, market: all ? 'GLOBAL' : request.market})
  if (request.shard && !all)
    throw new SopkitError('USAGE', '--shard splits --market all', 'pass --market all with --shard, or drop --shard')
  checkLanguages(config)
  const renderer = exportRendererNamed(request.format)
  if (renderer.name === 'pdf') requireChromium(request.env)
  const library = await loadLibrary(config)
  const markets = all
    ? namedMarkets(library).filter(m => !request.shard || inShard(m, request.shard))
    : [request.market]
  const assembled = markets.map(market => {
    const language = marketLanguage(config, market)
    return assemblePlaybook(library, {...request, market, language, labels: labelSet(config, language, market)})
  })
  const nonEmpty = all ? assembled.filter(p => p.documents.length > 0) : assembled
  const findings = await findingsFor(config, library, nonEmpty, request.date)
  const playbooks = nonEmpty.map(p => withPublishIssues(p, findings))
  const planned = playbooks.map(playbook => plan(request, playbook, all, renderer.extension))
  const files: ExportedFile[] = []
  const converted: ConvertedBodies = new Map()
  let stdout: string | Uint8Array | undefined
  for (const [i, {playbook, target, replaces}] of planned.entries()) {
    const label = all
      ? `export ${playbook.market.code} (${i + 1}/${planned.length} markets)`
      : `export ${playbook.market.code}`
    const content = await renderer.render(playbook, {
      config,
      env: request.env,
      converted,
      onDocument: (done, total) => request.onProgress?.(label, done, total),
    })
    if (target === undefined) stdout = content
    else writeOutput(target, content, replaces, config)
    files.push(describe(playbook, target === undefined ? STDOUT : shownPath(target, request.cwd), content, replaces))
  }
  const emptyMarkets = assembled.filter(p => !nonEmpty.includes(p)).map(p => p.market.code)
  const unreadable = library.documents
    .filter(d => d.readProblem || d.problems.length > 0 || !d.meta.id)
    .map(d => d.file)
  return {result: {format: renderer.name, date: request.date, files, emptyMarkets, unreadable}, stdout}
}

interface Planned {
  playbook: Playbook
  target?: string
  replaces: boolean
}

/** Every target is checked before anything is rendered, so a refused file costs no work and leaves nothing half done. */
function plan(request: ExportRequest, playbook: Playbook, all: boolean, extension: string): Planned {
  if (request.output === STDOUT) return {playbook, replaces: false}
  const {config, cwd, output} = request
  const market = playbook.market.code
  const target = all
    ? folderTarget(config.root, cwd, market, extension, output)
    : singleTarget(config.root, cwd, market, extension, output)
  return {playbook, target, replaces: checkTarget(target, request.force, shownPath(target, cwd), config)}
}

function describe(playbook: Playbook, file: string, content: string | Uint8Array, replaced: boolean): ExportedFile {
  return {
    market: playbook.market.code,
    file,
    documents: playbook.documents.length,
    bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.length,
    replaced,
    outsideLinks: playbook.outsideLinks.length,
    skippedVariants: playbook.skipped.length,
    beforePublish: playbook.beforePublish.length,
    notYetEffective: playbook.notYetEffective.length,
  }
}
