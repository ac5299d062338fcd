// Command tests run the built CLI: build once before the suite when dist/ is missing or stale.
import {execFileSync} from 'node:child_process'
import {existsSync, readdirSync, statSync} from 'node:fs'
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

export default function setup(): void {
  if (process.env.SOPKIT_SKIP_BUILD) return
  const manifest = path.join(root, 'oclif.manifest.json')
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newest(path.join(root, 'src'))) return
  execFileSync('npm', ['run', 'build', '--silent'], {cwd: root, stdio: 'inherit'})
}
