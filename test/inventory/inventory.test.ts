// `sopkit ls` without the CLI: rows, filters and what "applies to a market" means.
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/core/config.js'
import {appliesToMarket, inventoryFilters, ownerMatches} from '../../src/inventory/filters.js'
import {buildInventory} from '../../src/inventory/inventory.js'
import type {InventoryFilters} from '../../src/inventory/model.js'
import {TODAY, fixtureLibrary} from './fixtures.js'

const NONE: InventoryFilters = {markets: [], channels: [], types: [], statuses: [], owners: [], overdue: false}

async function ls(filters: Partial<InventoryFilters> = {}) {
  const {library} = await fixtureLibrary()
  return buildInventory(library, {...NONE, ...filters}, TODAY)
}

const files = (inventory: Awaited<ReturnType<typeof ls>>) => inventory.documents.map(d => d.file)

describe('buildInventory', () => {
  it('lists every readable document, sorted by id with the baseline first, and names the unreadable', async () => {
    const inventory = await ls()
    expect(files(inventory)).toEqual([
      'sops/DE/de-only.md',
      'sops/global/old-policy.md',
      'sops/global/refund-escalation.md',
      'sops/EU/refund-escalation.md',
      'sops/SG/refund-escalation.md',
      'sops/global/where-is-my-order.md',
    ])
    expect(inventory.total).toBe(6)
    expect(inventory.unreadable).toEqual([{file: 'sops/global/broken.md', reason: 'invalid front matter'}])
  })

  it('marks overdue live documents and outdated variants', async () => {
    const inventory = await ls()
    const row = (file: string) => inventory.documents.find(d => d.file === file)!
    expect(row('sops/global/where-is-my-order.md')).toMatchObject({overdue: true, role: 'baseline'})
    expect(row('sops/global/old-policy.md').overdue).toBe(false)
    expect(row('sops/SG/refund-escalation.md')).toMatchObject({role: 'variant', outdated: true, based_on: '1.2.0'})
    expect(row('sops/EU/refund-escalation.md').outdated).toBe(false)
  })

  it("--market: the market's own documents, its regions' and GLOBAL ones", async () => {
    expect(files(await ls({markets: ['DE']}))).toEqual([
      'sops/DE/de-only.md',
      'sops/global/old-policy.md',
      'sops/global/refund-escalation.md',
      'sops/EU/refund-escalation.md',
      'sops/global/where-is-my-order.md',
    ])
    expect(files(await ls({markets: ['SG']}))).not.toContain('sops/EU/refund-escalation.md')
    expect(files(await ls({markets: ['EU']}))).toContain('sops/DE/de-only.md')
    expect(files(await ls({markets: ['GLOBAL']}))).toEqual([
      'sops/global/old-policy.md',
      'sops/global/refund-escalation.md',
      'sops/global/where-is-my-order.md',
    ])
  })

  it('combines filters; a repeated filter matches any of its values', async () => {
    expect(files(await ls({channels: ['email', 'phone']}))).toEqual(['sops/DE/de-only.md', 'sops/global/old-policy.md'])
    expect(files(await ls({types: ['kb-article']}))).toEqual(['sops/global/where-is-my-order.md'])
    expect(files(await ls({statuses: ['draft', 'retired']}))).toEqual([
      'sops/global/old-policy.md',
      'sops/SG/refund-escalation.md',
    ])
    expect(files(await ls({owners: ['knowledge-management']}))).toEqual(['sops/global/where-is-my-order.md'])
    expect(files(await ls({overdue: true}))).toEqual(['sops/global/where-is-my-order.md'])
    expect(files(await ls({markets: ['SG'], statuses: ['approved'], channels: ['chatbot']}))).toEqual([
      'sops/global/refund-escalation.md',
    ])
  })
})

describe('filters', () => {
  const config = loadConfig(process.cwd())

  it('normalises market codes and refuses unknown values with a suggestion', () => {
    expect(inventoryFilters(config, {market: ['sg', 'SG', 'eu']}).markets).toEqual(['SG', 'EU'])
    expect(() => inventoryFilters(config, {market: ['SGG']})).toThrow(
      /--market SGG: unknown market \(did you mean "SG"\?\)/,
    )
    expect(() => inventoryFilters(config, {market: ['constructor']})).toThrow(/unknown market/)
    expect(() => inventoryFilters(config, {channel: ['chat-bot']})).toThrow(/did you mean "chatbot"/)
    expect(() => inventoryFilters(config, {status: ['aproved']})).toThrow(/did you mean "approved"/)
    expect(() => inventoryFilters(config, {type: ['sops']})).toThrow(/did you mean "sop"/)
  })

  it('matches owners in any case, with or without @ or the email domain', () => {
    expect(ownerMatches('@Knowledge-Management', 'knowledge-management')).toBe(true)
    expect(ownerMatches('sea-cs-ops@example.com', 'SEA-CS-OPS')).toBe(true)
    expect(ownerMatches('sea-cs-ops@example.com', 'sea-cs-ops@example.com')).toBe(true)
    expect(ownerMatches('sea-cs-ops@example.com', 'sea')).toBe(false)
  })

  it('a document applies through its market, a region of the market, or GLOBAL', () => {
    const {taxonomy} = config
    expect(appliesToMarket(taxonomy, ['EU'], 'DE')).toBe(true)
    expect(appliesToMarket(taxonomy, ['EU'], 'GB')).toBe(false)
    expect(appliesToMarket(taxonomy, ['GLOBAL'], 'BR')).toBe(true)
    expect(appliesToMarket(taxonomy, ['SG', 'MY'], 'SEA')).toBe(true)
    expect(appliesToMarket(taxonomy, ['constructor'], 'DE')).toBe(false)
  })
})
