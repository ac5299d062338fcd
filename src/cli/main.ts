// What bin/run.js starts: oclif, bundled with the commands (scripts/bundle.js), so that the entry
// and the commands share one copy of @oclif/core.
import {Plugin, execute} from '@oclif/core'
import {PACKAGE_ROOT} from '../core/package-files.js'

/**
 * Runs the command line. One of sopkit's own commands runs with sopkit's own plugin alone: the
 * help, not-found and autocomplete plugins add nothing to it (none has a hook it would fire), and
 * finding and reading them cost about 20 ms a run. Anything else (`help`, `autocomplete`, a
 * mistyped command, flags alone) loads them all.
 */
export async function main(): Promise<void> {
  const own = new Plugin({isRoot: true, root: PACKAGE_ROOT})
  await own.load()
  const id = process.argv[2]
  const alone = id !== undefined && own.commandIDs.includes(id)
  await execute({loadOptions: alone ? {root: PACKAGE_ROOT, plugins: new Map([[own.name, own]])} : PACKAGE_ROOT})
}
