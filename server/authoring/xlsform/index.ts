import { parseForm } from './parse-form.js'
import type { SheetProblem } from './problems.js'
import { readWorkbookFile, writeWorkbookFile } from './workbook-file.js'
import { writeForm, type ExportProblem } from './write-form.js'

export type { SheetProblem } from './problems.js'
export { MAX_XLSX_BYTES, XLSX_TYPE } from './workbook-file.js'

export type XlsFormImport =
  | { ok: true; definition: Record<string, unknown>; warnings: SheetProblem[] }
  | { ok: false; status: 413 | 422; problems: SheetProblem[] }

/** An .xlsx XLSForm as a SurveyJS definition with warnings, or every problem found. */
export async function importXlsForm(bytes: Uint8Array): Promise<XlsFormImport> {
  const read = await readWorkbookFile(bytes)
  if (!read.ok) return read
  const form = parseForm(read.book)
  if (!form.ok) return { ok: false, status: 422, problems: form.problems }
  return form
}

export type XlsFormExport =
  { ok: true; file: Uint8Array } | { ok: false; problems: ExportProblem[] }

/** A SurveyJS definition as an .xlsx XLSForm, or what in it XLSForm cannot say. */
export async function exportXlsForm(
  definition: Record<string, unknown>,
  meta: { formId: string; version?: number },
): Promise<XlsFormExport> {
  const form = writeForm(definition, meta)
  if (!form.ok) return form
  return { ok: true, file: await writeWorkbookFile(form.sheets) }
}
