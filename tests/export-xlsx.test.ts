import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { parseCsv } from './csv.js'
import { createTestContext } from './helpers.js'
import { base, downloadText, exportSetup, releasedSample } from './export-setup.js'

type Group = {
  key: Record<string, string>
  suppressed: boolean
  n?: number
  knowledgeScore?: number | null
}

async function workbookOf(res: Response) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await res.arrayBuffer())
  return workbook
}

const rowValues = (sheet: ExcelJS.Worksheet, row: number) =>
  (sheet.getRow(row).values as unknown[]).slice(1).map((v) => (v === undefined ? null : v))

describe('XLSX export', () => {
  it('holds the long table, cross-tables and codebook with the figures of the aggregates', async () => {
    const setup = await exportSetup(await createTestContext())
    await releasedSample(setup)
    const get = async (path: string) => (await setup.researcher.get(path)).json()
    const cross = await get(`${base}/aggregates?by=sector,region`)
    const bySector = await get(`${base}/aggregates?by=sector`)
    const byRegion = await get(`${base}/aggregates?by=region`)
    const byProfession = await get(`${base}/aggregates?by=profession`)
    const csvRes = await setup.researcher.get(`${base}/export?format=csv&by=sector,region&lang=sv`)
    const csv = parseCsv(await downloadText(csvRes))
    const csvLines = [csv.header, ...csv.rows.map((row) => csv.header.map((h) => row[h]))]

    const res = await setup.researcher.get(`${base}/export?format=xlsx&by=sector,region&lang=sv`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="counter-trafficking-release-1-by-sector-region.xlsx"',
    )
    const workbook = await workbookOf(res)
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Long table',
      'sector x region',
      'sector',
      'region',
      'profession',
      'region.area',
      'Codebook',
    ])

    // Long table: the same rows as the CSV, cell by cell, numbers and flags typed.
    const long = workbook.getWorksheet('Long table')!
    expect(long.rowCount).toBe(csvLines.length)
    csvLines.forEach((fields, i) => {
      const cells = rowValues(long, i + 1)
      fields.forEach((field, j) => {
        const cell = cells[j] ?? null
        if (field === '') expect(cell).toBeNull()
        else if (field === 'TRUE' || field === 'FALSE') expect(cell).toBe(field === 'TRUE')
        else if (typeof cell === 'number') expect(cell).toBe(Number(field))
        else expect(cell).toBe(field)
      })
    })

    // Cross-table: every published cell of the sector x region table, respondents and score.
    const sheet = workbook.getWorksheet('sector x region')!
    // Codes head the columns, their labels (in the chosen language) in the row below; each row
    // has its code and label; the knowledge score is a percent with one decimal.
    const regions = rowValues(sheet, 2).slice(2) as string[]
    expect(rowValues(sheet, 2).slice(0, 2)).toEqual(['sector \\ region', 'label'])
    expect(rowValues(sheet, 3)[2 + regions.indexOf('helsinki')]).toBe('Helsingfors')
    const sectors: string[] = []
    for (let r = 4; sheet.getRow(r).getCell(1).value !== null; r++)
      sectors.push(String(sheet.getRow(r).getCell(1).value))
    expect(sectors.length * regions.length).toBe(cross.groups.length)
    const labelRow = sheet.getRow(4 + sectors.indexOf('primary_health_care'))
    expect(labelRow.getCell(2).value).toBe('Primärvård (hälsovårdscentral)')
    const scoreStart = 4 + sectors.length + 1
    expect(sheet.getRow(scoreStart).getCell(1).value).toMatch(/^Knowledge score/)
    for (const group of cross.groups as Group[]) {
      const r = sectors.indexOf(group.key.sector)
      const c = regions.indexOf(group.key.region)
      const n = sheet.getRow(4 + r).getCell(3 + c).value
      const score = sheet.getRow(scoreStart + 3 + r).getCell(3 + c).value
      const percent =
        group.knowledgeScore == null ? null : Math.round(group.knowledgeScore * 1000) / 10
      expect(n).toBe(group.suppressed ? 'suppressed' : group.n)
      expect(score).toBe(group.suppressed ? 'suppressed' : percent)
    }
    expect(cross.groups.filter((g: Group) => !g.suppressed).length).toBeGreaterThan(0)

    // One-way tables: the same as by=sector and by=region.
    for (const [name, body] of [
      ['sector', bySector],
      ['region', byRegion],
      ['profession', byProfession],
    ] as const) {
      const oneWay = workbook.getWorksheet(name)!
      expect(rowValues(oneWay, 2)).toEqual([name, 'label', 'n'])
      ;(body.groups as Group[]).forEach((group, i) => {
        const [code, label, n] = rowValues(oneWay, 3 + i)
        expect([code, n]).toEqual([group.key[name], group.suppressed ? 'suppressed' : group.n])
        if (group.key[name] !== '') expect(typeof label).toBe('string')
      })
    }

    // Codebook: a question row with its labels in each language.
    const codebook = workbook.getWorksheet('Codebook')!
    const header = rowValues(codebook, 1) as string[]
    const sectorRow = rowValues(codebook, 2)
    expect(sectorRow[header.indexOf('question')]).toBe('sector')
    expect(sectorRow[header.indexOf('label_fi')]).toBe('Millä sektorilla työskentelet pääasiassa?')
    expect(sectorRow[header.indexOf('is_dimension')]).toBe(true)
  })

  it('before any release holds the total count only, like the aggregates', async () => {
    const setup = await exportSetup(await createTestContext())
    await setup.answer(6, { sector: 'primary_health_care', region: 'helsinki' })
    const res = await setup.researcher.get(`${base}/export?format=xlsx&by=sector`)
    expect(res.headers.get('content-disposition')).toContain(
      'counter-trafficking-no-release-by-sector.xlsx',
    )
    const workbook = await workbookOf(res)
    const long = workbook.getWorksheet('Long table')!
    // 6 live responses, rounded down to a multiple of 5 as every live count (decision 007).
    expect(rowValues(long, 2).slice(0, 2)).toEqual(['total', '(all)'])
    const header = rowValues(long, 1) as string[]
    expect(rowValues(long, 2)[header.indexOf('n')]).toBe(5)
    const sector = workbook.getWorksheet('sector')!
    for (let r = 3; r < 3 + 10; r++) expect(sector.getRow(r).getCell(3).value).toBe('suppressed')
  })
})
