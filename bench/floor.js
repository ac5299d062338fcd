#!/usr/bin/env node
// The floor every ratio in the benchmark refers to: read every Markdown file of a corpus
// synchronously and parse its front matter with the fastest safe YAML parser (js-yaml 4 `load`
// with CORE_SCHEMA: no custom types, no code, dates and `NO` stay strings). No rules, no body.
//
//   node bench/floor.js CORPUS_DIR        (reads CORPUS_DIR/sops/**/*.md)
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {CORE_SCHEMA, load} from 'js-yaml'

const root = path.resolve(process.argv[2] ?? '.', 'sops')
let files = 0
let keys = 0
let failed = 0
for (const rel of readdirSync(root, {recursive: true})) {
  if (!rel.endsWith('.md')) continue
  const text = readFileSync(path.join(root, rel), 'utf8')
  files++
  if (!text.startsWith('---\n')) continue
  let end = text.indexOf('\n---\n', 3)
  if (end === -1) end = text.endsWith('\n---') ? text.length - 4 : -1
  if (end === -1) continue
  try {
    const data = load(text.slice(4, end + 1), {schema: CORE_SCHEMA})
    if (data && typeof data === 'object') keys += Object.keys(data).length
  } catch {
    failed++
  }
}
// Printing a summary keeps the work observable (and tells the harness how many files were read).
console.log(JSON.stringify({files, keys, failed}))
