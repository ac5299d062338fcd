// The one HTML page shell: every HTML file sopkit writes (playbook, diff, report, coverage) has
// this head, and a page built from a repo layout is sanitised as a whole with the
// Content-Security-Policy injected after rendering, so no layout can switch either off.
import {randomBytes} from 'node:crypto'
import type {Element, Root, RootContent} from 'hast'
import type {Options as SanitizeSchema} from 'rehype-sanitize'
import {escapeHtml} from './escape.js'
import {SopkitError} from './errors.js'

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

/**
 * Fragments sanitised already (each document's body, by the stricter document schema) and the
 * text that stands for each in the layout's output until the page pass is done. The page pass
 * then parses the layout's page, not every document in it: its tree grows with the table of
 * contents and metadata, not with the bodies (a whole 12 MB playbook made a 270 MB tree).
 */
export interface Slots {
  /** What the layout receives in place of fragment i: plain text carrying a nonce no document or layout can know. */
  tokens: string[]
  fragments: readonly string[]
  pattern: RegExp
}

export function slotsFor(fragments: readonly string[]): Slots {
  const nonce = randomBytes(12).toString('hex')
  return {
    tokens: fragments.map((_, i) => `sopkit-slot-${nonce}-${i}-`),
    fragments,
    pattern: new RegExp(`sopkit-slot-${nonce}-(\\d+)-`, 'g'),
  }
}

type SecurePage = (html: string, slots?: Slots) => string
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
  // Raw nodes are only ever the slots' fragments, placed after sanitising.
  const stringifyFilled = unified().use(rehypeStringify, {allowDangerousHtml: true})
  secure = (html, slots) => {
    const tree = parse.parse(html)
    removeHttpEquiv(tree)
    const clean = sanitize.runSync(tree)
    injectPolicy(clean)
    if (!slots) return stringify.stringify(clean)
    fillSlots(clean, slots)
    const page = stringifyFilled.stringify(clean)
    slots.pattern.lastIndex = 0
    if (slots.pattern.test(page)) {
      throw new SopkitError(
        'TEMPLATE_INVALID',
        "the layout puts a document's content where HTML cannot go (an attribute, the title or a style)",
        'place {{{content}}} between elements of the layout, as the built-in playbook.html does',
      )
    }
    return page
  }
  return secure
}

/**
 * The page with its layout's freedom taken back: sanitised as a whole, sopkit's CSP in its head.
 * With `slots`, the layout's page holds each fragment's token; the fragments go where their tokens
 * are text of an element (never inside an attribute, a title or a style), after the page pass.
 */
export async function securePage(html: string, slots?: Slots): Promise<string> {
  return (await loadSecurePage())(html, slots)
}

/** Elements whose text is not markup: a fragment there would be text, or would break out of them. */
const RAW_TEXT = new Set(['style', 'title', 'textarea', 'script', 'noscript', 'xmp', 'iframe', 'noembed', 'noframes'])

function fillSlots(node: Root | Element, slots: Slots): void {
  if (node.type === 'element' && RAW_TEXT.has(node.tagName)) return
  const children: RootContent[] = []
  for (const child of node.children) {
    if (child.type === 'element') fillSlots(child, slots)
    if (child.type !== 'text' || !child.value.includes('sopkit-slot-')) {
      children.push(child)
      continue
    }
    let last = 0
    for (const match of child.value.matchAll(slots.pattern)) {
      if (match.index > last) children.push({type: 'text', value: child.value.slice(last, match.index)})
      children.push({type: 'raw', value: slots.fragments[Number(match[1])] ?? ''})
      last = match.index + match[0].length
    }
    if (last < child.value.length) children.push({type: 'text', value: child.value.slice(last)})
  }
  node.children = children
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
