// Real-world Markdown the outline scanner is measured on (bench/fast-path.js) and proven on
// (test/core/outline-agreement.test.ts): one list, so the share the bench prints is the share of
// the files the test checks.
import {existsSync, readdirSync} from 'node:fs'
import path from 'node:path'

/** Every installed package's README under `root`/node_modules, in package-name order. */
export function packageReadmes(root) {
  const modules = path.join(root, 'node_modules')
  const names = readdirSync(modules)
    .sort()
    .flatMap(n =>
      n.startsWith('@')
        ? readdirSync(path.join(modules, n))
            .sort()
            .map(m => `${n}/${m}`)
        : [n],
    )
  return names.flatMap(n => {
    const found = ['README.md', 'readme.md', 'Readme.md'].map(r => path.join(modules, n, r)).find(f => existsSync(f))
    return found ? [found] : []
  })
}

/** The .md files below `dir` (node_modules skipped), sorted: none when it does not exist. */
export function markdownFiles(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, {recursive: true})
    .filter(rel => rel.endsWith('.md') && !rel.split(path.sep).includes('node_modules'))
    .sort()
    .map(rel => path.join(dir, rel))
}
