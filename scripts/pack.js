#!/usr/bin/env node
// npm pack/publish hooks (prepack, postpack): the published package has no `prepare` script.
// npm runs `prepare` where no dev dependencies may exist (a git install, pre-commit's build of a
// hook repository), and there tsc is not found. The clone keeps it, so `npm ci` still builds.
// `node scripts/pack.js` strips it for the pack; `node scripts/pack.js --restore` puts it back.
import {existsSync, readFileSync, renameSync, writeFileSync} from 'node:fs'

const MANIFEST = 'package.json'
const SAVED = 'package.json.orig'

if (process.argv.includes('--restore')) {
  if (existsSync(SAVED)) renameSync(SAVED, MANIFEST)
} else {
  if (!existsSync('oclif.manifest.json') || !existsSync('dist/commands/check.js')) {
    process.stderr.write('pack: dist/ or oclif.manifest.json is missing: run `npm run build` first\n')
    process.exit(1)
  }
  const text = readFileSync(MANIFEST, 'utf8')
  const manifest = JSON.parse(text)
  if (!existsSync(SAVED)) writeFileSync(SAVED, text)
  delete manifest.scripts.prepare
  // Replaced by a rename, never rewritten in place: a process reading package.json meanwhile (a
  // test beside `npm pack`, oclif loading its config) sees the old file or the new one, whole.
  writeFileSync(`${MANIFEST}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`)
  renameSync(`${MANIFEST}.tmp`, MANIFEST)
}
