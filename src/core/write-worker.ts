// The writer thread's module (see core/write-thread): batches in, one outcome per file out, in turn.
import {parentPort, workerData} from 'node:worker_threads'
import {FileOperationLock, toWire} from './write-thread.js'
import {type FileToPlace, placeTogether} from './writer.js'

const lock = new FileOperationLock(workerData as Int32Array<SharedArrayBuffer>)
const underLock = (operation: () => void) => {
  lock.take()
  try {
    operation()
  } finally {
    lock.release()
  }
}

let turn = Promise.resolve()
parentPort?.on('message', ({id, files}: {id: number; files: FileToPlace[]}) => {
  turn = turn.then(async () => {
    const outcomes = await placeTogether(files, underLock)
    parentPort?.postMessage({id, outcomes: outcomes.map(toWire)})
  })
})
