/**
 * RFC 4180 CSV that Excel, R (read.csv) and pandas read with their defaults: UTF-8 with a byte
 * order mark (Excel otherwise guesses a legacy code page and breaks ä, ö, å), CRLF line ends,
 * quotes only where needed, TRUE/FALSE for flags and empty fields for missing figures.
 */
export type CsvField = string | number | boolean | null | undefined

export const UTF8_BOM = '\uFEFF'

function formatField(field: CsvField): string {
  if (field === null || field === undefined) return ''
  if (typeof field === 'boolean') return field ? 'TRUE' : 'FALSE'
  if (typeof field === 'number') return Number.isFinite(field) ? String(field) : ''
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field
}

/** One record, CRLF-terminated. */
export const csvLine = (fields: readonly CsvField[]) => `${fields.map(formatField).join(',')}\r\n`

/** A whole (small) file: BOM, header, records. */
export function toCsv(header: readonly string[], records: Iterable<readonly CsvField[]>): string {
  const lines = [UTF8_BOM, csvLine(header)]
  for (const record of records) lines.push(csvLine(record))
  return lines.join('')
}
