// The fields `sopkit new` can ask for, the flag that answers each, and the values it derives.

/** Front-matter fields a person answers; every other field is derived (version, dates, status). */
export const ASKABLE_FIELDS = ['markets', 'title', 'id', 'channels', 'topics', 'compliance', 'owner'] as const
export type AskableField = (typeof ASKABLE_FIELDS)[number]

/** Every prompt is also a flag. */
export const FLAG_FOR: Record<AskableField, string> = {
  markets: '--market',
  title: '--title',
  id: '--id',
  channels: '--channel',
  topics: '--topic',
  compliance: '--compliance',
  owner: '--owner',
}

/** A new document's first version and status. */
export const FIRST_VERSION = '0.1.0'
/** Days from today to the first review: six months, so the next review falls in a planning cycle. */
export const REVIEW_AFTER_DAYS = 180

/** What a person gave (flags or prompts); unset means not given yet. */
export interface Answers {
  template?: string
  title?: string
  id?: string
  markets?: string[]
  channels?: string[]
  topics?: string[]
  /** Tags added to the ones the markets, channels, type and topics require. */
  compliance?: string[]
  owner?: string
  /** The lifecycle status to start in (default: draft). Never asked: `sopkit import` sets it from a Status column. */
  status?: string
}

/** A kebab-case id from a title: "Refund > 50 € (Singapore)" → "refund-50-singapore". */
export function idFromTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= 60) return slug
  return slug.slice(0, 60).replace(/-[^-]*$/, '')
}

/** Titles and owners are one line of text: newlines and runs of spaces become one space. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/** YYYY-MM-DD `days` after a YYYY-MM-DD date, in UTC. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Values in order, without repeats or blanks. */
export function unique(values: readonly string[]): string[] {
  return [...new Set(values.map(v => v.trim()).filter(v => v !== ''))]
}
