// A small library that states what ls and coverage must find in it.
import {loadConfig} from '../../src/core/config.js'
import {loadLibrary} from '../../src/core/loader.js'
import {tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

export const TODAY = '2026-06-01'

export const FILES: Record<string, string> = {
  // refund-escalation: a GLOBAL baseline, an EU variant (DE and FR read it), an outdated SG draft variant.
  'sops/global/refund-escalation.md': doc({front: {channels: ['chatbot', 'agent-assisted']}}),
  'sops/EU/refund-escalation.md': doc({
    front: {
      title: 'Refund escalation (EU)',
      markets: ['EU'],
      compliance: ['GDPR'],
      based_on: '1.4.0',
      owner: '@eu-ops',
    },
  }),
  'sops/SG/refund-escalation.md': doc({
    front: {
      title: 'Refund escalation (Singapore)',
      markets: ['SG'],
      compliance: ['SG-PDPA'],
      version: '1.2.1',
      based_on: '1.2.0',
      status: 'draft',
      channels: ['chatbot'],
    },
  }),
  // A KB article overdue for review; a retired policy past its date is not "overdue".
  'sops/global/where-is-my-order.md': doc({
    front: {
      id: 'where-is-my-order',
      title: '=HYPERLINK("http://evil.example","x")',
      type: 'kb-article',
      owner: '@knowledge-management',
      channels: ['self-service'],
      review_by: '2026-05-01',
    },
  }),
  'sops/global/old-policy.md': doc({
    front: {
      id: 'old-policy',
      title: 'Old | policy',
      type: 'policy',
      status: 'retired',
      review_by: '2020-01-01',
      channels: ['phone'],
    },
  }),
  // A market document with no baseline: other markets have nothing.
  'sops/DE/de-only.md': doc({
    front: {
      id: 'de-only',
      title: 'Germany only',
      markets: ['DE'],
      compliance: ['GDPR'],
      channels: ['email'],
      owner: 'dach@example.com',
    },
  }),
  'sops/global/broken.md': '---\nid: [unclosed\n---\n# Broken\n',
}

export async function fixtureLibrary() {
  const repo = tempRepo(FILES)
  return {repo, library: await loadLibrary(loadConfig(repo))}
}
