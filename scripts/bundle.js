#!/usr/bin/env node
// Builds dist/ from src/ with esbuild: one file per entry point and shared chunks. Node resolves,
// reads and links each ES module on its own: loading `check` as ~130 of our modules and ~100 of
// oclif's cost more than its work on a small repository. @oclif/core is bundled too, so a command
// and bin/run.js share one copy; every other dependency stays in node_modules (the plugins bring
// their own @oclif/core, loaded only when one of their commands or hooks runs).
// Entry points are the files something loads by path: bin/run.js (cli/main), oclif (commands,
// hooks, through the manifest), `new Worker` (the worker scripts), and the tests and the bench,
// which import a few built modules directly (threads and the writer run in real worker threads and
// child processes).
import {build} from 'esbuild'
import {readFileSync} from 'node:fs'
import {globSync} from 'tinyglobby'

const {dependencies} = JSON.parse(readFileSync('package.json', 'utf8'))
// typescript: oclif asks for it only to run a plugin from source, never here.
const external = [...Object.keys(dependencies).filter(d => d !== '@oclif/core'), 'typescript']

const IMPORTED_DIRECTLY = [
  'src/core/config.ts',
  'src/core/front-matter.ts',
  'src/core/outline-scan.ts',
  'src/core/package-files.ts',
  'src/core/taxonomy.ts',
  'src/core/threads.ts',
  'src/core/writer.ts',
  'src/export/run.ts',
]

await build({
  entryPoints: [
    ...globSync(['src/commands/*.ts', 'src/hooks/*.ts', 'src/**/*-worker.ts'], {expandDirectories: false}),
    ...IMPORTED_DIRECTLY,
    'src/cli/main.ts',
  ].sort(),
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  // oclif is CommonJS: its require() calls need a real require inside the ES module bundle.
  banner: {
    js: "import {createRequire as __sopkitRequire} from 'node:module'; const require = __sopkitRequire(import.meta.url);",
  },
  chunkNames: 'chunks/[name]-[hash]',
  // Maps to src/ for the stack traces DEBUG=sopkit* prints (bin/run.js turns them on only then).
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
})
