// The many-findings corpus: a copy of a generated corpus as a library adopting sopkit finds it,
// about four findings a document. Every document gets an unknown channel (a tag finding); every
// variant also departs from its baseline in its first three sections with no deviation for them
// (drift: library findings, placed after the library pass); every baseline is also overdue for
// review and names a compliance regime nobody knows. Reused while the stamp matches.
import {createHash} from 'node:crypto'
import {Buffer} from 'node:buffer'
import {cpSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'

const STAMP = '.bench-findings.json'
const SELF = fileURLToPath(import.meta.url)

/** A copy of `source` (a corpus folder with sops/) in `dir` with about four findings a document. */
export function ensureFindingsCorpus({source, sourceSha1, dir, log = () => {}}) {
  const wanted = {sourceSha1, generator: createHash('sha1').update(readFileSync(SELF)).digest('hex')}
  try {
    const stamp = JSON.parse(readFileSync(path.join(dir, STAMP), 'utf8'))
    if (stamp.sourceSha1 === wanted.sourceSha1 && stamp.generator === wanted.generator) return stamp
  } catch {
    // build it below
  }
  const started = performance.now()
  rmSync(dir, {recursive: true, force: true})
  cpSync(path.join(source, 'sops'), path.join(dir, 'sops'), {recursive: true})
  let files = 0
  let bytes = 0
  for (const folder of readdirSync(path.join(dir, 'sops')).sort()) {
    for (const name of readdirSync(path.join(dir, 'sops', folder)).sort()) {
      const file = path.join(dir, 'sops', folder, name)
      let text = readFileSync(file, 'utf8').replace(/^channels: \[/m, 'channels: [fax-line, ')
      if (folder === 'global') {
        text = text
          .replace(/^review_by: .*$/m, 'review_by: 2020-01-01')
          .replace(/^compliance: \[/m, 'compliance: [NOT-A-LAW, ')
      } else {
        let drifted = 0
        text = text.replace(/^## .+\n/gm, heading =>
          drifted++ < 3 ? `${heading}\nBench: local practice differs here.\n` : heading,
        )
      }
      writeFileSync(file, text)
      files++
      bytes += Buffer.byteLength(text)
    }
  }
  const stamp = {...wanted, files, bytes, builtInMs: Math.round(performance.now() - started)}
  writeFileSync(path.join(dir, STAMP), `${JSON.stringify(stamp, null, 2)}\n`)
  log(`built ${path.basename(dir)}: ${files} documents in ${stamp.builtInMs} ms`)
  return stamp
}
