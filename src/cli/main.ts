// What bin/run.js starts: oclif, bundled with the commands (scripts/bundle.js), so that a command
// and the entry share one copy of @oclif/core and Node loads it as a few files instead of ~100.
export {execute} from '@oclif/core'
