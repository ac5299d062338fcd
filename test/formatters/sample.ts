// One shared check result for the formatter tests: awkward paths, awkward messages, both severities, a clean file.
import {Chalk} from 'chalk'
import type {CheckResult} from '../../src/check/engine.js'
import type {Finding} from '../../src/core/finding.js'
import type {FormatContext} from '../../src/formatters/formatter.js'
import {RULES} from '../../src/rules/index.js'

export const SPACED_FILE = 'sops/my market/a b.md'
/** Every character some format must escape: `%`, `,`, `:`, a newline, XML specials and a bell. */
export const AWKWARD_MESSAGE = 'owner "50%, team:cs\nops <&>"\'\u0007" is neither an email address nor an @team handle'

function finding(
  fields: Pick<Finding, 'ruleId' | 'messageId' | 'severity' | 'message' | 'mend' | 'file' | 'line' | 'column'> &
    Partial<Finding>,
): Finding {
  return {fixable: false, ...fields}
}

export const SAMPLE_FINDINGS: Finding[] = [
  finding({
    ruleId: 'require-fields',
    messageId: 'missing',
    severity: 'error',
    message: 'Missing required field "owner" for type sop',
    mend: 'add `owner:` to the front matter',
    file: 'sops/b.md',
    line: 1,
    column: 1,
  }),
  finding({
    ruleId: 'require-fields',
    messageId: 'missing',
    severity: 'error',
    message: 'Missing required field "review_by" for type sop',
    mend: 'add `review_by:` to the front matter',
    file: 'sops/b.md',
    line: 1,
    column: 1,
  }),
  finding({
    ruleId: 'links-resolve',
    messageId: 'missing',
    severity: 'error',
    message: 'Broken link: ./refunds.md does not exist',
    mend: 'point the link at an existing file (paths are relative to this document)',
    file: 'sops/b.md',
    line: 14,
    column: 3,
  }),
  finding({
    ruleId: 'links-resolve',
    messageId: 'missing',
    severity: 'error',
    message: 'Broken link: ./refunds.md does not exist',
    mend: 'point the link at an existing file (paths are relative to this document)',
    file: 'sops/b.md',
    line: 20,
    column: 7,
  }),
  finding({
    ruleId: 'valid-owner',
    messageId: 'invalid',
    severity: 'error',
    message: AWKWARD_MESSAGE,
    mend: 'write a reachable owner, e.g. cs-strategy@example.com or @cs-ops',
    file: SPACED_FILE,
    line: 4,
    column: 8,
    fixable: true,
  }),
  finding({
    ruleId: 'variant-outdated',
    messageId: 'outdated',
    severity: 'warn',
    message: 'Variant is based on 1.0.0 but the baseline sop-refunds is at 1.2.0',
    mend: 'review the baseline changes, port them, then set based_on to "1.2.0"',
    file: SPACED_FILE,
    line: 9,
    column: 1,
  }),
]

export const SAMPLE_RESULT: CheckResult = {
  files: ['sops/b.md', 'sops/c.md', SPACED_FILE],
  findings: SAMPLE_FINDINGS,
  suppressedCount: 1,
  unusedSuppressions: 0,
  fixed: [],
}

export const CLEAN_RESULT: CheckResult = {
  files: ['sops/b.md', 'sops/c.md'],
  findings: [],
  suppressedCount: 0,
  unusedSuppressions: 0,
  fixed: [],
}

export const SAMPLE_RULES = RULES

export function sampleContext(result: CheckResult = SAMPLE_RESULT, level: 0 | 1 = 0): FormatContext {
  return {result, rules: SAMPLE_RULES, color: new Chalk({level}), root: '/repo/cs playbooks', version: '0.1.0'}
}
