// A worker thread's whole job: convert its share of a playbook's documents and send back the text.
import {parentPort, workerData} from 'node:worker_threads'
import type {PlaybookDocument} from './model.js'
import {type ConverterKind, loadConverter} from './parallel.js'

const {kind, docs} = workerData as {kind: ConverterKind; docs: PlaybookDocument[]}
const convert = await loadConverter(kind)
const results = docs.map((doc) => {
  const out = convert(doc)
  parentPort!.postMessage({done: true})
  return out
})
parentPort!.postMessage({results})
