// Content-hash cache of per-document findings (rules that read other documents always run).
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import type {Finding} from '../core/finding.js'
import {writeFileAtomic} from '../core/writer.js'

export const DEFAULT_CACHE_FILE = '.sopkitcache'

interface CacheFile {
  key: string
  files: Record<string, {hash: string; findings: Finding[]}>
}

export class FindingCache {
  private readonly entries: CacheFile['files']
  private readonly next: CacheFile['files'] = {}

  /** `key` covers everything besides content that changes findings: version, config, severities, date. */
  constructor(private readonly file: string, private readonly key: string) {
    this.entries = readCache(file, key)
  }

  get(relFile: string, text: string): Finding[] | undefined {
    const entry = this.entries[relFile]
    return entry && entry.hash === hashText(text) ? entry.findings : undefined
  }

  set(relFile: string, text: string, findings: Finding[]): void {
    this.next[relFile] = {hash: hashText(text), findings}
  }

  save(): void {
    writeFileAtomic(this.file, JSON.stringify({key: this.key, files: this.next} satisfies CacheFile), {overwrite: true})
  }
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex')
}

function readCache(file: string, key: string): CacheFile['files'] {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile
    return data.key === key && typeof data.files === 'object' && data.files !== null ? data.files : {}
  } catch {
    return {}
  }
}
