// Deterministic inputs for the diff cases: two ~1 MB versions of one document (a variant with
// some sections changed, moved and added), and one family with a baseline and 50 market variants.
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'

const MARKETS = (
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO ' +
  'GB CH SG MY TH PH ID VN JP KR IN AU NZ BR MX AR US CA ZA AE'
).split(' ')

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS =
  'refund agent buyer seller escalate tier evidence order carrier wallet limit review approve decline chatbot hand-off SLA hours case'.split(
    ' ',
  )

function paragraph(rand, words) {
  return Array.from({length: words}, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ') + '.'
}

function front(id, markets, extra = '') {
  return `---\nid: ${id}\ntitle: Big procedure\ntype: sop\nversion: "2.0.0"\nstatus: approved\nowner: ops@example.com\nmarkets: [${markets.join(', ')}]\nchannels: [chatbot]\ncompliance: []\neffective: 2026-01-01\nreview_by: 2099-01-01\n${extra}---\n`
}

/** Sections of about `bytes` total, as [heading, text] pairs. */
function sections(rand, bytes) {
  const out = []
  for (let size = 0, i = 0; size < bytes; i++) {
    const text = Array.from({length: 6}, () => paragraph(rand, 30)).join('\n\n')
    out.push([`Step ${i}`, text])
    size += text.length
  }
  return out
}

const render = (title, list) =>
  `# ${title}\n\n## Purpose\n\nx\n\n## Scope\n\ny\n\n## Procedure\n\n${list.map(([h, t]) => `### ${h}\n\n${t}\n`).join('\n')}\n## Escalation\n\nTier 2.\n`

export function writeDiffCorpus(dir) {
  const rand = mulberry32(20260115)
  const base = sections(rand, 1_000_000)
  const variant = base.map(([h, t], i) => [h, i % 20 === 0 ? t.replace(/refund/g, 'credit') : t])
  variant.push(variant.splice(10, 1)[0], variant.splice(30, 1)[0], ['Local rule', paragraph(rand, 60)])
  mkdirSync(path.join(dir, 'sops/global'), {recursive: true})
  mkdirSync(path.join(dir, 'sops/DE'), {recursive: true})
  writeFileSync(path.join(dir, 'sops/global/big.md'), front('big', ['GLOBAL']) + render('Big procedure', base))
  writeFileSync(
    path.join(dir, 'sops/DE/big.md'),
    front('big', ['DE'], 'compliance: [GDPR]\nbased_on: "2.0.0"\n').replace('compliance: []\n', '') +
      render('Big procedure (DE)', variant),
  )
  const small = sections(rand, 20_000)
  writeFileSync(path.join(dir, 'sops/global/wide.md'), front('wide', ['GLOBAL']) + render('Wide', small))
  for (const [i, market] of MARKETS.entries()) {
    mkdirSync(path.join(dir, 'sops', market), {recursive: true})
    const changed = small.map(([h, t], j) => [h, j === i % small.length ? `${t} ${market} rule.` : t])
    writeFileSync(
      path.join(dir, 'sops', market, 'wide.md'),
      front('wide', [market], 'based_on: "2.0.0"\n') + render(`Wide (${market})`, changed),
    )
  }
  writeFileSync(path.join(dir, 'sopkit.config.yaml'), 'rules: {require-compliance: off}\n')
  writePathological(dir, rand)
  return {bigBytes: render('Big procedure', base).length, markets: MARKETS.length}
}

/** The pathological inputs of issue 19, each in its own small repo beside the diff corpus. */
function writePathological(dir, rand) {
  // Two ~100 KB versions of one section that share no word: an unbounded word diff took minutes.
  const words = (seed, n) => Array.from({length: n}, (_, i) => `${seed}${(i * 7919) % 100_003}`).join(' ')
  writeFileSync(
    path.join(dir, 'sops/global/words.md'),
    front('words', ['GLOBAL']) + render('Words', [['Long', words('alpha', 14_000)]]),
  )
  writeFileSync(
    path.join(dir, 'sops/DE/words.md'),
    front('words', ['DE'], 'based_on: "2.0.0"\n') + render('Words (DE)', [['Long', words('omega', 14_000)]]),
  )
  // One document with 400,000 headings: a search per section took 71 s.
  const headings = path.join(dir, 'headings-repo')
  mkdirSync(path.join(headings, 'sops/global'), {recursive: true})
  mkdirSync(path.join(headings, '.git'), {recursive: true})
  const many = Array.from({length: 400_000}, (_, i) => [`Step ${i}`, 'Do it.'])
  writeFileSync(path.join(headings, 'sops/global/many.md'), front('many', ['GLOBAL']) + render('Many', many))
  writeFileSync(path.join(headings, 'sopkit.config.yaml'), 'maxFileSize: 100000000\nrules: {require-compliance: off}\n')
  // An inventory of 10,000 rows: rebuilding the library per row took 166 s for 8,000.
  const inventory = path.join(dir, 'import-repo')
  mkdirSync(path.join(inventory, '.git'), {recursive: true})
  const row = i =>
    `Procedure ${i} ${paragraph(rand, 2).replace('.', '')},${i % 3 === 0 ? 'GLOBAL' : 'DE'},chatbot,cs-ops@example.com,sop`
  const rows = Array.from({length: 10_000}, (_, i) => row(i))
  writeFileSync(path.join(inventory, 'inventory.csv'), ['Title,Market,Channel,Owner,Type', ...rows].join('\n') + '\n')
  // And of 100,000 rows (issue 19's target: under a minute); the first 10,000 are the rows above.
  rows.push(...Array.from({length: 90_000}, (_, i) => row(10_000 + i)))
  writeFileSync(
    path.join(inventory, 'inventory-100k.csv'),
    ['Title,Market,Channel,Owner,Type', ...rows].join('\n') + '\n',
  )
}
