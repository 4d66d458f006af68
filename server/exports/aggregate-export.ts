import type { Codebook } from '../domain/codebook.js'
import { codebookTable } from './formats/codebook-table.js'
import { crossTable } from './formats/cross-table.js'
import { STANDARD_CSV, toCsv, type CsvDialect } from './formats/csv.js'
import { labelledRows, labellerOf } from './formats/labelled-rows.js'
import type { AggregatesView, LongOrder } from './formats/long-table.js'
import { buildWorkbook } from './xlsx-workbook.js'

const orderOf = (codebook: Codebook): LongOrder => ({
  questions: codebook.entries.map((e) => e.name),
  values: new Map(codebook.entries.map((e) => [e.name, e.values.map((v) => v.value)])),
})

/**
 * `views`: the requested table first, then the one-way tables of the release's dimensions: the
 * tables the results page shows (its table, its charts and option table by any one dimension).
 */
export interface AggregateFiles {
  views: AggregatesView[]
  codebook: Codebook
  /** Language of the labels beside the codes. */
  lang: string
}

const longTable = ({ views, codebook, lang }: AggregateFiles) =>
  labelledRows(views, orderOf(codebook), labellerOf(codebook, lang))

export const aggregatesCsv = (files: AggregateFiles, dialect: CsvDialect = STANDARD_CSV) => {
  const { header, rows } = longTable(files)
  return toCsv(header, rows, dialect)
}

export function aggregatesWorkbook(files: AggregateFiles) {
  const label = labellerOf(files.codebook, files.lang)
  return buildWorkbook({
    long: longTable(files),
    crossTables: files.views.map((view) => crossTable(view, label.dimension)),
    codebook: codebookTable(files.codebook),
    minGroupSize: files.views[0].minGroupSize,
  })
}
