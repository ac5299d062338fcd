// Strings and front matter kept long beside many others (a library's summaries): one copy of
// each repeated string, and copies that keep no document text alive (see core/detach).
import {detachString} from './detach.js'
import {memoBounded} from './memo.js'

const pool = new Map<string, string>()
const POOL_LIMIT = 100_000
/** Longer front-matter values (a title, a description) rarely repeat: copied, not pooled. */
const SHARED_VALUE_MAX_LENGTH = 64

/**
 * The same string detached, one copy shared by all equal ones asked for: headings, owners,
 * channels and dates repeat across a library (templates), and a large library keeps them all.
 */
export function sharedString(text: string): string {
  // memoBounded stores the key's own copy and hands it to compute: that copy is the shared string.
  return memoBounded(pool, POOL_LIMIT, text, own => own)
}

/**
 * Plain data (front matter as YAML typed it) copied so that it keeps no text alive and no spare
 * room: strings shared or detached, arrays exactly as long as they are (one grown by push holds
 * room for 17), objects with the prototype they had.
 */
export function detachData<T>(value: T): T {
  if (typeof value === 'string')
    return (value.length > SHARED_VALUE_MAX_LENGTH ? detachString(value) : sharedString(value)) as T
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(detachData) as T
  const copy: Record<string, unknown> =
    Object.getPrototypeOf(value) === null ? (Object.create(null) as Record<string, unknown>) : {}
  for (const key of Object.keys(value)) {
    const item = detachData((value as Record<string, unknown>)[key])
    // An own `__proto__` key stays a key: assigning it to a plain object would set the prototype.
    if (key === '__proto__')
      Object.defineProperty(copy, key, {value: item, enumerable: true, writable: true, configurable: true})
    else copy[key] = item
  }
  return copy as T
}
