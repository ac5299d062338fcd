import {describe, expect, it} from 'vitest'
import {brief, lintRule, runFixture, sop} from './harness.js'

const RULE = 'known-channel'

describe(RULE, () => {
  it('finds exactly what its fixture library states inline', async () => {
    const {actual, expected} = await runFixture(RULE)
    expect(expected.length).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
  })

  it('accepts every built-in channel', async () => {
    const channels = '[self-service, chatbot, ai-agent, agent-assisted, live-chat, email, phone, social]'
    expect(await lintRule(RULE, sop({channels}))).toEqual([])
  })

  it('reports an unknown channel at its item, suggesting the near one', async () => {
    const findings = await lintRule(RULE, sop({channels: '[chatbot, chat-bot]'}))
    expect(brief(findings)).toEqual(['unknown@9:21'])
    expect(findings[0]!.message).toContain('"chatbot"')
    expect(findings[0]!.severity).toBe('error')
  })

  it('reports a channel in another case, and a scalar channel', async () => {
    expect(brief(await lintRule(RULE, sop({channels: '[Email]'})))).toEqual(['unknown@9:12'])
    expect(brief(await lintRule(RULE, sop({channels: 'sms'})))).toEqual(['unknown@9:11'])
  })

  it('accepts a channel the config adds', async () => {
    const config = {taxonomy: {channels: {whatsapp: {name: 'WhatsApp'}}}}
    expect(await lintRule(RULE, sop({channels: '[whatsapp, chatbot]'}), {config})).toEqual([])
    expect(brief(await lintRule(RULE, sop({channels: '[whatsapp, chatbot]'})))).toEqual(['unknown@9:12'])
  })
})
