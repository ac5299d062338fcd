// Where a new document goes: the config's path pattern, filled with checked values, inside the repo.
import {existsSync, lstatSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Config} from '../core/config.js'
import {SopkitError} from '../core/errors.js'
import {mapFor, memo} from '../core/memo.js'
import {guardPath, passesThroughGit, requireSafeSegment} from '../core/paths.js'
import {GLOBAL} from '../core/taxonomy.js'

export interface PathFacts {
  id: string
  markets: readonly string[]
  type: string
}

/**
 * The absolute path `config.path` names for a document: `{{market}}` is its first market as
 * written (GLOBAL → `global`), `{{id}}` its id, `{{type}}` its type. Refuses any value that is
 * not a plain segment and any result outside the repo, through a symlinked folder included.
 */
export function documentPath(config: Config, facts: PathFacts): string {
  const first = facts.markets[0] ?? GLOBAL
  const values: Record<string, string> = {market: first === GLOBAL ? 'global' : first, id: facts.id, type: facts.type}
  const relative = config.path.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) {
      throw new SopkitError(
        'CONFIG_INVALID',
        `${config.file ?? 'config'}: path: unknown placeholder {{${name}}}`,
        'use {{market}}, {{id}} and {{type}} in `path`',
      )
    }
    return requireSafeSegment(value, name)
  })
  const folder = path.posix.dirname(relative)
  const name = path.posix.basename(relative)
  // An odd last segment (`.`, `..`, `.git`) is judged with its folder, the slow way.
  if (name === '.' || name === '..' || passesThroughGit(name))
    return guardPath(config.root, relative, 'path', PATH_MEND)
  // `import` places thousands of documents in a few folders: each folder is resolved (symlinks
  // followed) once a run. sopkit only ever makes real folders, so a folder stays what it was.
  const guarded = memo(mapFor(guardedFolders, config), folder, () =>
    path.dirname(guardPath(config.root, relative, 'path', PATH_MEND)),
  )
  const target = path.join(guarded, name)
  // The name itself may be a symlink already there: then the whole path is judged, through it.
  return lstatSync(target, {throwIfNoEntry: false})?.isSymbolicLink()
    ? guardPath(config.root, relative, 'path', PATH_MEND)
    : target
}

const PATH_MEND = 'fix `path` in the sopkit config, or pass an explicit --output'
const guardedFolders = new WeakMap<Config, Map<string, string>>()

/** Where `--output` points: a folder (existing, or written with a trailing slash) receives `<id>.md`. */
export function outputPath(cwd: string, output: string, id: string): string {
  const target = path.resolve(cwd, output)
  const isFolder = /[\\/]$/.test(output) || (existsSync(target) && statSync(target).isDirectory())
  return isFolder ? path.join(target, `${id}.md`) : target
}
