// Where a relative link in a document points on disk: the one rule for links-resolve and --changed-since.
import path from 'node:path'

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i

/**
 * The absolute path a link or image URL names, or undefined for an external URL or a link
 * inside the same document. A leading slash means the repository root, as GitHub and GitLab
 * render it; the query and anchor are not part of the path.
 */
export function linkTarget(root: string, documentPath: string, url: string): string | undefined {
  if (EXTERNAL.test(url)) return undefined
  const rawPath = url.split(/[?#]/, 1)[0] ?? ''
  if (rawPath === '') return undefined
  return path.join(rawPath.startsWith('/') ? root : path.dirname(documentPath), safeDecode(rawPath))
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
