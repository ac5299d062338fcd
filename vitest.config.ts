import {defineConfig} from 'vitest/config'
import {BaseSequencer, type TestSpecification} from 'vitest/node'

/**
 * What needs a real outside world and minutes, not seconds: the npm tarball, real pre-commit, headless Chromium,
 * signals sent to a running CLI, a real docs corpus. `npm run test:slow` runs them; CI runs both.
 * Longest first: the order the files start in (see LongestFirst).
 */
const SLOW = [
  'test/integrations/pre-commit.test.ts',
  'test/integrations/real-corpus.test.ts',
  'test/safety/interrupt.test.ts',
  'test/export/browser.test.ts',
  'test/import/scale.test.ts',
  'test/integrations/pack.test.ts',
  'test/changes/browser.test.ts',
  'test/diff/browser.test.ts',
]

/**
 * vitest starts the longest files first only when a previous run left their durations in its cache,
 * which a fresh CI clone has not; there the pre-commit test (two builds of this repository) started
 * after others and finished minutes after them. The slow files start in SLOW's order; the rest as vitest sorts them.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    // Projects stay in vitest's order (one project's files together); within one, SLOW's order first.
    const projects = [...new Set(sorted.map(file => file.project.name))]
    const rank = (file: TestSpecification) => {
      const at = SLOW.findIndex(slow => file.moduleId.endsWith(slow))
      return projects.indexOf(file.project.name) * (SLOW.length + 1) + (at === -1 ? SLOW.length : at)
    }
    // Array.prototype.sort is stable: files outside SLOW keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b))
  }
}

/**
 * The day every test runs on (2026-12-01, noon UTC): the bundled library's review dates, deviation
 * expiries and effective dates hold on it, so the suite gives the same verdicts whatever the
 * calendar or the time zone says (core/dates `todayUtc` reads SOURCE_DATE_EPOCH, as every command does).
 */
const TEST_DAY = String(Date.UTC(2026, 11, 1, 12) / 1000)

export default defineConfig({
  test: {
    env: {SOURCE_DATE_EPOCH: TEST_DAY},
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['test/global-setup.ts'],
    sequence: {sequencer: LongestFirst},
    // Command tests change the working folder in-process (test/helpers/cli.ts): forks, not threads.
    pool: 'forks',
    // vitest leaves one core to itself by default (one worker on 2 cores); its main process mostly waits.
    maxWorkers: 2,
    projects: [
      // One module graph per worker instead of one per file: loading remark, oclif and the rules
      // once cut the import time of test/rules + test/core from 99 s to 15 s. No test mocks modules.
      {extends: true, test: {name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW, isolate: false}},
      // Minutes of real work each (installs, Chromium, 300 real documents), and in CI beside the fast project:
      // a busy machine must not fail them. No slow test is a guard whose timeout is the failure (see README).
      {extends: true, test: {name: 'slow', include: SLOW, testTimeout: 120_000}},
    ],
  },
})
