// One registry for every format a flag picks: the same exit-2 error for an unknown name everywhere.
import {describe, expect, it} from 'vitest'
import {SopkitError} from '../../src/core/errors.js'
import type {Registry} from '../../src/core/registry.js'
import {DIFF_REGISTRY} from '../../src/diff/render/index.js'
import {EXPORT_REGISTRY} from '../../src/export/render/index.js'
import {CHECK_FORMATS} from '../../src/formatters/index.js'
import {COVERAGE_REGISTRY, LS_REGISTRY} from '../../src/inventory/render/index.js'
import {REPORT_REGISTRY} from '../../src/report/render/index.js'

const REGISTRIES: Array<[string, Registry<{name: string; description: string}>]> = [
  ['check', CHECK_FORMATS],
  ['export', EXPORT_REGISTRY],
  ['diff', DIFF_REGISTRY],
  ['ls', LS_REGISTRY],
  ['coverage', COVERAGE_REGISTRY],
  ['report', REPORT_REGISTRY],
]

function failure(registry: Registry<{name: string; description: string}>, name: string): SopkitError {
  try {
    registry.get(name)
  } catch (error) {
    if (error instanceof SopkitError) return error
    throw error
  }
  throw new Error(`expected "${name}" to be unknown`)
}

describe('format registries', () => {
  it.each(REGISTRIES)('%s: finds each entry by name', (_, registry) => {
    expect(registry.names.length).toBeGreaterThan(1)
    for (const name of registry.names) expect(registry.get(name).name).toBe(name)
  })

  it.each(REGISTRIES)(
    '%s: an unknown name is one user error with a did-you-mean and the known names',
    (command, registry) => {
      const error = failure(registry, 'jsn')
      expect(error.code).toBe('UNKNOWN_FORMAT')
      expect(error.message).toBe(`unknown ${command} format "jsn" (did you mean "json"?)`)
      expect(error.mend).toBe(`use one of ${registry.names.join(', ')}`)
      expect(failure(registry, 'xyzzy').message).toBe(`unknown ${command} format "xyzzy"`)
    },
  )

  it('never falls back to a default for a name it does not know', () => {
    for (const [, registry] of REGISTRIES) expect(() => registry.get('')).toThrow(SopkitError)
    expect(() => LS_REGISTRY.get('html')).toThrow(/unknown ls format "html"/)
    expect(COVERAGE_REGISTRY.get('html').name).toBe('html')
  })
})

describe('registry.forOutput: the -o extension and --format agree', () => {
  it.each(REGISTRIES)('%s: an extension picks the first entry that writes it, in any case', (_, registry) => {
    const entries = registry.entries as ReadonlyArray<{name: string; extensions?: readonly string[]}>
    const extensions = new Set(entries.flatMap(e => e.extensions ?? []))
    expect(extensions.size).toBeGreaterThan(1)
    for (const ext of extensions) {
      const first = entries.find(e => e.extensions?.includes(ext))!
      expect(registry.forOutput(undefined, `out/x.${ext.toUpperCase()}`, registry.names[0]!).name).toBe(first.name)
    }
  })

  it('an unclaimed extension, no extension and no file fall back', () => {
    expect(EXPORT_REGISTRY.forOutput(undefined, 'DE.txt', 'html').name).toBe('html')
    expect(EXPORT_REGISTRY.forOutput(undefined, 'DE', 'html').name).toBe('html')
    expect(EXPORT_REGISTRY.forOutput(undefined, '.pdf', 'html').name).toBe('html')
    expect(EXPORT_REGISTRY.forOutput(undefined, undefined, 'md').name).toBe('md')
  })

  it('the longest extension wins: x.sarif.json is SARIF, and json may still write it', () => {
    expect(CHECK_FORMATS.forOutput(undefined, 'x.sarif.json', 'stylish').name).toBe('sarif')
    expect(CHECK_FORMATS.forOutput('json', 'x.sarif.json', 'stylish').name).toBe('json')
    expect(CHECK_FORMATS.forOutput('gitlab', 'gl-code-quality.json', 'stylish').name).toBe('gitlab')
  })

  it('a typed format the extension contradicts is a usage error naming both and the file to write', () => {
    let error: unknown
    try {
      EXPORT_REGISTRY.forOutput('html', 'out/DE.pdf', 'html')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(SopkitError)
    expect((error as SopkitError).code).toBe('FORMAT_MISMATCH')
    expect((error as SopkitError).message).toBe('--format html does not match -o out/DE.pdf (.pdf is pdf)')
    expect((error as SopkitError).mend).toBe('leave out --format to write pdf, or name the file out/DE.html')
  })
})
