// A worker thread of loadDocuments: it claims documents until none is left and sends back records.
import type {Config} from './config.js'
import {loadDocument} from './loader.js'
import {serveShare, shareSetup} from './threads.js'

const {config, paths} = shareSetup<{config: Config; paths: string[]}>()
await serveShare((index) => {
  const doc = loadDocument(config, paths[index]!)
  if (!doc.readProblem) doc.needsMarkdownParser()
  return doc.toRecord()
})
