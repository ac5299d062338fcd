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
