// A library with targets, and metrics that state what the report must find in them.
import {loadConfig} from '../../src/core/config.js'
import {loadLibrary} from '../../src/core/loader.js'
import {parseCsv} from '../../src/csv/read.js'
import {buildReport} from '../../src/report/build.js'
import {tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

export const FILES: Record<string, string> = {
  // SG has its own targets; DE and FR read the EU variant's; every other market reads the baseline's.
  'sops/global/refund-escalation.md': doc({front: {targets: {csat: 4.5, first_response: '2h', resolution_rate: 0.85}}}),
  'sops/SG/refund-escalation.md': doc({
    front: {markets: ['SG'], compliance: ['SG-PDPA'], based_on: '1.4.0', targets: {csat: 4.6, first_response: '1h'}},
  }),
  'sops/EU/refund-escalation.md': doc({
    front: {markets: ['EU'], compliance: ['GDPR'], based_on: '1.4.0', targets: {CSAT: 4.2}},
  }),
  // A retired MY variant is no longer read: MY reads the baseline.
  'sops/MY/refund-escalation.md': doc({
    front: {markets: ['MY'], status: 'retired', compliance: ['MY-PDPA'], based_on: '1.4.0', targets: {csat: 5}},
  }),
  // A market document without a baseline: other markets have no document to join with.
  'sops/DE/de-only.md': doc({
    front: {
      id: 'de-only',
      markets: ['DE'],
      compliance: ['GDPR'],
      targets: {csat: 4, first_response: 'fast', escalations: 10},
    },
  }),
}

export const METRICS = [
  'id,market,period,CSAT,First response,resolution_rate,notes',
  'refund-escalation,SG,2026-01,4.7,50m,0.9,ok',
  'refund-escalation,SG,2026-02,4.5,1h 10m,88%,dip',
  'refund-escalation,de,2026-02,4.3,,,',
  'refund-escalation,DE,2026-01,4.1,,,',
  'refund-escalation,MY,2026-02,4.4,1h,0.86,',
  'refund-escalatoin,SG,2026-02,4.5,,,',
  'refund-escalation,XX,2026-02,4.5,,,',
  'de-only,FR,2026-02,4.5,,,',
  'refund-escalation,SG,2026-02,1,1m,1,duplicate',
  'refund-escalation,GB,2026-02,n/a,=1+1,85,',
  'refund-escalation,GB',
  ',GB,2026-03,4,,,',
  'de-only,DE,2026-02,3.9,,,',
].join('\n')

export async function fixtureReport(metrics = METRICS, map: string[] = []) {
  const repo = tempRepo(FILES)
  const library = await loadLibrary(loadConfig(repo))
  return buildReport(library, parseCsv(metrics, 'metrics.csv'), {map})
}
