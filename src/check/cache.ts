// Content-hash cache of per-document findings (rules that read other documents always run).
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import type {Finding} from '../core/finding.js'
import {type OutputRepo, writeOutputFile} from '../core/output.js'

export const DEFAULT_CACHE_FILE = '.sopkitcache'

interface CacheFile {
  key: string
  files: Record<string, {hash: string; findings: Finding[]}>
}

export class FindingCache {
  private readonly entries: CacheFile['files']
  private readonly next: CacheFile['files'] = {}

  /** `key` covers everything besides content that changes findings: version, config, severities, date. */
  constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly repo?: OutputRepo,
  ) {
    this.entries = readCache(file, key)
  }

  get(relFile: string, text: string): Finding[] | undefined {
    // The cache is a file anyone can edit: an entry that is not what this version wrote is a miss, never a crash.
    const entry = Object.hasOwn(this.entries, relFile) ? this.entries[relFile] : undefined
    return entry && entry.hash === hashText(text) && isFindingList(entry.findings, relFile) ? entry.findings : undefined
  }

  set(relFile: string, text: string, findings: Finding[]): void {
    this.next[relFile] = {hash: hashText(text), findings}
  }

  save(): void {
    writeOutputFile(
      this.file,
      JSON.stringify({key: this.key, files: this.next} satisfies CacheFile),
      this.repo,
      '--cache-location',
    )
  }
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex')
}

function readCache(file: string, key: string): CacheFile['files'] {
  try {
    // Whatever the file holds: a JSON null or another shape throws or falls through to an empty cache.
    const data = JSON.parse(readFileSync(file, 'utf8')) as {key?: unknown; files?: unknown}
    return data.key === key && typeof data.files === 'object' && data.files !== null
      ? (data.files as CacheFile['files'])
      : {}
  } catch {
    return {}
  }
}

const FINDING_FIELDS = {
  ruleId: 'string',
  messageId: 'string',
  message: 'string',
  mend: 'string',
  line: 'number',
  column: 'number',
  fixable: 'boolean',
}

/** Findings as this version writes them, for this file (a hand edit or another version's cache fails this). */
function isFindingList(value: unknown, relFile: string): value is Finding[] {
  return (
    Array.isArray(value) &&
    value.every(
      (f: unknown) =>
        typeof f === 'object' &&
        f !== null &&
        (f as Finding).file === relFile &&
        ((f as Finding).severity === 'error' || (f as Finding).severity === 'warn') &&
        Object.entries(FINDING_FIELDS).every(([key, type]) => typeof (f as Record<string, unknown>)[key] === type),
    )
  )
}
