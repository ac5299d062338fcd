// A baseline edited without a new version is invisible to its variants: they compare versions.
import inc from 'semver/functions/inc.js'
import {isBaseline} from '../core/document.js'
import {defineLibraryRule} from './rule.js'

export default defineLibraryRule({
  id: 'version-bump',
  description: "A baseline's content has not changed since the commit that set its `version` (git history).",
  defaultSeverity: 'warn',
  readsBody: true,
  messages: {
    unbumped: {
      message: 'Baseline content changed since commit {commit} set version {version}',
      mend: 'bump version (e.g. to "{next}") so that its variants see the change and `sopkit port` can carry it over',
    },
  },
  check({doc, library, report}) {
    if (!isBaseline(doc)) return
    const stale = library.upstream?.staleVersion(doc)
    if (!stale) return
    report({
      messageId: 'unbumped',
      at: {key: ['version']},
      data: {
        commit: stale.commit.slice(0, 7),
        version: stale.version,
        next: inc(stale.version, 'patch') ?? 'a higher version',
      },
    })
  },
})
