import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { createTestContext } from './helpers.js'
import { base, exportSetup, releasedSample } from './export-setup.js'

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
    const csvRes = await setup.researcher.get(`${base}/export?format=csv&by=sector,region`)
    const csvLines = (await csvRes.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')

    const res = await setup.researcher.get(`${base}/export?format=xlsx&by=sector,region`)
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
      'Codebook',
    ])

    // Long table: the same rows as the CSV, cell by cell, numbers and flags typed.
    const long = workbook.getWorksheet('Long table')!
    expect(long.rowCount).toBe(csvLines.length)
    csvLines.forEach((line, i) => {
      const cells = rowValues(long, i + 1)
      const fields = line.split(',')
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
    const regions = rowValues(sheet, 2).slice(1) as string[]
    expect(rowValues(sheet, 2)[0]).toBe('sector \\ region')
    const sectors: string[] = []
    for (let r = 3; sheet.getRow(r).getCell(1).value !== null; r++)
      sectors.push(String(sheet.getRow(r).getCell(1).value))
    expect(sectors.length * regions.length).toBe(cross.groups.length)
    const scoreStart = 3 + sectors.length + 1
    expect(sheet.getRow(scoreStart).getCell(1).value).toMatch(/^Knowledge score/)
    for (const group of cross.groups as Group[]) {
      const r = sectors.indexOf(group.key.sector)
      const c = regions.indexOf(group.key.region)
      const n = sheet.getRow(3 + r).getCell(2 + c).value
      const score = sheet.getRow(scoreStart + 2 + r).getCell(2 + c).value
      expect(n).toBe(group.suppressed ? 'suppressed' : group.n)
      expect(score).toBe(group.suppressed ? 'suppressed' : (group.knowledgeScore ?? null))
    }
    expect(cross.groups.filter((g: Group) => !g.suppressed).length).toBeGreaterThan(0)

    // One-way tables: the same as by=sector and by=region.
    for (const [name, body] of [
      ['sector', bySector],
      ['region', byRegion],
    ] as const) {
      const oneWay = workbook.getWorksheet(name)!
      expect(rowValues(oneWay, 2)).toEqual([name, 'n'])
      ;(body.groups as Group[]).forEach((group, i) => {
        expect(rowValues(oneWay, 3 + i)).toEqual([
          group.key[name],
          group.suppressed ? 'suppressed' : group.n,
        ])
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
    expect(rowValues(long, 2).slice(0, 3)).toEqual(['(all)', false, 5])
    const sector = workbook.getWorksheet('sector')!
    for (let r = 3; r < 3 + 10; r++) expect(sector.getRow(r).getCell(2).value).toBe('suppressed')
  })
})
