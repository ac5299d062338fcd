// Get-or-compute for the caches a large library makes worth having (per family, per outline,
// per distinct string): one shape instead of a hand-written get, test and set at every cache.
import {detachString} from './detach.js'

interface Store<K, V> {
  get(key: K): V | undefined
  set(key: K, value: V): unknown
}

/** The value `store` holds for `key`, computed by `compute` and stored on first ask. */
export function memo<K, V>(store: Store<K, V>, key: K, compute: (key: K) => V): V {
  let value = store.get(key)
  if (value === undefined) store.set(key, (value = compute(key)))
  return value
}

/**
 * As `memo`, for a module-level cache of distinct strings that a long process (a test run, an
 * import of many rows) could grow without end: emptied when it holds `limit` entries. A string
 * key is stored as its own copy (and `compute` gets that copy): the key asked with may be a slice
 * of a document's text, which the cache would otherwise keep alive until it empties.
 */
export function memoBounded<K, V>(store: Map<K, V>, limit: number, key: K, compute: (key: K) => V): V {
  if (store.size >= limit) store.clear()
  let value = store.get(key)
  if (value === undefined) {
    const own = (typeof key === 'string' ? detachString(key) : key) as K
    store.set(own, (value = compute(own)))
  }
  return value
}

/** A Map per owner (a config, a library): for caches that must not outlive what they describe. */
export function mapFor<O extends object, K, V>(store: WeakMap<O, Map<K, V>>, owner: O): Map<K, V> {
  return memo(store, owner, () => new Map<K, V>())
}
