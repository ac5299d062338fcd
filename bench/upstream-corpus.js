// Git-backed corpora for the "variants over time" cases: a generated corpus committed as it is,
// then baselines edited and bumped in a second commit until `outdated` variants wait for a port,
// every tenth of them with a local edit of the same section (a conflict). Reused while the stamp
// (source corpus hash, target, this file's hash) matches; `resetUpstreamCorpus` undoes a port.
import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'

const STAMP = '.bench-upstream.json'
const SELF = fileURLToPath(import.meta.url)
const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
}

function git(dir, ...args) {
  return execFileSync('git', args, {cwd: dir, env: ENV, encoding: 'utf8', maxBuffer: 1 << 28})
}

const versionOf = text => /^version: "?([^"\n]+)"?$/m.exec(text)?.[1]
const basedOnOf = text => /^based_on: "?([^"\n]+)"?$/m.exec(text)?.[1]

/** A copy of `source` (a corpus folder with sops/) in `dir` as a git repo where `outdated` variants have upstream changes. */
export function ensureUpstreamCorpus({source, sourceSha1, dir, outdated, log = () => {}}) {
  const wanted = {sourceSha1, outdated, generator: createHash('sha1').update(readFileSync(SELF)).digest('hex')}
  try {
    const stamp = JSON.parse(readFileSync(path.join(dir, STAMP), 'utf8'))
    if (
      JSON.stringify({sourceSha1: stamp.sourceSha1, outdated: stamp.outdated, generator: stamp.generator}) ===
      JSON.stringify(wanted)
    ) {
      resetUpstreamCorpus(dir)
      return stamp
    }
  } catch {
    // build it below
  }
  const started = performance.now()
  rmSync(dir, {recursive: true, force: true})
  cpSync(path.join(source, 'sops'), path.join(dir, 'sops'), {recursive: true})
  git(dir, 'init', '-q', '-b', 'main')
  writeFileSync(path.join(dir, '.git', 'info', 'exclude'), `${STAMP}\nsopkit.config.yaml\n`)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '--no-gpg-sign', '-m', 'corpus')
  const variantsOf = new Map()
  for (const folder of readdirSync(path.join(dir, 'sops'))
    .filter(f => f !== 'global')
    .sort()) {
    for (const name of readdirSync(path.join(dir, 'sops', folder)).sort()) {
      const list = variantsOf.get(name) ?? []
      list.push(path.join('sops', folder, name))
      variantsOf.set(name, list)
    }
  }
  let waiting = 0
  let conflicts = 0
  for (const name of readdirSync(path.join(dir, 'sops', 'global')).sort()) {
    if (waiting >= outdated) break
    const file = path.join(dir, 'sops', 'global', name)
    const text = readFileSync(file, 'utf8')
    const version = versionOf(text)
    const heading = /^## .+$/m.exec(text)
    const parts = version?.split('.').map(Number)
    if (!heading || !parts || parts.length !== 3 || parts.some(n => !Number.isInteger(n))) continue
    const followers = (variantsOf.get(name) ?? []).filter(
      v => basedOnOf(readFileSync(path.join(dir, v), 'utf8')) === version,
    )
    if (followers.length === 0) continue
    const at = heading.index + heading[0].length
    const bumped = `${parts[0]}.${parts[1] + 1}.0`
    writeFileSync(
      file,
      `${text.slice(0, at)}\n\nBench: an upstream edit for every market to port.${text.slice(at)}`.replace(
        /^version: .*$/m,
        `version: "${bumped}"`,
      ),
    )
    for (const v of followers) {
      if (++waiting % 10 !== 0) continue
      const vText = readFileSync(path.join(dir, v), 'utf8')
      const vHeading = vText.indexOf(`\n${heading[0]}\n`)
      if (vHeading < 0) continue
      const vAt = vHeading + heading[0].length + 1
      writeFileSync(
        path.join(dir, v),
        `${vText.slice(0, vAt)}\n\nBench: a local edit of the same section.${vText.slice(vAt)}`,
      )
      conflicts++
    }
  }
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '--no-gpg-sign', '-m', 'upstream edits')
  const stamp = {...wanted, waiting, conflicts, builtInMs: Math.round(performance.now() - started)}
  writeFileSync(path.join(dir, STAMP), `${JSON.stringify(stamp, null, 2)}\n`)
  log(
    `built ${path.basename(dir)}: ${waiting} outdated variants (${conflicts} with a conflict) in ${stamp.builtInMs} ms`,
  )
  return stamp
}

/** Undo what a port run wrote, so every run ports the same variants. */
export function resetUpstreamCorpus(dir) {
  if (existsSync(path.join(dir, '.git'))) git(dir, 'checkout', '-q', '--', 'sops')
}
