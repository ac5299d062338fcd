// Where a command's report goes: stdout, or a file (overwritten, atomically) named by --output.
import path from 'node:path'
import {writeFileAtomic} from '../core/writer.js'

export function writeReport(text: string, output: string | undefined, log: (text: string) => void): void {
  if (output) writeFileAtomic(path.resolve(output), text.endsWith('\n') ? text : `${text}\n`, {overwrite: true})
  else log(text)
}
