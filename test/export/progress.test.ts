// The progress line (src/cli/progress.ts): only on a TTY, only for long runs, throttled, erased at the end.
import {describe, expect, it} from 'vitest'
import {createProgress} from '../../src/cli/progress.js'

function terminal(isTTY = true) {
  const written: string[] = []
  return {stream: {isTTY, write: (text: string) => written.push(text)}, written}
}

describe('progress', () => {
  it('draws nothing when stderr is not a terminal, or under CI', () => {
    for (const [isTTY, env] of [
      [false, {}],
      [true, {CI: 'true'}],
      [true, {TERM: 'dumb'}],
    ] as const) {
      const {stream, written} = terminal(isTTY)
      const p = createProgress('export DE', 'documents', {stream, env, delayMs: 0, intervalMs: 0})
      p.update(1, 2)
      p.done()
      expect(written).toEqual([])
    }
  })

  it('stays silent for short runs, then redraws in place at most once per interval, and erases itself', () => {
    const {stream, written} = terminal()
    let now = 0
    const p = createProgress('export DE', 'documents', {stream, env: {}, delayMs: 300, intervalMs: 100, now: () => now})
    p.update(1, 10)
    now = 350
    p.update(2, 10)
    now = 400
    p.update(3, 10)
    now = 460
    p.update(4, 10, 'export DE (1/2 markets)')
    now = 470
    p.update(10, 10)
    p.done()
    p.done()
    expect(written).toEqual([
      '\rexport DE 2/10 documents\u001b[K',
      '\rexport DE (1/2 markets) 4/10 documents\u001b[K',
      '\rexport DE (1/2 markets) 10/10 documents\u001b[K',
      '\r\u001b[K',
    ])
  })
})
