import { describe, expect, it } from 'vitest'
import { parseCsv } from './csv.js'
import { createTestContext } from './helpers.js'
import { base, downloadText, exportSetup, releasedSample } from './export-setup.js'

const PERCENT_COLUMNS = ['knowledge_score_percent', 'percent', 'share_correct_percent']

async function released() {
  const setup = await exportSetup(await createTestContext())
  await releasedSample(setup)
  return setup
}

describe('aggregate export: labels, one percentage scale, a CSV for Finnish Excel', () => {
  it.each([
    ['fi', 'Perusterveydenhuolto (terveyskeskus)', 'Millä sektorilla työskentelet pääasiassa?'],
    ['sv', 'Primärvård (hälsovårdscentral)', 'Inom vilken sektor arbetar du huvudsakligen?'],
    ['en', 'Primary health care (health centre)', undefined],
  ])('writes labels in %s beside every code', async (lang, sectorLabel, sectorTitle) => {
    const setup = await released()
    const res = await setup.researcher.get(`${base}/export?format=csv&by=sector,region&lang=${lang}`)
    const { rows } = parseCsv(await downloadText(res))
    const sector = rows.find((row) => row.sector === 'primary_health_care')!
    expect(sector.sector_label).toBe(sectorLabel)
    expect(rows[0]).toMatchObject({ table: 'total', sector: '(all)', sector_label: '' })
    const byQuestion = rows.find((row) => row.question === 'sector' && row.value !== '')
    // Dimensions are never counted inside groups; other questions carry their labels.
    expect(byQuestion).toBeUndefined()
    const answered = rows.filter((row) => row.question !== '')
    expect(answered.length).toBeGreaterThan(0)
    for (const row of answered) {
      expect(row.question_label).not.toBe('')
      if (row.item !== '') expect(row.item_label).not.toBe('')
    }
    const choice = rows.find((row) => row.question === 'training_received' && row.value === 'none')
    expect(choice).toBeDefined()
    expect(choice!.value_label).not.toBe('')
    expect(choice!.value_label).not.toBe('none')
    if (sectorTitle) {
      const codebook = await (await setup.researcher.get(`${base}/codebook`)).json()
      const entry = codebook.entries.find((e: { name: string }) => e.name === 'training_received')
      expect(choice!.question_label).toBe(entry.title[lang])
      const label = entry.values.find((v: { value: string }) => v.value === 'none').label[lang]
      expect(choice!.value_label).toBe(label)
      expect(sectorTitle).toBe(
        codebook.entries.find((e: { name: string }) => e.name === 'sector').title[lang],
      )
    }
  })

  it('writes every percentage on one scale: 0-100 with at most one decimal', async () => {
    const setup = await released()
    const res = await setup.researcher.get(`${base}/export?format=csv&by=sector`)
    const { rows } = parseCsv(await downloadText(res))
    const values = rows.flatMap((row) => PERCENT_COLUMNS.map((c) => row[c])).filter((v) => v)
    expect(values.length).toBeGreaterThan(100)
    for (const value of values) {
      expect(value).toMatch(/^\d{1,3}(\.\d)?$/)
      expect(Number(value)).toBeLessThanOrEqual(100)
    }
    // Scores above 1 show it is not the 0-1 scale of the API.
    expect(values.some((v) => Number(v) > 1)).toBe(true)
  })

  it('csv-semicolon: the same table with semicolons, decimal commas and a BOM', async () => {
    const setup = await released()
    const query = 'by=sector,region&lang=fi'
    const standard = parseCsv(
      await downloadText(await setup.researcher.get(`${base}/export?format=csv&${query}`)),
    )
    const res = await setup.researcher.get(`${base}/export?format=csv-semicolon&${query}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="counter-trafficking-release-1-by-sector-region.csv"',
    )
    const text = await downloadText(res)
    expect(text.startsWith('\uFEFF')).toBe(true)
    const finnish = parseCsv(text, ';')
    expect(finnish.header).toEqual(standard.header)
    expect(finnish.rows).toHaveLength(standard.rows.length)
    let decimals = 0
    finnish.rows.forEach((row, i) => {
      for (const column of finnish.header) {
        const field = row[column]
        const expected = standard.rows[i][column]
        if (/^-?\d+\.\d+$/.test(expected)) {
          decimals++
          expect(field).toBe(expected.replace('.', ','))
        } else expect(field).toBe(expected)
      }
    })
    expect(decimals).toBeGreaterThan(10)
    // Labels with commas stay one field: only ';' separates.
    expect(finnish.rows.some((row) => row.question_label.includes(','))).toBe(true)
  })

  it('offers csv-semicolon for aggregates only; the knowledge export refuses it', async () => {
    const setup = await released()
    const res = await setup.researcher.get(`${base}/export?level=knowledge&format=csv-semicolon`)
    expect(res.status).toBe(422)
    expect((await res.json()).error.code).toBe('invalid_format')
    const bad = await setup.researcher.get(`${base}/export?format=csv&lang=de`)
    expect(bad.status).toBe(422)
    expect((await bad.json()).error.code).toBe('invalid_lang')
  })
})
