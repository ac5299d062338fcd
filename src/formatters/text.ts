// Text helpers shared by the line-oriented formats.

// eslint-disable-next-line no-control-regex -- finding control characters in terminal text is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g

/** Text safe for one terminal line: line breaks and tabs become spaces, other control characters go. */
export function plainText(text: string): string {
  // Most text has none: tested once, not replaced twice (a report can hold 40k findings).
  if (text.search(CONTROL) === -1) return text
  return text.replace(/[\t\n\r\v\f]+/g, ' ').replace(CONTROL, '')
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
