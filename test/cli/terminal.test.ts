import {describe, expect, it} from 'vitest'
import {canPrompt, colorLevel} from '../../src/cli/terminal.js'
import {sopkit, tempRepo} from '../helpers/cli.js'
import {doc} from '../helpers/docs.js'

const tty = {isTTY: true}
const pipe = {isTTY: false}

describe('colorLevel', () => {
  it.each([
    ['a TTY', tty, {}, 1],
    ['a pipe', pipe, {}, 0],
    ['NO_COLOR on a TTY', tty, {NO_COLOR: '1'}, 0],
    ['NO_COLOR beats FORCE_COLOR', tty, {NO_COLOR: '1', FORCE_COLOR: '3'}, 0],
    ['an empty NO_COLOR is ignored', tty, {NO_COLOR: ''}, 1],
    ['FORCE_COLOR on a pipe', pipe, {FORCE_COLOR: '1'}, 1],
    ['FORCE_COLOR=3', pipe, {FORCE_COLOR: '3'}, 3],
    ['FORCE_COLOR=0 on a TTY', tty, {FORCE_COLOR: '0'}, 0],
    ['TERM=dumb on a TTY', tty, {TERM: 'dumb'}, 0],
  ] as const)('%s', (_, stream, env, level) => {
    expect(colorLevel(stream, env as NodeJS.ProcessEnv)).toBe(level)
  })

  it('never prompts with CI set', () => {
    expect(canPrompt({CI: 'true'})).toBe(false)
  })
})

describe('colour and data on stdout', () => {
  const repo = tempRepo({'sops/global/a.md': doc({front: {markets: ['ZZ']}})})

  it('colours only when asked, and --json stdout is only JSON even with FORCE_COLOR', () => {
    expect(sopkit(['check'], {cwd: repo, env: {NO_COLOR: '1'}}).stdout).not.toMatch(/\u001B\[/)
    expect(sopkit(['check'], {cwd: repo, env: {NO_COLOR: undefined, FORCE_COLOR: '1'}}).stdout).toMatch(/\u001B\[/)
    const json = sopkit(['check', '--json'], {cwd: repo, env: {NO_COLOR: undefined, FORCE_COLOR: '1'}})
    expect(json.stdout).not.toMatch(/\u001B\[/)
    expect(JSON.parse(json.stdout).summary.errors).toBe(1)
  })
})
