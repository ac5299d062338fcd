// Plan one document per CSV row through `sopkit new`'s own path: the same templates, answers
// checks, taxonomy checks, path rules and self-check, called non-interactively. Nothing here writes;
// each planned document joins one working copy of the library (added in O(1), never rebuilt), so
// later rows see earlier ones (a row can make the variant of a baseline made a few rows above, and
// a repeated row is skipped) and the work grows linearly with the rows. A planned document joins
// it as its summary, unless a later row of the sheet may make a variant of it: memory holds a
// few kilobytes a row, not each document's text.
import type {Config} from '../core/config.js'
import {type SopDocument, isBaseline, summaryOnce} from '../core/document.js'
import {SopkitError} from '../core/errors.js'
import {addDocument, buildLibrary, type Family, type Library, type LibraryDoc} from '../core/library.js'
import {GLOBAL} from '../core/taxonomy.js'
import type {CsvRecord} from '../csv/read.js'
import type {ColumnMap} from '../csv/columns.js'
import {missingFields} from '../scaffold/answers.js'
import {type Answers, idFromTitle} from '../scaffold/fields.js'
import {type Asker, type NewRequest, prepareNew} from '../scaffold/new.js'
import {checkPlanned, parsePlanned} from '../scaffold/self-check.js'
import {fieldProblem} from '../scaffold/answers.js'
import {ASKABLE_FIELDS} from '../scaffold/fields.js'
import type {Problem} from '../scaffold/validate.js'
import {type Template, findTemplate} from '../scaffold/templates.js'
import type {RowPlan, RowProblem} from './model.js'
import {readRow} from './values.js'

export interface ImportOptions {
  /** The template for rows that name no type. */
  defaultType: string
  /** Take `sopkit new --yes` defaults (GLOBAL, the template's channels) for empty cells. */
  yes: boolean
  today: string
}

export interface ImportSource {
  header: readonly string[]
  map: ColumnMap
  records: readonly CsvRecord[]
}

/** Import never prompts; reaching a prompt would be a bug, so it fails loudly. */
const NO_PROMPTS: Asker = {
  template: () => Promise.reject(new Error('import asked for a template')),
  fields: () => Promise.reject(new Error('import asked for fields')),
  market: () => Promise.reject(new Error('import asked for a market')),
}

/**
 * Plan every row in order, one at a time (the caller writes each before the next is planned, so
 * memory holds one planned document, not the whole sheet); a row's refusal never stops the rows after it.
 */
export async function* planImport(
  config: Config,
  library: Library,
  templates: readonly Template[],
  source: ImportSource,
  options: ImportOptions,
): AsyncGenerator<RowPlan> {
  const working = buildLibrary<LibraryDoc>(config, library.documents)
  const rowsLeft = rowsPerId(config, source)
  for (const record of source.records) {
    const {plan, document} = await planRow(config, working, templates, source, record, options)
    if (document) {
      const id = document.meta.id
      if (id) rowsLeft.set(id, (rowsLeft.get(id) ?? 1) - 1)
      // As if it had been written: whole when a later row may copy its body (a variant of this baseline).
      const copiedLater = id !== undefined && isBaseline(document) && (rowsLeft.get(id) ?? 0) > 0
      addDocument(working, copiedLater ? document : summaryOnce(document))
    }
    yield plan
  }
}

