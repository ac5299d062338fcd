// A substring in V8 may be a slice that keeps its whole parent string alive: a heading or a
// front-matter value would pin the full text of its document. Strings that outlive the text
// (summaries keep front matter and headings) are copied through here first.

/** The same string, in storage of its own. */
export function detachString(text: string): string {
  // Concatenating builds a cons string; slicing it flattens a fresh copy that owns its characters.
  return text.length < 13 ? text : (' ' + text).slice(1)
}

/** Detached copies, each its own key: a key that were the asked-for slice would pin its parent. */
const pool = new Map<string, string>()
const POOL_LIMIT = 100_000
/** Longer front-matter values (a title, a description) rarely repeat: copied, not pooled. */
const SHARED_VALUE_MAX_LENGTH = 64

/**
 * The same string detached, one copy shared by all equal ones asked for: headings, owners,
 * channels and dates repeat across a library (templates), and a large library keeps them all.
 */
export function sharedString(text: string): string {
  let shared = pool.get(text)
  if (shared === undefined) {
    if (pool.size >= POOL_LIMIT) pool.clear()
    shared = detachString(text)
    pool.set(shared, shared)
  }
  return shared
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
