// Escaping for the formats that embed document data: HTML, and Markdown table cells.

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/**
 * The one Markdown table cell, for every Markdown table sopkit writes (ls, coverage, report, diff,
 * the GitHub job summary): one line whatever the text holds (line breaks become `<br>`, other
 * control characters go), pipes and backslashes escaped so the row keeps its columns, and `&`, `<`,
 * `>` as entities so no raw HTML reaches the page. Leading and trailing spaces are dropped, as GFM
 * drops them. Other Markdown stays Markdown: a cell may say `**overdue**`.
 */
export function markdownCell(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point of this pattern
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .trim()
      .replace(/\r\n|[\r\n\u2028\u2029]/g, '<br>')
  )
}

/** A GitHub-flavoured Markdown table. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n')
}
