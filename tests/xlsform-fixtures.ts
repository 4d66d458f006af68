import ExcelJS from 'exceljs'
import { zipSync } from 'fflate'
import { exportXlsForm } from '../server/authoring/xlsform/index.js'
import { miniSurvey } from './fixtures.js'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

let mini: Promise<Uint8Array> | undefined

/** The mini questionnaire as an XLSForm workbook (made once). */
export function miniXlsx(): Promise<Uint8Array> {
  mini ??= exportXlsForm(miniSurvey, { formId: 'mini' }).then((out) => {
    if (!out.ok) throw new Error(JSON.stringify(out.problems))
    return out.file
  })
  return mini
}

/** A workbook with a `levels` sheet of these rows added (or replaced). */
export async function withLevelsSheet(file: Uint8Array, rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(file as unknown as ArrayBuffer)
  const old = workbook.getWorksheet('levels')
  if (old) workbook.removeWorksheet(old.id)
  const sheet = workbook.addWorksheet('levels')
  for (const row of rows) sheet.addRow(row)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** A small zip that unpacks to `mib` MiB of zeros (a zip bomb, honest about its size). */
export const zipBomb = (mib: number) =>
  zipSync({ '[Content_Types].xml': new Uint8Array(mib * 1024 * 1024) }, { level: 9 })

/**
 * The same, lying: its headers say 100 bytes, so only inflating would find the rest. The sizes
 * sit at fixed offsets of the local header (22) and of the central directory entry (24).
 */
export function lyingZipBomb(mib: number): Uint8Array {
  const zip = zipBomb(mib)
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  view.setUint32(22, 100, true)
  for (let at = zip.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) === 0x02014b50) {
      view.setUint32(at + 24, 100, true)
      break
    }
  }
  return zip
}
