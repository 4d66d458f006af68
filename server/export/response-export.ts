import { randomInt } from 'node:crypto'
import { Zip, ZipDeflate, strToU8 } from 'fflate'
import type { Kysely } from 'kysely'
import { releasedAnswerColumns, releasedResponses } from '../../db/queries/released-responses.js'
import type { Database } from '../../db/schema.js'
import {
  anonymiseResponses,
  GENERALISED,
  type AnonymisationReport,
  type AnonymisedRow,
} from '../domain/anonymise-responses.js'
import type { Codebook } from '../domain/codebook.js'
import { codebookMarkdown } from '../domain/export/codebook-markdown.js'
import { csvLine, UTF8_BOM, type CsvField } from '../domain/export/csv.js'
import { rScript, spssSyntax, type LabelLanguage } from '../domain/export/label-scripts.js'
import {
  planResponseColumns,
  responseHeader,
  toResponseRecord,
  type ResponseLayout,
} from '../domain/export/response-columns.js'

export interface ResponseExport {
  layout: ResponseLayout
  rows: AnonymisedRow<CsvField[]>[]
  report: AnonymisationReport
}

/** Uniform in [0, 1) from the CSPRNG: the row order must not be predictable. */
const secureRandom = () => randomInt(2 ** 47) / 2 ** 47

/**
 * Every response of releases 1..releaseNo, k-anonymised. Read page by page; the rows are held
 * once, compactly (the anonymiser must see all of them before any can be written).
 */
export async function readResponseExport(
  db: Kysely<Database>,
  scope: { surveyId: number; releaseNo: number },
  codebook: Codebook,
  minGroupSize: number,
  random = secureRandom,
): Promise<ResponseExport> {
  const layout = planResponseColumns(codebook, await releasedAnswerColumns(db, scope))
  const records = []
  for await (const page of releasedResponses(db, scope)) {
    for (const response of page) records.push(toResponseRecord(response, layout))
  }
  const { rows, report } = anonymiseResponses(records, {
    minGroupSize,
    dimensions: layout.dimensions,
    random,
  })
  return { layout, rows, report }
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
    `Every combination of ${report.dimensions.join(', ')} in the file occurs at least`,
    `${report.minGroupSize} times (MIN_GROUP_SIZE). Rarer combinations were generalised one`,
    `dimension at a time (the value becomes \`${GENERALISED}\`; the \`generalised\` column names`,
    'the dimensions changed in each row); rows that still occurred too rarely were dropped.',
    'Free text, response ids and dates finer than the month are never exported; a month is blank',
    'where a combination had a month with fewer rows than the minimum. Rows are shuffled.',
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
