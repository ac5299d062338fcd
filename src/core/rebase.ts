// Markdown moved to another folder keeps its relative links working: `new --from` copies a body
// into the variant's folder, and an overlay's effective document holds the baseline's sections.
import path from 'node:path'
import type {BodyLink} from './sections.js'

/** A scheme, a protocol-relative URL, an in-page anchor or a root-relative path: the same from any folder. */
const FOLDER_FREE = /^(?:[a-z][a-z0-9+.-]*:|\/|#)/i

/**
 * `url`, written in repo-relative `fromFile`, as written in `toFile` so that it names the same
 * target. The query and anchor are kept; percent-encoding is kept as written.
 */
export function rebaseUrl(url: string, fromFile: string, toFile: string): string {
  const trimmed = url.trim()
  if (trimmed === '' || FOLDER_FREE.test(trimmed) || trimmed.includes('\\')) return url
  const cut = trimmed.search(/[?#]/)
  const target = cut === -1 ? trimmed : trimmed.slice(0, cut)
  const suffix = cut === -1 ? '' : trimmed.slice(cut)
  const fromDir = path.posix.dirname(fromFile)
  const toDir = path.posix.dirname(toFile)
  if (fromDir === toDir) return url
  const absolute = path.posix.normalize(path.posix.join(fromDir, target))
  const relative = path.posix.relative(toDir, absolute) || path.posix.basename(absolute)
  return `${relative}${target.endsWith('/') && !relative.endsWith('/') ? '/' : ''}${suffix}`
}

/**
 * `text[start, end)` with every relative link and image of `links` (offsets in `text`) rewritten
 * from `fromFile` to `toFile`. Links outside the range are left out.
 */
export function rebaseLinks(
  text: string,
  links: readonly BodyLink[],
  fromFile: string,
  toFile: string,
  start = 0,
  end = text.length,
): string {
  let out = text.slice(start, end)
  const inside = links.filter(l => l.start >= start && l.end <= end).sort((a, b) => b.start - a.start)
  for (const link of inside) {
    const moved = rebaseUrl(link.url, fromFile, toFile)
    if (moved === link.url) continue
    const from = link.start - start
    const source = out.slice(from, link.end - start)
    const at = urlOffset(source, link.url)
    if (at === -1) continue
    out = out.slice(0, from + at) + moved + out.slice(from + at + link.url.length)
  }
  return out
}

/** Where a link's destination starts in its source: after `](`, `](<`, or a definition's `]:`. */
function urlOffset(source: string, url: string): number {
  for (const opener of ['](', '](<']) {
    const i = source.lastIndexOf(opener + url)
    if (i !== -1) return i + opener.length
  }
  const colon = source.indexOf(']:')
  return colon === -1 ? -1 : source.indexOf(url, colon + 2)
}
