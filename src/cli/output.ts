// Where a command's report goes: stdout, or a file named by --output, written by the one output policy.
import type {OutputRepo} from '../core/output.js'
import {writeOutputFile} from '../core/output.js'

/** `repo` lets the policy refuse to replace one of the library's documents. */
export function writeReport(
  text: string,
  output: string | undefined,
  log: (text: string) => void,
  repo?: OutputRepo,
): void {
  if (output) writeOutputFile(output, text.endsWith('\n') ? text : `${text}\n`, repo)
  else log(text)
}
