// A worker thread of check's first pass: it claims documents until none is left (core/threads).
import {serveShare, shareSetup} from '../core/threads.js'
import {type LocalSetup, localLinter} from './local-pass.js'

await serveShare(localLinter(shareSetup<LocalSetup>()))