/** How many rows of the sheet name each id (given, or made from the title as planRow makes it). */
function rowsPerId(config: Config, source: ImportSource): Map<string, number> {
  const counts = new Map<string, number>()
  for (const record of source.records) {
    if (record.problem) continue
    const {answers} = readRow(config, source.map, record.cells)
    const id = answers.id ?? (answers.title ? idFromTitle(answers.title) : undefined)
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}

async function planRow(
  config: Config,
  library: Library<LibraryDoc>,
  templates: readonly Template[],
  source: ImportSource,
  record: CsvRecord,
  options: ImportOptions,
): Promise<{plan: RowPlan; document?: SopDocument}> {
  const at = {row: record.row, line: record.line}
  if (record.problem)
    return {
      plan: {
        ...at,
        kind: 'error',
        reason: record.problem,
        mend: 'fix the row so it has one cell per header column (quote cells that contain the delimiter)',
      },
    }
  const values = readRow(config, source.map, record.cells)
  const answers = values.answers
  const id = answers.id ?? (answers.title ? idFromTitle(answers.title) : undefined)
  const markets = answers.markets ?? (options.yes ? [GLOBAL] : [])
  const facts = {id, markets: markets.length > 0 ? markets : undefined}
  // Every wrong cell at once, so one round of edits mends the row; the row's id and markets go with them.
  const problems = [...values.problems, ...answerProblems(config, library, answers, values.problems)]
  if (problems.length > 0) return {plan: {...at, ...facts, ...refusal(problems)}}
  if (id && markets.length > 0) {
    const existing = existingFor(library, id, markets)
    if (existing) return {plan: {...at, ...existing, id, markets}}
  }
  try {
    const request = requestFor(config, library.families.get(id ?? ''), templates, source, answers, values.type, options)
    const planned = await prepareNew(config, library, templates, request, NO_PROMPTS)
    // Parsed once: checked here, then joined to the working library.
    const document = await parsePlanned(config, planned)
    const findings = await checkPlanned(config, library, planned, options.today, document)
    if (findings.length > 0)
      return {
        plan: {
          ...at,
          ...facts,
          ...refusal(
            findings.map(f => ({
              message: `the document would fail \`sopkit check\`: ${f.message} [${f.ruleId}]`,
              mend: f.mend,
            })),
          ),
        },
      }
    const made = {id: String(planned.front.id), markets: planned.front.markets as string[]}
    return {plan: {...at, kind: 'create', ...made, planned}, document}
  } catch (error) {
    if (!(error instanceof SopkitError)) throw error
    return {plan: {...at, ...facts, kind: 'error', reason: error.message, mend: error.mend}}
  }
}

/** The values `sopkit new` would refuse, every field checked (collisions wait for the scaffold, which knows the path). */
function answerProblems(
  config: Config,
  library: Library<LibraryDoc>,
  answers: Answers,
  known: ReadonlyArray<{field: string}>,
): Problem[] {
  const ctx = {config, library, force: false, targetFor: () => config.root}
  return ASKABLE_FIELDS.filter(field => !known.some(p => p.field === field)).flatMap(field => {
    const problem = fieldProblem(ctx, field, field === 'id' ? {...answers, markets: undefined} : answers)
    return problem ? [problem] : []
  })
}

/** A refused row: one reason, or all of them with each mend. */
function refusal(problems: readonly Problem[]): {kind: 'error'; reason: string; mend: string; problems?: RowProblem[]} {
  const [first] = problems
  if (problems.length === 1) return {kind: 'error', reason: first!.message, mend: first!.mend}
  return {
    kind: 'error',
    reason: problems.map(p => p.message).join('; '),
    mend: [...new Set(problems.map(p => p.mend))].join('; '),
    problems: problems.map(p => ({reason: p.message, mend: p.mend})),
  }
}

/**
 * A row whose id already has a document for each of its markets is skipped (so a second import
 * changes nothing); one that overlaps only some of them is refused, as it cannot be made whole.
 */
function existingFor(
  library: Library<LibraryDoc>,
  id: string,
  markets: readonly string[],
): {kind: 'skip'; target: string; reason: string} | {kind: 'error'; reason: string; mend: string} | undefined {
  const family = library.families.get(id)
  if (!family) return undefined
  const documents = [...family.baselines, ...family.variants]
  const found = markets.map(m => documents.find(d => d.meta.markets.includes(m)))
  const present = found.filter((d): d is LibraryDoc => d !== undefined)
  if (present.length === 0) return undefined
  const files = [...new Set(present.map(d => d.file))].join(', ')
  if (present.length === markets.length)
    return {kind: 'skip', target: present[0]!.absPath, reason: `already exists: ${files}`}
  return {
    kind: 'error',
    reason: `"${id}" already has a document for ${markets.filter((_, i) => found[i]).join(', ')} (${files})`,
    mend: 'give each new market its own row, without the markets that already have this document',
  }
}

/**
 * The `sopkit new` request a row stands for: a market variant (`--from`) when the family already
 * has a GLOBAL baseline and the row names one market; otherwise a document from the row's template.
 */
function requestFor(
  config: Config,
  family: Family<LibraryDoc> | undefined,
  templates: readonly Template[],
  source: ImportSource,
  answers: Answers,
  type: string | undefined,
  options: ImportOptions,
): NewRequest {
  const base = {answers, cwd: config.root, force: false, yes: options.yes, interactive: false, today: options.today}
  const markets = answers.markets ?? []
  if (family && family.baselines.length > 0 && markets.length === 1 && markets[0] !== GLOBAL) {
    return {...base, template: type, from: family.id, answers: {...answers, id: undefined}}
  }
  const template = findTemplate(templates, type ?? options.defaultType)
  const missing = missingFields(config, template, answers, options.yes)
  if (missing.length > 0) {
    throw new SopkitError(
      'MISSING_FIELDS',
      `missing ${missing.map(f => describeMissing(source, f)).join(', ')}`,
      `fill in ${missing.length === 1 ? 'that cell' : 'those cells'}${missing.some(f => !source.map.indexOf.has(f)) ? ', or point a column at the field with --map "Column=field"' : ''}${
        missing.some(f => f === 'markets' || f === 'channels')
          ? " (--yes takes GLOBAL and the template's channels for empty cells)"
          : ''
      }`,
    )
  }
  return {...base, template: template.name}
}

/** "owner (the Owner cell is empty)" or "owner (no column maps to it)". */
function describeMissing(source: ImportSource, field: string): string {
  const index = source.map.indexOf.get(field)
  return index === undefined ? `${field} (no column holds it)` : `${field} (the ${source.header[index]} cell is empty)`
}
