// Small in-memory libraries for export tests: documents built from test/helpers/docs.ts, loaded
// through the real document model, grouped by the real library builder.
import path from 'node:path'
import {resolveConfig, type Config} from '../../src/core/config.js'
import {SopDocument} from '../../src/core/document.js'
import {buildLibrary, type Library} from '../../src/core/library.js'
import {assemblePlaybook} from '../../src/export/assemble.js'
import type {Playbook, PlaybookOptions} from '../../src/export/model.js'
import {doc, type DocOptions} from '../helpers/docs.js'

export const ROOT = '/repo'

/** Documents by repo-relative path. */
export async function library(files: Record<string, string>, rawConfig: unknown = {}): Promise<Library> {
  const config: Config = resolveConfig(ROOT, undefined, rawConfig)
  const documents = await Promise.all(
    Object.entries(files).map(async ([file, text]) => SopDocument.parse(file, path.join(ROOT, file), text)),
  )
  return buildLibrary(config, documents)
}

export function options(market: string, extra: Partial<PlaybookOptions> = {}): PlaybookOptions {
  return {market, channels: [], types: [], statuses: ['approved'], date: '2026-05-01', ...extra}
}

export async function playbookOf(
  files: Record<string, string>,
  market: string,
  extra: Partial<PlaybookOptions> = {},
): Promise<Playbook> {
  return assemblePlaybook(await library(files), options(market, extra))
}

/** A variant of a family: markets, title and based_on set, the rest as the baseline. */
export function variant(id: string, markets: string[], front: Record<string, unknown> = {}, body?: string): string {
  return doc({
    front: {id, title: `${id} (${markets.join(', ')})`, markets, based_on: '1.4.0', compliance: [], ...front},
    body,
  })
}

export function baseline(id: string, front: Record<string, unknown> = {}, body?: string): string {
  return doc({front: {id, title: id, ...front}, body})
}

export type {DocOptions}
