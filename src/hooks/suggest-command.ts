// Without a terminal, @oclif/plugin-not-found says a command is unknown but not what was meant
// (it only asks "Did you mean…?" on a TTY). Say it here, so CI logs show the mend too.
import type {Hook} from '@oclif/core'
import {suggest} from '../core/taxonomy.js'

const hook: Hook<'command_not_found'> = function (options) {
  if (process.stdin.isTTY) return Promise.resolve()
  const ids = [...options.config.commandIDs, ...options.config.commands.flatMap(c => c.aliases)]
  const match = suggest(options.id, ids)
  if (match) process.stderr.write(`sopkit: did you mean \`${options.config.bin} ${match}\`?\n`)
  return Promise.resolve()
}

export default hook
