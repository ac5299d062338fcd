#!/usr/bin/env node
// Starts the CLI (dist/cli/main.js: oclif, bundled with the commands). `sopkit --version` alone is
// answered first, in oclif's format, because it is the call scripts make most and loading oclif
// would triple its time.
import {readFileSync} from 'node:fs'

if (process.argv.length === 3 && process.argv[2] === '--version') {
  const {name, version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`${name}/${version} ${process.platform}-${process.arch} node-${process.version}\n`)
} else {
  // dist/ is a bundle: a stack trace (DEBUG=sopkit*) names src/ files through the source maps.
  if (process.env.DEBUG) process.setSourceMapsEnabled(true)
  const {main} = await import('../dist/cli/main.js')
  await main()
}
