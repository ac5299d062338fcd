// Offset → line:column, built only for documents that have something to report.

export interface Position {
  line: number
  column: number
}

/** Where a finding starts, and where it ends when that is known. */
export interface Span extends Position {
  end?: Position
}

/**
 * Line starts, found only as far into the text as an offset asked for: most findings sit in the
 * front matter, so most documents with findings never have their body's lines counted.
 */
export class LineIndex {
  private readonly starts: number[] = [0]
  /** Where the search for the next line start resumes; -1 once the whole text is indexed. */
  private scanned = 0

  constructor(private readonly text: string) {}

  /** 1-based line and column of a 0-based offset. */
  at(offset: number): Position {
    this.indexTo(offset)
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return {line: lo + 1, column: offset - this.starts[lo]! + 1}
  }

  /** Index line starts until one lies past `offset` (or the text ends). */
  private indexTo(offset: number): void {
    while (this.scanned !== -1 && this.starts.at(-1)! <= offset) {
      const nl = this.text.indexOf('\n', this.scanned)
      if (nl === -1) this.scanned = -1
      else {
        this.starts.push(nl + 1)
        this.scanned = nl + 1
      }
    }
  }

  /** 0-based offset of the start of a 1-based line. */
  lineStart(line: number): number {
    while (this.scanned !== -1 && this.starts.length < line) this.indexTo(this.starts.at(-1)!)
    return this.starts[Math.min(Math.max(line - 1, 0), this.starts.length - 1)]!
  }
}
