// The library as it stood at a git revision: the files the config's globs name, read from git in
// one batch, parsed and grouped by the one loader's document model and library (overlays applied).
import path from 'node:path'
import type {Config} from '../core/config.js'
import {SopDocument} from '../core/document.js'
import {filesAtRevision} from '../core/git.js'
import {buildLibrary, type Library} from '../core/library.js'
import {documentMatcher} from '../core/loader.js'

/** The library at `commit`, judged by today's config (the taxonomy and globs of the working tree). */
export async function libraryAt(config: Config, commit: string): Promise<Library> {
  const texts = await filesAtRevision(config.root, commit, documentMatcher(config))
  const documents: SopDocument[] = []
  for (const [rel, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (Buffer.byteLength(text) > config.maxFileSize) continue
    const bom = text.startsWith('\uFEFF')
    documents.push(await SopDocument.parse(rel, path.join(config.root, rel), bom ? text.slice(1) : text, {bom}))
  }
  return buildLibrary(config, documents)
}
