// The real-Markdown corpus: every installed package's README (bench/markdown-corpora.js, the list
// the outline test proves the scanner on) as a document of a library, under front matter a
// knowledge-base article would carry, so `check`, the floor and markdownlint-cli2 read the same
// files. Written by hand by hundreds of authors: headings with code and HTML, nested lists, tables,
// badges, reference links. Each README stays under its package's own licence; nothing is vendored:
// the corpus is rebuilt from node_modules, and reused while the list of files and this generator match.
import {createHash} from 'node:crypto'
import {Buffer} from 'node:buffer'
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {packageReadmes} from './markdown-corpora.js'

const STAMP = '.bench-readmes.json'
const SELF = fileURLToPath(import.meta.url)

/** `dir`/sops/global/<package>.md for each README of `root`'s node_modules. */
export function ensureReadmeCorpus({root, dir, log = () => {}}) {
  const readmes = packageReadmes(root)
  const hash = createHash('sha1').update(readFileSync(SELF))
  for (const f of readmes) hash.update(path.relative(root, f))
  const wanted = {generator: hash.digest('hex')}
  try {
    const stamp = JSON.parse(readFileSync(path.join(dir, STAMP), 'utf8'))
    if (stamp.generator === wanted.generator) return stamp
  } catch {
    // build it below
  }
  rmSync(dir, {recursive: true, force: true})
  const folder = path.join(dir, 'sops', 'global')
  mkdirSync(folder, {recursive: true})
  let bytes = 0
  const ids = new Set()
  for (const readme of readmes) {
    const name = path.relative(path.join(root, 'node_modules'), path.dirname(readme))
    let id = `readme-${name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}`
    while (ids.has(id)) id += '-x'
    ids.add(id)
    const body = readFileSync(readme, 'utf8').replace(/^\uFEFF/, '')
    const text = [
      '---',
      `id: ${id}`,
      `title: "${name} README"`,
      'type: kb-article',
      'version: 1.0.0',
      'status: approved',
      'owner: docs@example.com',
      'markets: [GLOBAL]',
      'channels: [self-service]',
      'compliance: []',
      'effective: 2026-01-01',
      'review_by: 2027-12-31',
      '---',
      body,
    ].join('\n')
    writeFileSync(path.join(folder, `${id}.md`), text)
    bytes += Buffer.byteLength(text)
  }
  const stamp = {...wanted, files: readmes.length, bytes}
  writeFileSync(path.join(dir, STAMP), `${JSON.stringify(stamp, null, 2)}\n`)
  log(`built ${path.basename(dir)}: ${readmes.length} package READMEs`)
  return stamp
}
