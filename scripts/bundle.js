#!/usr/bin/env node
// Builds dist/ from src/ with esbuild: one file per entry point and shared chunks. Node resolves,
// reads and links each module file on its own: `check` loaded ~130 of our modules, 66 of oclif's
// and 49 of semver's, which cost more than its work on a small repository (47 files now). So the
// dependencies are bundled too, @oclif/core included (a command and bin/run.js share one copy;
// the plugins bring their own, loaded only when one of their commands or hooks runs). They stay in
// `dependencies`, so that npm audits and lists what the bundle holds; their licences are gathered
// into dist/THIRD-PARTY-LICENSES.md.
// Entry points are the files something loads by path: bin/run.js (cli/main), oclif (commands,
// hooks, through the manifest), `new Worker` (the worker scripts), and the tests and the bench,
// which import a few built modules directly (threads and the writer run in real worker threads and
// child processes).
import {build} from 'esbuild'
import {readFileSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {globSync} from 'tinyglobby'

// Left in node_modules: playwright-core reads its own files beside its modules; docx and pdf-lib
// are large and loaded only by an export to Word or PDF; oclif asks for typescript only to run a
// plugin from source.
const external = ['docx', 'pdf-lib', 'playwright-core', 'typescript']

const IMPORTED_DIRECTLY = [
  'src/core/config.ts',
  'src/core/front-matter.ts',
  'src/core/markdown.ts',
  'src/core/outline-scan.ts',
  'src/core/package-files.ts',
  'src/core/taxonomy.ts',
  'src/core/threads.ts',
  'src/core/writer.ts',
  'src/export/run.ts',
]

const {metafile} = await build({
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
  // oclif and others are CommonJS: their require() calls need a real require inside an ES module.
  banner: {
    js: "import {createRequire as __sopkitRequire} from 'node:module'; const require = __sopkitRequire(import.meta.url);",
  },
  chunkNames: 'chunks/[name]-[hash]',
  // Maps to src/ for the stack traces DEBUG=sopkit* prints (bin/run.js turns them on only then).
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
})

writeFileSync('dist/THIRD-PARTY-LICENSES.md', thirdPartyLicenses(Object.keys(metafile.inputs)))

/** The licence of every package whose code the bundle holds, from its own package.json and licence file. */
function thirdPartyLicenses(inputs) {
  const folders = new Set(
    inputs.map(input => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]).filter(Boolean),
  )
  const sections = new Map()
  for (const folder of folders) {
    const {
      name,
      version,
      license = 'see the package',
    } = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'))
    const file = readdirSync(folder).find(f => /^licen[cs]e(\.|$)/i.test(f))
    const text = file ? readFileSync(path.join(folder, file), 'utf8').trim() : license
    // A package nested in several places, at one version, is listed once.
    sections.set(`${name} ${version}`, `## ${name} ${version}\n\n${license}\n\n\`\`\`text\n${text}\n\`\`\`\n`)
  }
  const listed = [...sections].sort(([a], [b]) => a.localeCompare(b)).map(([, section]) => section)
  return `# Third-party licences\n\nThe code of these packages is bundled into sopkit's dist/ (scripts/bundle.js).\n\n${listed.join('\n')}`
}
