// Grouping by a key in one pass: the pattern that, written as a copy per item
// (`map.set(k, [...(map.get(k) ?? []), item])`), is quadratic in the size of a group.

/**
 * `items` grouped by `keyOf` (an item whose key is undefined is left out), groups in the order of
 * `seed` first, then of their first item; items in their order.
 */
export function groupBy<T, K>(
  items: Iterable<T>,
  keyOf: (item: T) => K | undefined,
  seed: Iterable<K> = [],
): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const key of seed) groups.set(key, [])
  for (const item of items) {
    const key = keyOf(item)
    if (key === undefined) continue
    const group = groups.get(key)
    if (group) group.push(item)
    else groups.set(key, [item])
  }
  return groups
}
