// The one HTML page shell: every HTML file sopkit writes (playbook, diff, report, coverage) has
// this head, and a page built from a repo layout is sanitised as a whole with the
// Content-Security-Policy injected after rendering, so no layout can switch either off.
import type {Element, Root, RootContent} from 'hast'
import type {Options as SanitizeSchema} from 'rehype-sanitize'
import {escapeHtml} from './escape.js'

/** No script, no request of any kind: styles inline only. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

/** The generator meta tag: sopkit's reports carry it, the playbook carries `sopkit export`'s (its mark). */
export function generatorMeta(generator: string): string {
  return `<meta name="generator" content="${escapeHtml(generator)}">`
}

/** A whole page around an already-escaped body: the head every sopkit HTML report shares. */
export function htmlPage(title: string, body: string, style: string, generator = 'sopkit'): string {
  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    generatorMeta(generator) +
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">` +
    `<title>${escapeHtml(title)}</title><style>${style}</style></head><body>${body}</body></html>\n`
  )
}

type SecurePage = (html: string) => string
let secure: SecurePage | undefined

/** Page-level tags a layout may use besides what GitHub's schema allows in a document body. */
const PAGE_TAGS = [
  'html',
  'head',
  'body',
  'title',
  'meta',
  'style',
  'main',
  'nav',
  'header',
  'footer',
  'section',
  'article',
  'aside',
  'figure',
  'figcaption',
]
/** Tags that fetch something: never in a page, whatever GitHub's schema allows. */
const FETCHING_TAGS = ['img', 'picture', 'source', 'video', 'audio', 'iframe']

function pageSchema(base: SanitizeSchema): SanitizeSchema {
  // A class cannot run anything: a layout's classes stay, where GitHub's schema allows only a few per tag.
  const attributes = Object.fromEntries(
    Object.entries(base.attributes ?? {}).map(([tag, list]) => [
      tag,
      list.filter(a => !(Array.isArray(a) && a[0] === 'className')),
    ]),
  )
  return {
    ...base,
    allowDoctypes: true,
    clobberPrefix: '',
    tagNames: [...(base.tagNames ?? []).filter(t => !FETCHING_TAGS.includes(t)), ...PAGE_TAGS],
    // `<style>` keeps its text (the CSP forbids it to fetch anything); scripts go with their content.
    strip: ['script'],
    attributes: {
      ...attributes,
      '*': [
        ...(attributes['*'] ?? []),
        'className',
        'role',
        'ariaLabel',
        'ariaHidden',
        'ariaDescribedBy',
        'ariaLabelledBy',
      ],
      html: ['lang', 'dir'],
      meta: ['charSet', 'name', 'content'],
    },
    protocols: {...base.protocols, href: ['http', 'https', 'mailto'], cite: ['http', 'https']},
  }
}

/**
 * Load the page pass once: parse the whole page, drop every `http-equiv` meta (a layout's own
 * CSP or a refresh), sanitise, then put sopkit's CSP first in the head.
 */
export async function loadSecurePage(): Promise<SecurePage> {
  if (secure) return secure
  const [{unified}, {default: rehypeParse}, {default: rehypeSanitize, defaultSchema}, {default: rehypeStringify}] =
    await Promise.all([
      import('unified'),
      import('rehype-parse'),
      import('rehype-sanitize'),
      import('rehype-stringify'),
    ])
  const parse = unified().use(rehypeParse)
  const sanitize = unified().use(rehypeSanitize, pageSchema(defaultSchema))
  const stringify = unified().use(rehypeStringify)
  secure = html => {
    const tree = parse.parse(html)
    removeHttpEquiv(tree)
    const clean = sanitize.runSync(tree)
    injectPolicy(clean)
    return stringify.stringify(clean)
  }
  return secure
}

/** The page with its layout's freedom taken back: sanitised as a whole, sopkit's CSP in its head. */
export async function securePage(html: string): Promise<string> {
  return (await loadSecurePage())(html)
}

function removeHttpEquiv(node: Root | Element): void {
  const httpEquiv = (child: RootContent) =>
    child.type === 'element' && child.tagName === 'meta' && child.properties.httpEquiv !== undefined
  node.children = node.children.filter(child => !httpEquiv(child))
  for (const child of node.children) if (child.type === 'element') removeHttpEquiv(child)
}

function injectPolicy(tree: Root): void {
  const properties = {httpEquiv: ['Content-Security-Policy'], content: CONTENT_SECURITY_POLICY}
  const policy: Element = {type: 'element', tagName: 'meta', properties, children: []}
  const html = tree.children.find((c): c is Element => c.type === 'element' && c.tagName === 'html')
  const head = html?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'head')
  if (!head) return
  // After the charset declaration, which must come first.
  const charset = head.children.findIndex(
    c => c.type === 'element' && c.tagName === 'meta' && c.properties.charSet !== undefined,
  )
  head.children.splice(charset + 1, 0, policy)
}
