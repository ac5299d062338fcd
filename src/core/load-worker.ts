// A worker thread's whole job: load its share of the documents and send them back as records.
import {parentPort, workerData} from 'node:worker_threads'
import type {Config} from './config.js'
import {loadDocument} from './loader.js'

const {config, paths} = workerData as {config: Config; paths: string[]}
const records = paths.map((p) => {
  const doc = loadDocument(config, p)
  if (!doc.readProblem) doc.needsMarkdownParser()
  return doc.toRecord()
})
parentPort!.postMessage(records)
