// Preloaded with `node --import` when /usr/bin/time is not available: on exit, writes the
// process's peak resident set size (KB, worker threads included) to $BENCH_RSS_FILE.
import {writeFileSync} from 'node:fs'

const file = process.env.BENCH_RSS_FILE
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, `${process.resourceUsage().maxRSS}\n`)
    } catch {
      // nothing to report to
    }
  })
}
