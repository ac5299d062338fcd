// A small progress line ("export DE 120/1000 documents") on stderr, for long runs only: nothing
// unless stderr is a terminal, nothing for runs shorter than a moment, at most ten redraws a
// second, and the line is erased when the work ends so the terminal keeps only real output.

export interface ProgressOptions {
  /** Where to draw (default process.stderr); nothing is drawn unless it is a TTY. */
  stream?: {isTTY?: boolean; write(text: string): unknown}
  env?: NodeJS.ProcessEnv
  /** Draw nothing before this many milliseconds have passed (default 300): short runs stay silent. */
  delayMs?: number
  /** Minimum milliseconds between redraws (default 100). */
  intervalMs?: number
  /** Clock, for tests. */
  now?: () => number
}

export interface Progress {
  /** `done` of `total` units finished; `label` replaces the current label when given. */
  update(done: number, total: number, label?: string): void
  /** Erase the line (when one was drawn). Safe to call more than once. */
  done(): void
}

const SILENT: Progress = {update() {}, done() {}}

/** True when progress may be drawn: stderr is a terminal, and neither CI nor TERM=dumb says otherwise. */
export function showsProgress(stream: {isTTY?: boolean}, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !env.CI && env.TERM !== 'dumb'
}

/** A progress line labelled `label` with a unit (e.g. "documents"). */
export function createProgress(label: string, unit: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr
  if (!showsProgress(stream, options.env ?? process.env)) return SILENT
  const now = options.now ?? Date.now
  const started = now()
  const delay = options.delayMs ?? 300
  const interval = options.intervalMs ?? 100
  let current = label
  let drawnAt: number | undefined
  return {
    update(done, total, nextLabel) {
      if (nextLabel !== undefined) current = nextLabel
      const t = now()
      if (t - started < delay || (drawnAt !== undefined && t - drawnAt < interval && done < total)) return
      drawnAt = t
      // \r and erase-to-end-of-line: redraw in place, never scroll.
      stream.write(`\r${current} ${done}/${total} ${unit}\u001b[K`)
    },
    done() {
      if (drawnAt !== undefined) stream.write('\r\u001b[K')
      drawnAt = undefined
    },
  }
}
