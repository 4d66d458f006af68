import type ExcelJS from 'exceljs'
import { unzipSync, zipSync } from 'fflate'
import type { Sheet, SheetProblem, SheetTexts, Workbook } from './problems.js'

// A spreadsheet is untrusted input. Limits far above any questionnaire (1000 questions at most).
export const MAX_XLSX_BYTES = 5 * 1024 * 1024
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024
const MAX_ENTRIES = 200
const MAX_ROWS = 10_000
const MAX_COLUMNS = 200

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export type WorkbookRead =
  { ok: true; book: Workbook } | { ok: false; status: 413 | 422; problems: SheetProblem[] }

const refuse = (status: 413 | 422, message: string, sheet = ''): WorkbookRead => ({
  ok: false,
  status,
  problems: [{ sheet, row: 0, column: '', message }],
})

/**
 * Unpacks at most MAX_UNPACKED_BYTES by the sizes the zip declares; fflate inflates each entry into
 * a buffer of its declared size, so a zip that understates them cannot grow past the cap either.
 * The entries are stored again uncompressed for exceljs, which then never inflates the original.
 */
function safeRepack(bytes: Uint8Array): Uint8Array | WorkbookRead {
  let total = 0
  let entries = 0
  let tooBig = false
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        entries++
        total += file.originalSize
        if (entries > MAX_ENTRIES || total > MAX_UNPACKED_BYTES) tooBig = true
        return !tooBig
      },
    })
  } catch {
    return refuse(422, 'The file is not an .xlsx workbook.')
  }
  if (tooBig) {
    return refuse(
      413,
      `The workbook unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MiB or ${MAX_ENTRIES} parts.`,
    )
  }
  if (!files['[Content_Types].xml'] || !Object.keys(files).some((n) => n.startsWith('xl/'))) {
    return refuse(422, 'The file is not an .xlsx workbook.')
  }
  return zipSync(files, { level: 0 })
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('error' in value) return ''
  }
  return ''
}

function readSheet(
  sheet: ExcelJS.Worksheet | undefined,
  name: string,
  problems: SheetProblem[],
): Sheet {
  const empty = { name, columns: [], rows: [] }
  if (!sheet) return empty
  if (sheet.rowCount > MAX_ROWS + 1 || sheet.columnCount > MAX_COLUMNS) {
    problems.push({
      sheet: name,
      row: 0,
      column: '',
      message: `At most ${MAX_ROWS} rows and ${MAX_COLUMNS} columns.`,
    })
    return empty
  }
  const header = sheet.getRow(1)
  const columns: string[] = []
  for (let c = 1; c <= sheet.columnCount; c++)
    columns.push(cellText(header.getCell(c).value).trim())
  const seen = new Set<string>()
  for (const column of columns) {
    if (column !== '' && seen.has(column)) {
      problems.push({
        sheet: name,
        row: 1,
        column,
        message: `The column "${column}" appears twice.`,
      })
    }
    seen.add(column)
  }
  const rows: Sheet['rows'] = []
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const cells: Record<string, string> = {}
    let any = false
    columns.forEach((column, i) => {
      if (column === '') return
      const text = cellText(row.getCell(i + 1).value).trim()
      cells[column] = text
      if (text !== '') any = true
    })
    if (any) rows.push({ row: r, cells })
  }
  return { name, columns, rows }
}

// Loaded on first use, as the export's workbook is: importing exceljs takes about a third of the
// server's start-up, and most servers never read or write a spreadsheet.
const loadExcel = async () => (await import('exceljs')).default

/** An .xlsx file as its survey, choices, settings and levels sheets (names ignore case). */
export async function readWorkbookFile(bytes: Uint8Array): Promise<WorkbookRead> {
  const repacked = safeRepack(bytes)
  if (!(repacked instanceof Uint8Array)) return repacked
  const workbook = new (await loadExcel()).Workbook()
  try {
    await workbook.xlsx.load(repacked as unknown as ArrayBuffer)
  } catch {
    return refuse(422, 'The file is not an .xlsx workbook.')
  }
  const byName = (name: string) =>
    workbook.worksheets.find((s) => s.name.trim().toLowerCase() === name)
  const problems: SheetProblem[] = []
  const book: Workbook = {
    survey: readSheet(byName('survey'), 'survey', problems),
    choices: readSheet(byName('choices'), 'choices', problems),
    settings: readSheet(byName('settings'), 'settings', problems),
    levels: readSheet(byName('levels'), 'levels', problems),
  }
  if (!byName('survey'))
    problems.push({
      sheet: 'survey',
      row: 0,
      column: '',
      message: 'The workbook has no sheet named "survey".',
    })
  return problems.length > 0 ? { ok: false, status: 422, problems } : { ok: true, book }
}

/** XLSForm sheets as an .xlsx file; every cell is a text cell, never a formula. */
export async function writeWorkbookFile(sheets: SheetTexts): Promise<Uint8Array> {
  const workbook = new (await loadExcel()).Workbook()
  for (const name of ['survey', 'choices', 'settings', 'levels'] as const) {
    const rows = sheets[name]
    if (!rows) continue
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
    for (const row of rows) sheet.addRow(row)
    sheet.getRow(1).font = { bold: true }
    sheet.columns.forEach((column) => (column.width = 24))
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
