// The shared flag definitions parse alike in every command: lists repeated or comma-separated.
import {Parser} from '@oclif/core'
import {describe, expect, it} from 'vitest'
import {formatFlag, listFlag, listValues} from '../../src/cli/flags.js'
import Coverage from '../../src/commands/coverage.js'
import Export from '../../src/commands/export.js'
import Ls from '../../src/commands/ls.js'
import New from '../../src/commands/new.js'
import {REPORT_REGISTRY} from '../../src/report/render/index.js'

const flags = {
  market: listFlag({char: 'm', description: 'Markets.'}),
  channel: listFlag({description: 'Channels.'}),
  format: formatFlag(REPORT_REGISTRY, 'table'),
}

async function parse(argv: string[]) {
  return (await Parser.parse(argv, {flags})).flags
}

describe('shared flags', () => {
  it('reads a list flag repeated, comma-separated, or both, trimmed', async () => {
    expect((await parse(['--market', 'DE,FR', '-m', 'SG', '--market=GB, IE'])).market).toEqual([
      'DE',
      'FR',
      'SG',
      'GB',
      'IE',
    ])
    expect((await parse(['--channel', 'chatbot', '--channel', 'ai-agent'])).channel).toEqual(['chatbot', 'ai-agent'])
  })

  it('leaves out blanks and repeats when the values are read', async () => {
    expect(listValues((await parse(['--market', 'DE,,FR,', '--market', 'DE'])).market)).toEqual(['DE', 'FR'])
    expect(listValues(undefined)).toEqual([])
  })

  it('takes any --format value (the registry rejects unknown ones alike) and lists the names in help', async () => {
    expect((await parse([])).format).toBe('table')
    expect((await parse(['--format', 'nope'])).format).toBe('nope')
    expect(flags.format.helpValue).toBe(REPORT_REGISTRY.names.join('|'))
  })

  it('is the one definition of --market, --channel, --type and --status in every command that filters', () => {
    const listed = (command: {flags: object}, names: string[]) =>
      names.map(n => {
        const flag = (command.flags as Record<string, {multiple?: boolean; delimiter?: string} | undefined>)[n]
        return [n, flag?.multiple, flag?.delimiter]
      })
    expect(listed(Ls, ['market', 'channel', 'type', 'status'])).toEqual(
      ['market', 'channel', 'type', 'status'].map(n => [n, true, ',']),
    )
    expect(listed(Coverage, ['market', 'type'])).toEqual(['market', 'type'].map(n => [n, true, ',']))
    expect(listed(Export, ['channel', 'type', 'status'])).toEqual(
      ['channel', 'type', 'status'].map(n => [n, true, ',']),
    )
    expect(listed(New, ['market', 'channel', 'compliance', 'topic'])).toEqual(
      ['market', 'channel', 'compliance', 'topic'].map(n => [n, true, ',']),
    )
  })
})
