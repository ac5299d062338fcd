// A worker thread of loadDocuments: it claims documents until none is left and sends back records.
import type {Config} from './config.js'
import {at, loadDocument} from './loader.js'
import {serveShare, shareSetup} from './threads.js'

const {config, paths} = shareSetup<{config: Config; paths: string[]}>()
await serveShare(async index => (await loadDocument(config, at(paths, index))).toRecord())
