// Command tests run the built CLI: build once before the suite when dist/ is missing or stale.
// Every temp folder the run makes lands in one folder, removed when the run ends.
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, rmSync, statSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')

function newest(dir: string): number {
  let latest = 0
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs)
  }
  return latest
}

function build(): void {
  if (process.env.SOPKIT_SKIP_BUILD) return
  const manifest = path.join(root, 'oclif.manifest.json')
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newest(path.join(root, 'src'))) return
  execFileSync('npm', ['run', 'build', '--silent'], {cwd: root, stdio: 'inherit'})
}

/**
 * Tests make their repositories with mkdtemp in os.tmpdir(), and so do git, Chromium and npm in
 * the processes they start: with TMPDIR pointing at a folder of this run's own (the test workers
 * inherit it), one removal at the end leaves nothing behind. SOPKIT_KEEP_TEST_TMP=1 keeps it.
 */
function tempFolderOfTheRun(): () => void {
  const saved = process.env.TMPDIR
  const folder = mkdtempSync(path.join(os.tmpdir(), 'sopkit-vitest-'))
  process.env.TMPDIR = folder
  return () => {
    if (saved === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = saved
    if (process.env.SOPKIT_KEEP_TEST_TMP) process.stderr.write(`test temp folders kept in ${folder}\n`)
    else rmSync(folder, {recursive: true, force: true, maxRetries: 3})
  }
}

export default function setup(): () => void {
  build()
  return tempFolderOfTheRun()
}
