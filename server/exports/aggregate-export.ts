import type { Codebook } from '../domain/codebook.js'
import { codebookTable } from './formats/codebook-table.js'
import { crossTable } from './formats/cross-table.js'
import { toCsv } from './formats/csv.js'
import {
  longColumns,
  longRowFields,
  toLongRows,
  type AggregatesView,
  type LongOrder,
} from './formats/long-table.js'
import { buildWorkbook } from './xlsx-workbook.js'

const orderOf = (codebook: Codebook): LongOrder => ({
  questions: codebook.entries.map((e) => e.name),
  values: new Map(codebook.entries.map((e) => [e.name, e.values.map((v) => v.value)])),
})

function longTable(view: AggregatesView, codebook: Codebook) {
  const rows = toLongRows(view, orderOf(codebook)).map((row) => longRowFields(view.by, row))
  return { header: longColumns(view.by), rows }
}

export const aggregatesCsv = (view: AggregatesView, codebook: Codebook) => {
  const { header, rows } = longTable(view, codebook)
  return toCsv(header, rows)
}

/** `views`: the requested table first, then the one-way tables of its dimensions. */
export function aggregatesWorkbook(views: AggregatesView[], codebook: Codebook) {
  return buildWorkbook({
    long: longTable(views[0], codebook),
    crossTables: views.map(crossTable),
    codebook: codebookTable(codebook),
    minGroupSize: views[0].minGroupSize,
  })
}
