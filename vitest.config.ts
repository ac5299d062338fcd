import {defineConfig} from 'vitest/config'

/**
 * What needs a real outside world and minutes, not seconds: the npm tarball, real pre-commit, headless Chromium,
 * signals sent to a running CLI, a real docs corpus. `npm run test:slow` runs them; CI runs both.
 */
const SLOW = [
  'test/integrations/pack.test.ts',
  'test/export/browser.test.ts',
  'test/diff/browser.test.ts',
  'test/changes/browser.test.ts',
  'test/safety/interrupt.test.ts',
  'test/import/scale.test.ts',
  'test/integrations/real-corpus.test.ts',
  'test/integrations/pre-commit.test.ts',
]

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['test/global-setup.ts'],
    // Command tests change the working folder in-process (test/helpers/cli.ts): forks, not threads.
    pool: 'forks',
    // vitest leaves one core to itself by default (one worker on 2 cores); its main process mostly waits.
    maxWorkers: 2,
    projects: [
      // One module graph per worker instead of one per file: loading remark, oclif and the rules
      // once cut the import time of test/rules + test/core from 99 s to 15 s. No test mocks modules.
      {extends: true, test: {name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW, isolate: false}},
      {extends: true, test: {name: 'slow', include: SLOW}},
    ],
  },
})
