// Long loops are synchronous between awaits, and a signal handler runs only when the event loop
// turns: a loop that never yields a macrotask cannot be stopped by Ctrl-C or SIGTERM until it ends.
// Loops that write files or work row by row call `breathe()` between steps.

const EVERY_MS = 25
let last = performance.now()

/**
 * Let pending signals and I/O run (a setImmediate turn), at most every 25 ms so the cost stays
 * negligible: a handler then stops the run within a second, between two whole writes.
 */
export async function breathe(): Promise<void> {
  const now = performance.now()
  if (now - last < EVERY_MS) return
  last = now
  await new Promise<void>(resolve => setImmediate(resolve))
}
