// The package's own files, as the built CLI finds them: the build is a bundle of chunks, so a worker
// script or the templates must be found from the package root, never beside the module that asks.
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {glob} from 'tinyglobby'
import {describe, expect, it} from 'vitest'
import {ROOT} from '../helpers/cli.js'

type PackageFiles = typeof import('../../src/core/package-files.js')
const built = (await import(pathToFileURL(path.join(ROOT, 'dist/core/package-files.js')).href)) as PackageFiles

/** Every worker script the source starts, by the name it gives `workerScript`. */
async function namedWorkers(): Promise<string[]> {
  const names = new Set<string>()
  for (const file of await glob('src/**/*.ts', {cwd: ROOT}))
    for (const [, name] of readFileSync(path.join(ROOT, file), 'utf8').matchAll(/workerScript\('([^']+)'\)/g))
      names.add(name!)
  return [...names].sort()
}

describe('package files of the built CLI', () => {
  it('finds every worker script the code starts in dist/, from the shared chunk that asks', async () => {
    const names = await namedWorkers()
    expect(names).toEqual([
      'check/local-worker.js',
      'core/load-worker.js',
      'core/write-worker.js',
      'export/convert-worker.js',
    ])
    for (const name of names) {
      const file = fileURLToPath(built.workerScript(name))
      expect(file).toBe(path.join(ROOT, 'dist', name))
      expect(existsSync(file)).toBe(true)
    }
  })

  it('finds the package root and the built-in templates from the bundle', () => {
    expect(built.PACKAGE_ROOT).toBe(ROOT)
    expect(existsSync(built.packageFile('templates/sop.md.hbs'))).toBe(true)
  })

  it('ships the licence of every package bundled into dist/, and none of those left in node_modules', async () => {
    const licences = readFileSync(path.join(ROOT, 'dist/THIRD-PARTY-LICENSES.md'), 'utf8')
    // esbuild names each bundled module's source in a comment: // node_modules/<package>/...
    const bundled = new Set<string>()
    for (const file of await glob('dist/**/*.js', {cwd: ROOT}))
      for (const [, name] of readFileSync(path.join(ROOT, file), 'utf8').matchAll(
        /^\/\/ (?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\//gm,
      ))
        bundled.add(name!)
    expect(bundled).toContain('@oclif/core')
    expect(bundled).toContain('semver')
    for (const name of bundled) expect(licences).toMatch(new RegExp(`^## ${name.replace('/', '\\/')} \\d`, 'm'))
    for (const external of ['docx', 'pdf-lib', 'playwright-core']) {
      expect(bundled).not.toContain(external)
      expect(licences).not.toContain(`## ${external} `)
    }
  })

  it('names a worker that does not exist when running from source, so no thread is started', async () => {
    const source = await import('../../src/core/package-files.js')
    expect(fileURLToPath(source.workerScript('check/local-worker.js'))).toBe(
      path.join(ROOT, 'src/check/local-worker.js'),
    )
    expect(existsSync(fileURLToPath(source.workerScript('check/local-worker.js')))).toBe(false)
  })
})
