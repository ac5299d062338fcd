#!/usr/bin/env node
// Builds dist/ from src/ with esbuild: one file per entry point and shared chunks, dependencies
// left to node_modules. Node resolves, reads and links each ES module on its own, so loading the
// `check` command as ~130 modules cost more than its work on a small repository.
// Entry points are the files something loads by path: oclif (commands, hooks, through the
// manifest), `new Worker` (the worker scripts), and the tests and the bench, which import a few
// built modules directly (threads and the writer run in real worker threads and child processes).
import {build} from 'esbuild'
import {globSync} from 'tinyglobby'

const IMPORTED_DIRECTLY = [
  'src/core/config.ts',
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
  ].sort(),
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  // Maps to src/ for the stack traces DEBUG=sopkit* prints (bin/run.js turns them on only then).
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
})
