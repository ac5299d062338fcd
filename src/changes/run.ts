// The changes pipeline: resolve the revisions, read the library at each, build each market's
// changes (pure), render, write. Never prints: the command reports what this returns.
import {mkdirSync} from 'node:fs'
import path from 'node:path'
import type {ChalkInstance} from 'chalk'
import type {Config} from '../core/config.js'
import {SopkitError} from '../core/errors.js'
import {resolveRevision} from '../core/git.js'
import {loadLibrary} from '../core/loader.js'
import {writeOutputFile} from '../core/output.js'
import {requireKnownMarket} from '../core/taxonomy.js'
import {namedMarkets} from '../export/options.js'
import {buildChanges} from './build.js'
import {type MarketChanges, type Revision, WORKING_TREE} from './model.js'
import {CHANGES_REGISTRY} from './render/index.js'
import {libraryAt} from './revision.js'

export const ALL_MARKETS = 'all'

export interface ChangesRequest {
  config: Config
  cwd: string
  /** A market or region code, GLOBAL, or `all`. */
  market: string
  since: string
  /** Default: the working tree. */
  until?: string
  format: string
  date: string
  /** A file (one market; default stdout), a folder (`all`, required). */
  output?: string
  color: ChalkInstance
}

export interface ChangesFile {
  market: string
  /** Relative to the working directory. */
  file: string
  documents: number
}

export interface ChangesResult {
  format: string
  since: Revision
  until: Revision
  changes: MarketChanges[]
  files: ChangesFile[]
}

export interface ChangesOutcome {
  result: ChangesResult
  /** The rendered briefing, when it goes to stdout. */
  stdout?: string
}

export async function runChanges(request: ChangesRequest): Promise<ChangesOutcome> {
  const {config} = request
  const all = request.market === ALL_MARKETS
  if (!all) requireKnownMarket(config.taxonomy, request.market, '--market', [ALL_MARKETS])
  if (all && request.output === undefined)
    throw new SopkitError(
      'USAGE',
      '--market all writes one file per market, so it needs a folder',
      'pass a folder to -o (e.g. -o briefings), or one market',
    )
  const renderer = CHANGES_REGISTRY.get(request.format)
  await renderer.load?.()
  const since: Revision = {ref: request.since, commit: await resolveRevision(config.root, request.since, '--since')}
  const until: Revision =
    request.until === undefined
      ? {ref: WORKING_TREE}
      : {ref: request.until, commit: await resolveRevision(config.root, request.until, '--until')}
  const [before, after] = await Promise.all([
    libraryAt(config, since.commit!),
    until.commit === undefined ? loadLibrary(config) : libraryAt(config, until.commit),
  ])
  const markets = all ? [...new Set([...namedMarkets(before), ...namedMarkets(after)])].sort() : [request.market]
  const changes = markets.map(market => buildChanges(before, after, {market, since, until, date: request.date}))
  const files: ChangesFile[] = []
  let stdout: string | undefined
  const toFile = request.output !== undefined
  for (const market of changes) {
    const text = renderer.render(market, {color: request.color})
    if (!toFile) {
      stdout = text
      continue
    }
    const target = all ? path.join(request.output!, `${market.market.code}.${renderer.extensions[0]}`) : request.output!
    if (all) mkdirSync(path.resolve(request.cwd, request.output!), {recursive: true})
    writeOutputFile(path.resolve(request.cwd, target), text.endsWith('\n') ? text : `${text}\n`, config, '-o')
    files.push({market: market.market.code, file: target, documents: market.documents.length})
  }
  return {result: {format: renderer.name, since, until, changes, files}, stdout}
}
