/**
 * RFC 4180 CSV that Excel, R (read.csv) and pandas read with their defaults: UTF-8 with a byte
 * order mark (Excel otherwise guesses a legacy code page and breaks ä, ö, å), CRLF line ends,
 * quotes only where needed, TRUE/FALSE for flags and empty fields for missing figures.
 */
export type CsvField = string | number | boolean | null | undefined

export const UTF8_BOM = '\uFEFF'

// Spreadsheets run a cell that starts with one of these as a formula (=HYPERLINK(...) from a
// survey title). OWASP: such text gets a leading apostrophe. A plain number ("-1") is data.
const FORMULA_START = /^[=+\-@\t\r\0]/
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/** The text a CSV cell holds for `text`: never read as a formula by Excel or LibreOffice. */
export const inertCellText = (text: string) =>
  FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
export const quoteField = (text: string) =>
  /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text

/**
 * How fields are separated and decimals written. Excel in a Finnish or Swedish locale opens a
 * double-clicked CSV with ';' between fields and ',' as the decimal mark; the standard dialect
 * is what R, pandas and English Excel expect.
 */
export interface CsvDialect {
  separator: ',' | ';'
  decimal: '.' | ','
}

export const STANDARD_CSV: CsvDialect = { separator: ',', decimal: '.' }
export const SEMICOLON_CSV: CsvDialect = { separator: ';', decimal: ',' }

function formatField(field: CsvField, dialect: CsvDialect): string {
  if (field === null || field === undefined) return ''
  if (typeof field === 'boolean') return field ? 'TRUE' : 'FALSE'
  if (typeof field === 'number') {
    return Number.isFinite(field) ? String(field).replace('.', dialect.decimal) : ''
  }
  return quoteField(inertCellText(field))
}

/** One record in a dialect, CRLF-terminated. */
export const dialectLine = (fields: readonly CsvField[], dialect: CsvDialect) =>
  `${fields.map((field) => formatField(field, dialect)).join(dialect.separator)}\r\n`

/** One standard record (one argument only: callers pass it to Array.map). */
export const csvLine = (fields: readonly CsvField[]) => dialectLine(fields, STANDARD_CSV)

/** A whole (small) file: BOM, header, records. */
export function toCsv(
  header: readonly string[],
  records: Iterable<readonly CsvField[]>,
  dialect = STANDARD_CSV,
): string {
  const lines = [UTF8_BOM, dialectLine(header, dialect)]
  for (const record of records) lines.push(dialectLine(record, dialect))
  return lines.join('')
}
