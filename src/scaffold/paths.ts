// Where a new document goes: the config's path pattern, filled with checked values, inside the repo.
import {existsSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Config} from '../core/config.js'
import {SopkitError} from '../core/errors.js'
import {isInside} from '../core/loader.js'
import {GLOBAL} from '../core/taxonomy.js'

/** A value that can be one path segment: no separators, no dots to climb with, nothing hidden. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]*$/

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
      throw new SopkitError('CONFIG_INVALID', `${config.file ?? 'config'}: path: unknown placeholder {{${name}}}`, 'use {{market}}, {{id}} and {{type}} in `path`')
    }
    if (!SEGMENT.test(value)) {
      throw new SopkitError('UNSAFE_PATH', `${name} "${value}" cannot be part of a file path`, `use a kebab-case ${name} (letters, digits and hyphens)`)
    }
    return value
  })
  const target = path.resolve(config.root, relative)
  if (!isInside(config.root, target) || !isInside(realRoot(config.root), realParent(target))) {
    throw new SopkitError('UNSAFE_PATH', `${relative} would be written outside the repository ${config.root}`,
      'fix `path` in the sopkit config, or pass an explicit --output')
  }
  return target
}

/** Where `--output` points: a folder (existing, or written with a trailing slash) receives `<id>.md`. */
export function outputPath(cwd: string, output: string, id: string): string {
  const target = path.resolve(cwd, output)
  const isFolder = /[\\/]$/.test(output) || (existsSync(target) && statSync(target).isDirectory())
  return isFolder ? path.join(target, `${id}.md`) : target
}

function realRoot(root: string): string {
  return existsSync(root) ? realpathSync(root) : root
}

/** The real path of the deepest existing folder above `target`, joined with the rest. */
function realParent(target: string): string {
  let dir = path.dirname(target)
  const rest: string[] = [path.basename(target)]
  while (!existsSync(dir) && path.dirname(dir) !== dir) {
    rest.unshift(path.basename(dir))
    dir = path.dirname(dir)
  }
  return path.join(existsSync(dir) ? realpathSync(dir) : dir, ...rest)
}
