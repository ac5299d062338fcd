// The package's own files (built-in templates, worker scripts), found from the package root. The
// built CLI is a bundle (scripts/bundle.js): this module's code may sit in a shared chunk, an entry
// or, under the tests, in src/, so no path may be relative to the module that asks.
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const here = fileURLToPath(import.meta.url)

/** The nearest folder above this module holding package.json: sopkit's own root. */
function findPackageRoot(): string {
  for (let dir = path.dirname(here); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir
    if (path.dirname(dir) === dir) throw new Error(`internal: no package.json above ${here}`)
  }
}

export const PACKAGE_ROOT = findPackageRoot()

/** The folder the running code comes from: dist (built) or src (the tests, from source). */
const CODE_DIR = path.join(PACKAGE_ROOT, path.relative(PACKAGE_ROOT, here).split(path.sep)[0] ?? 'dist')

/** A file that ships with the package, e.g. `templates/`. */
export function packageFile(relative: string): string {
  return path.join(PACKAGE_ROOT, relative)
}

/**
 * A worker script of this build, by its path under src/ with a `.js` name (`check/local-worker.js`).
 * Running from source it names a file that does not exist, which `threadCount` reads as "no threads".
 */
export function workerScript(relative: string): URL {
  return pathToFileURL(path.join(CODE_DIR, relative))
}
