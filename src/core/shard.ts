// Deterministic sharding for CI matrices: n jobs, each given `--shard i/n`, cover every item once.
// Assignment hashes the item's name, so adding a file never moves the others between shards.
import {SopkitError} from './errors.js'

export interface Shard {
  index: number
  count: number
}

/** Parse "i/n" (1 ≤ i ≤ n). */
export function parseShard(text: string, flag = '--shard'): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim())
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count) {
    throw new SopkitError(
      'BAD_SHARD',
      `${flag} ${text}: expected i/n with 1 ≤ i ≤ n`,
      `write it as ${flag} 1/4 … ${flag} 4/4, one per CI job`,
    )
  }
  return {index, count}
}

/** True when `name` belongs to the shard (FNV-1a of the name, modulo the count). */
export function inShard(name: string, shard: Shard): boolean {
  let hash = 0x811c9dc5
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return (hash % shard.count) + 1 === shard.index
}
