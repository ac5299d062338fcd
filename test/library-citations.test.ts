// Every legal statement in the bundled library carries a citation the catalogue knows, so a PM
// who copies a playbook line copies its source too. A citation is a parenthesis opening with a
// catalogue tag and a provision: "(GDPR Art. 12(3))", "(UK-CCR regs. 29, 30)", "(CA-BOT §17941)";
// a second source may follow inside it ("(PSD2 Art. 73; BGB §675u)").
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {DEFAULT_COMPLIANCE} from '../src/core/catalogue.js'
import {ROOT} from './helpers/cli.js'

const SOPS = path.join(ROOT, 'sops')
const files = (readdirSync(SOPS, {recursive: true}) as string[]).filter(f => f.endsWith('.md')).sort()
const textOf = (file: string) => readFileSync(path.join(SOPS, file), 'utf8')

/** A parenthesis opening with a tag and a provision; one level of nested parentheses ("Art. 12(3)"). */
const CITATION = /\(([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)\s+(?:Arts?\.|regs?\.|ss?\.|§)(?:[^()]|\([^()]*\))*\)/g

/** A reference to a provision or a named statute: what must sit inside a citation. */
const LEGAL_REFERENCE =
  /\b(?:Arts?|art|regs?|ss?)\.\s*\d|§\s*\d|\bsection \d+\w* [A-Z]{2,}|\b(?:Act|Regulations?|Directive|Decree) (?:\d{4}|\d+\/\d{4})\b|\bReg\. \d{4}\//

export function citationsIn(text: string): {tags: string[]; rest: string} {
  const tags = [...text.matchAll(CITATION)].map(m => m[1]!)
  return {tags, rest: text.replace(CITATION, '')}
}

describe('citations in the bundled library', () => {
  it('reads a citation and what is left outside it', () => {
    expect(citationsIn('one month (GDPR Art. 12(3)), free (GDPR Art.\n15(3))')).toEqual({
      tags: ['GDPR', 'GDPR'],
      rest: 'one month , free ',
    })
    expect(citationsIn('(UK-CCR regs. 29, 30) and (PSD2 Art. 73; BGB §675u)').tags).toEqual(['UK-CCR', 'PSD2'])
    expect(LEGAL_REFERENCE.test(citationsIn('as Art. 17 says (DSA Art. 16(5))').rest)).toBe(true)
    expect(LEGAL_REFERENCE.test(citationsIn('the Consumer Rights Act 2015 says').rest)).toBe(true)
  })

  it('has citations to check', () => {
    expect(files.flatMap(f => citationsIn(textOf(f)).tags).length).toBeGreaterThan(20)
  })

  it.each(files)('%s: every citation names a catalogue tag, and no provision is cited outside one', file => {
    const {tags, rest} = citationsIn(textOf(file))
    for (const tag of tags) expect(Object.keys(DEFAULT_COMPLIANCE), `${file}: (${tag} …)`).toContain(tag)
    const uncited = rest
      .split('\n')
      .map((line, i) => ({line, i}))
      .filter(({line}) => LEGAL_REFERENCE.test(line))
    expect(
      uncited.map(({line}) => line.trim()),
      `${file}: legal references outside a citation`,
    ).toEqual([])
  })

  it('states none of the facts the domain review found wrong', () => {
    const all = files.map(textOf).join('\n')
    expect(all).not.toMatch(/MAS guidance|in line with MAS/)
    expect(all).not.toMatch(/0\.9% of transactions|100 disputes a month/)
    expect(all).not.toMatch(/Change-of-mind returns: only where the seller's listing offers them/)
  })
})
