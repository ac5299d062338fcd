// Where a document's link goes inside a playbook. A link to any document of a family the
// playbook holds goes to that family's entry (the market's own version), so a DE playbook's
// link to `../global/payment-dispute.md` opens the DE payment-dispute procedure.
import path from 'node:path'
import type {LinkTarget} from './model.js'

/** What the playbook holds, as links need it. */
export interface LinkContext {
  /** Repo-relative file → family id, for every document of the library. */
  fileToId: ReadonlyMap<string, string>
  /** Family id → its anchor and its section anchors by GitHub heading slug. */
  included: ReadonlyMap<string, {anchor: string; sections: ReadonlyMap<string, string>}>
}

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto'])
const SCHEME = /^([a-z][a-z0-9+.-]*):/i

/** Resolve `url`, written in `fromFile` (repo-relative) of family `fromId`. */
export function resolveLink(url: string, fromFile: string, fromId: string, context: LinkContext): LinkTarget {
  const trimmed = url.trim()
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase()
  if (scheme) return SAFE_SCHEMES.has(scheme) ? {kind: 'external'} : {kind: 'unsafe'}
  // Protocol-relative and backslash URLs would leave the page for a host named by the document.
  if (trimmed.startsWith('//') || trimmed.includes('\\')) return {kind: 'unsafe'}
  const hash = trimmed.indexOf('#')
  const pathPart = (hash === -1 ? trimmed : trimmed.slice(0, hash)).replace(/\?.*$/, '')
  const fragment = hash === -1 ? undefined : decode(trimmed.slice(hash + 1))
  if (pathPart === '') return toFamily(fromId, fragment, context) ?? {kind: 'outside', path: fromFile}
  const target = repoPath(decode(pathPart), fromFile)
  const id = context.fileToId.get(target)
  const internal = id === undefined ? undefined : toFamily(id, fragment, context)
  return internal ?? {kind: 'outside', path: target + (fragment ? `#${fragment}` : '')}
}

function toFamily(id: string, fragment: string | undefined, context: LinkContext): LinkTarget | undefined {
  const entry = context.included.get(id)
  if (!entry) return undefined
  const section = fragment ? entry.sections.get(fragment.toLowerCase()) : undefined
  return {kind: 'internal', id, anchor: section ?? entry.anchor}
}

/** The repo-relative path a relative (or root-relative) link names; kept as written when it leaves the repo. */
function repoPath(target: string, fromFile: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : path.posix.join(path.posix.dirname(fromFile), target)
  return path.posix.normalize(joined)
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
