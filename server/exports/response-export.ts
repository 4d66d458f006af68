import { randomInt } from 'node:crypto'
import { Zip, ZipDeflate, strToU8 } from 'fflate'
import type { Kysely } from 'kysely'
import { releasedAnswerColumns, releasedResponses } from '../../db/queries/released-responses.js'
import type { Database } from '../../db/schema.js'
import {
  GENERALISED,
  type AnonymisationReport,
  type AnonymisedRow,
  type ResponseRecord,
} from '../domain/anonymise-responses.js'
import { planResponseFile } from './formats/consistent-file.js'
import type { Atom } from '../domain/suppression/figures.js'
import type { Publication } from '../domain/suppression/index.js'
import type { Codebook } from '../domain/codebook.js'
import { codebookMarkdown } from './formats/codebook-markdown.js'
import { csvLine, UTF8_BOM, type CsvField } from './formats/csv.js'
import { rScript, spssSyntax, type LabelLanguage } from './formats/label-scripts.js'
import {
  planResponseColumns,
  responseHeader,
  toResponseRecord,
  type ResponseLayout,
} from './formats/response-columns.js'

export interface ResponseExport {
  layout: ResponseLayout
  rows: AnonymisedRow<CsvField[]>[]
  report: AnonymisationReport
}

/** Uniform in [0, 1) from the CSPRNG: the row order must not be predictable. */
const secureRandom = () => randomInt(2 ** 47) / 2 ** 47

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}

/**
 * Every response of the final release, shown as far as the published tables' classes allow
 * (decision 007; consistent-file.ts), or the reasons it cannot be made. Read page by page; the
 * rows are held once, compactly (the classes need every row before any is written).
 */
export async function readResponseExport(
  db: Kysely<Database>,
  scope: { surveyId: number; releaseNo: number },
  codebook: Codebook,
  options: { minGroupSize: number; publications: readonly Publication[] },
  random = secureRandom,
): Promise<ResponseExport | { refused: string[] }> {
  const layout = planResponseColumns(codebook, await releasedAnswerColumns(db, scope))
  const records: (ResponseRecord<CsvField[]> & { batch: number })[] = []
  for await (const page of releasedResponses(db, scope)) {
    for (const response of page) {
      records.push({ ...toResponseRecord(response, layout), batch: response.releaseNo })
    }
  }
  const keyOf = (record: ResponseRecord<CsvField[]>) =>
    Object.fromEntries(layout.dimensions.map((name, i) => [name, record.dimensions[i]]))
  const atoms = new Map<string, Atom>()
  for (const record of records) {
    const key = keyOf(record)
    const id = JSON.stringify([record.batch, record.dimensions])
    const atom = atoms.get(id) ?? { key, batch: record.batch, n: 0 }
    atom.n++
    atoms.set(id, atom)
  }
  const plan = planResponseFile(options.publications, [...atoms.values()], options.minGroupSize)
  if (!plan.ok) return { refused: plan.reasons }
  const rows: AnonymisedRow<CsvField[]>[] = records.map((record) => {
    const { values, generalised } = plan.present(keyOf(record), record.batch)
    const dimensions = layout.dimensions.map((name) => values[name])
    return { month: '', dimensions, generalised, cells: record.cells }
  })
  const generalised = Object.fromEntries(layout.dimensions.map((name) => [name, 0]))
  for (const row of rows) for (const name of row.generalised) generalised[name]++
  const report: AnonymisationReport = {
    minGroupSize: options.minGroupSize,
    dimensions: [...layout.dimensions],
    rowsIn: records.length,
    rowsOut: rows.length,
    dropped: 0,
    generalised,
    monthBlanked: rows.length,
  }
  return { layout, rows: shuffle(rows, random), report }
}

const ROWS_PER_CHUNK = 1000

/** The CSV in chunks of text, so it is never one giant string. */
export function* responseCsvChunks({ layout, rows }: ResponseExport): Generator<string> {
  yield UTF8_BOM + csvLine(responseHeader(layout))
  let lines: string[] = []
  for (const row of rows) {
    lines.push(csvLine([row.month, ...row.dimensions, row.generalised.join('+'), ...row.cells]))
    if (lines.length === ROWS_PER_CHUNK) {
      yield lines.join('')
      lines = []
    }
  }
  if (lines.length > 0) yield lines.join('')
}

/** The sidecar: what was generalised, blanked and dropped, and why. */
export function anonymisationNote(report: AnonymisationReport, heading: string): string {
  const generalised = report.dimensions.map((d) => `- ${d}: ${report.generalised[d]} rows`)
  return [
    `# Anonymisation: ${heading}`,
    '',
    `The file holds every response of the final release. The published tables split respondents`,
    `into classes (those in exactly the same published counts); every class holds at least`,
    `${report.minGroupSize} respondents (MIN_GROUP_SIZE), and each row shows ${report.dimensions.join(', ')}`,
    `only as far as its class determines them (else \`${GENERALISED}\`; the \`generalised\` column`,
    'names them), so the file and the tables together show no smaller group (docs/decisions/007).',
    'Free text, response ids and dates are never exported; the month column is blank (releases',
    'are the only time published). Rows are shuffled.',
    '',
    `- responses in the release: ${report.rowsIn}`,
    `- rows in the file: ${report.rowsOut}`,
    `- rows dropped: ${report.dropped}`,
    `- rows with the month blanked: ${report.monthBlanked}`,
    '',
    'Rows with a dimension generalised:',
    '',
    ...generalised,
    '',
  ].join('\n')
}

export interface BundleInput {
  baseName: string
  heading: string
  exported: ResponseExport
  codebook: Codebook
  lang: LabelLanguage
}

export function labelScripts(input: BundleInput) {
  const scriptInput = {
    csvFile: `${input.baseName}.csv`,
    heading: input.heading,
    codebook: input.codebook,
    layout: input.exported.layout,
    lang: input.lang,
  }
  return { r: rScript(scriptInput), sps: spssSyntax(scriptInput) }
}

/** CSV, R script, SPSS syntax, codebook and anonymisation note in one zip, built in chunks. */
export function responseZip(input: BundleInput): Uint8Array {
  const out: Uint8Array[] = []
  const zip = new Zip((error, chunk) => {
    if (error) throw error
    out.push(chunk)
  })
  const add = (name: string, chunks: Iterable<string>) => {
    const file = new ZipDeflate(name, { level: 6 })
    zip.add(file)
    for (const chunk of chunks) file.push(strToU8(chunk))
    file.push(new Uint8Array(0), true)
  }
  const { r, sps } = labelScripts(input)
  add(`${input.baseName}.csv`, responseCsvChunks(input.exported))
  add(`${input.baseName}.R`, [r])
  add(`${input.baseName}.sps`, [sps])
  add('codebook.md', [codebookMarkdown(input.codebook, input.heading)])
  add('anonymisation.md', [anonymisationNote(input.exported.report, input.heading)])
  zip.end()
  const bytes = new Uint8Array(out.reduce((sum, chunk) => sum + chunk.length, 0))
  let offset = 0
  for (const chunk of out) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return bytes
}
