// A worker thread of an html or md export: it claims documents until none is left (core/threads).
import {serveShare, shareSetup} from '../core/threads.js'
import {type ConvertSetup, documentConverter} from './convert.js'

await serveShare(await documentConverter(shareSetup<ConvertSetup>()))
