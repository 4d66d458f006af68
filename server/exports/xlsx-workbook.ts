import type ExcelJS from 'exceljs'
import type { CsvField } from './formats/csv.js'
import type { CrossCell, CrossTable } from './formats/cross-table.js'

export interface WorkbookContent {
  long: { header: string[]; rows: CsvField[][] }
  crossTables: CrossTable[]
  codebook: { header: string[]; rows: CsvField[][] }
  minGroupSize: number
}

// Excel refuses sheet names over 31 characters or with []:*?/\.
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31)

// Empty text is an empty cell, as in the CSV.
const cellValue = (field: CsvField) => (field === undefined || field === '' ? null : field)

function addTable(sheet: ExcelJS.Worksheet, header: string[], rows: CsvField[][]) {
  sheet.addRow(header).font = { bold: true }
  for (const row of rows) sheet.addRow(row.map(cellValue))
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
}

function addGrid(
  sheet: ExcelJS.Worksheet,
  table: CrossTable,
  [title, measure]: [string, string],
  grid: CrossCell[][],
) {
  sheet.addRow([title]).font = { bold: true }
  const corner = table.columnDimension
    ? `${table.rowDimension} \\ ${table.columnDimension}`
    : table.rowDimension
  const columns = table.columnDimension ? table.columns : [measure]
  sheet.addRow([corner, 'label', ...columns]).font = { bold: true }
  // Codes head the columns (for formulas and scripts); their labels sit in the row below.
  if (table.columnDimension) sheet.addRow(['', '', ...table.columnLabels]).font = { italic: true }
  table.rows.forEach((row, i) => sheet.addRow([row, table.rowLabels[i] || null, ...grid[i]]))
}

/**
 * Layout of a cross-table sheet (tests read it back): row 1 title, row 2 header (codes), for a
 * two-way table row 3 the column labels, then one row per value of the first dimension (code,
 * label, cells); an empty row; the same for the mean knowledge score in percent.
 */
function addCrossSheet(workbook: ExcelJS.Workbook, table: CrossTable, minGroupSize: number) {
  const name = table.columnDimension
    ? `${table.rowDimension} x ${table.columnDimension}`
    : table.rowDimension
  const sheet = workbook.addWorksheet(sheetName(name))
  addGrid(sheet, table, ['Respondents', 'n'], table.respondents)
  sheet.addRow([])
  const knowledge = 'Knowledge score (mean percent of quiz items correct, 0-100)'
  addGrid(sheet, table, [knowledge, 'knowledge_score'], table.knowledgeScore)
  sheet.addRow([])
  sheet.addRow([
    `"suppressed": fewer than ${minGroupSize} respondents, or hidden so that hidden groups cannot be worked out; empty groups look the same.`,
  ])
}

/** The long table, one sheet per cross-table, and the codebook, as an .xlsx file. */
export async function buildWorkbook(content: WorkbookContent): Promise<Uint8Array> {
  // Loaded on first use: importing exceljs takes about a third of the server's start-up.
  const { default: excel } = await import('exceljs')
  const workbook = new excel.Workbook()
  addTable(workbook.addWorksheet('Long table'), content.long.header, content.long.rows)
  for (const table of content.crossTables) addCrossSheet(workbook, table, content.minGroupSize)
  addTable(workbook.addWorksheet('Codebook'), content.codebook.header, content.codebook.rows)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
