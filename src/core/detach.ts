// A substring in V8 may be a slice that keeps its whole parent string alive: a heading or a
// front-matter value would pin the full text of its document. Strings that outlive the text
// (summaries keep front matter and headings) are copied through here first.

/** The same string, in storage of its own. */
export function detachString(text: string): string {
  // Concatenating builds a cons string; slicing it flattens a fresh copy that owns its characters.
  return text.length < 13 ? text : (' ' + text).slice(1)
}
