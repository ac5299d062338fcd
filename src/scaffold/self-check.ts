// The library as check sees it, and check run on a planned document before it is written:
// `sopkit new` never leaves a file that `sopkit check` would reject.
import {resolveSeverities} from '../check/severity.js'
import {lintWhole} from '../check/lint.js'
import type {Config} from '../core/config.js'
import {SopDocument} from '../core/document.js'
import {SopkitError} from '../core/errors.js'
import type {Finding, SeveritySetting} from '../core/finding.js'
import {memo} from '../core/memo.js'
import {addDocument, buildLibrary, type Library, type LibraryDoc, removeLastDocument} from '../core/library.js'
import {relativeFile} from '../core/loader.js'
import {RULES} from '../rules/index.js'
import type {PlannedDocument} from './plan.js'

/** The config's rule severities, resolved once (`import` checks a planned document per row). */
const severitiesOf = new WeakMap<Config, Map<string, SeveritySetting>>()

/** The planned document as the loader will read it once written. */
export function parsePlanned(config: Config, planned: PlannedDocument): SopDocument | Promise<SopDocument> {
  return SopDocument.parse(relativeFile(config.root, planned.target), planned.target, planned.content)
}

/**
 * The errors `sopkit check` would report for the planned document in this library. `doc` is the
 * plan already parsed (`import` keeps it for its working library, so each row is parsed once).
 */
export async function checkPlanned(
  config: Config,
  library: Library<LibraryDoc>,
  planned: PlannedDocument,
  today: string,
  doc?: SopDocument,
): Promise<Finding[]> {
  doc ??= await parsePlanned(config, planned)
  // A document replaced with --force is not its own rival; otherwise the candidate joins the
  // library only while it is checked (O(1), so `import` stays linear in its rows).
  const lintIn = library.byPath.has(planned.target)
    ? buildLibrary(
        config,
        library.documents.filter(d => d.absPath !== planned.target),
      )
    : library
  const severities = memo(severitiesOf, config, () =>
    resolveSeverities(RULES, config.rules, config.file ?? 'config', []),
  )
  addDocument(lintIn, doc)
  try {
    return (await lintWhole(doc, lintIn, {rules: RULES, severities, today}))
      .map(l => l.finding)
      .filter(f => f.severity === 'error')
  } finally {
    removeLastDocument(lintIn, doc)
  }
}

/** Refuse to write a document check would reject, naming the first finding and its mend. */
export function refuseFindings(findings: readonly Finding[]): void {
  const [first] = findings
  if (!first) return
  const more = findings.length > 1 ? ` (and ${findings.length - 1} more)` : ''
  throw new SopkitError(
    'WOULD_FAIL_CHECK',
    `the document would fail \`sopkit check\`: ${first.message} [${first.ruleId}]${more}`,
    first.mend,
  )
}
