// Text helpers shared by the line-oriented formats.

/** Text safe for one terminal line: line breaks and tabs become spaces, other control characters go. */
export function plainText(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters from terminal text is the point
  return text.replace(/[\t\n\r\v\f]+/g, ' ').replace(/[\u0000-\u001F\u007F-\u009F]/g, '')
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
