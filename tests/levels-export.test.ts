/**
 * Exports by a level (issue 22): the aggregate files by `region.area` name the level's column
 * and label its groups in the chosen language; the one-way tables of the release (the level's
 * too) follow; the codebook lists which values form each group. On both engines (levelsSetup is
 * a createTestContext).
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { parseCsv } from './csv.js'
import { downloadText } from './export-setup.js'
import { AREAS, answerFirstBatch, base, levelsSetup } from './levels-fixtures.js'

const LABELS = {
  fi: { south: 'Etelä-Suomi', west: 'Länsi-Suomi', north: 'Pohjois-Suomi' },
  sv: { south: 'Södra Finland', west: 'Västra Finland', north: 'Norra Finland' },
  en: { south: 'Southern Finland', west: 'Western Finland', north: 'Northern Finland' },
} as const

async function released() {
  const setup = await levelsSetup()
  await answerFirstBatch(setup.answer)
  await setup.release()
  return setup
}

describe('aggregate export by a level', { timeout: 120_000 }, () => {
  it.each(['fi', 'sv', 'en'] as const)(
    'names the column region.area with its groups labelled in %s, beside the other one-way tables',
    async (lang) => {
      const { admin, aggregates } = await released()
      const res = await admin.get(`${base}/export?format=csv&by=sector,region.area&lang=${lang}`)
      expect(res.status).toBe(200)
      const { header, rows } = parseCsv(await downloadText(res))
      expect(header.slice(0, 5)).toEqual([
        'table',
        'sector',
        'sector_label',
        'region.area',
        'region.area_label',
      ])
      // Requested table, then every one-way table of the release, the level's included.
      const tables = [...new Set(rows.map((row) => row.table))]
      expect(tables).toEqual(['total', 'sector x region.area', 'sector', 'region', 'region.area'])
      for (const row of rows.filter((r) => r['region.area'] in AREAS)) {
        const area = row['region.area'] as keyof typeof AREAS
        expect(row['region.area_label']).toBe(LABELS[lang][area])
      }
      // The file's figures are the API's, group by group.
      const api = await aggregates('by=region.area')
      const oneWay = rows.filter((row) => row.table === 'region.area' && row.question === '')
      expect(oneWay.map((row) => row['region.area'])).toEqual(['south', 'west', 'north', ''])
      for (const group of api.groups) {
        const row = oneWay.find((r) => r['region.area'] === group.key['region.area'])!
        expect(row.suppressed).toBe(group.suppressed ? 'TRUE' : 'FALSE')
        expect(row.n).toBe(group.suppressed ? '' : String(group.n))
        expect(row.sector).toBe('(all)')
      }
      const crossed = rows.filter((row) => row.table === 'sector x region.area')
      expect(crossed.some((row) => row.suppressed === 'FALSE')).toBe(true)
    },
  )

  it('as csv-semicolon and xlsx: the level column and a cross-table sheet with labels', async () => {
    const { admin } = await released()
    const semicolon = await admin.get(`${base}/export?format=csv-semicolon&by=region.area&lang=sv`)
    const { header, rows } = parseCsv(await downloadText(semicolon), ';')
    expect(header.slice(0, 3)).toEqual(['table', 'region.area', 'region.area_label'])
    expect(rows.find((r) => r['region.area'] === 'north')!['region.area_label']).toBe('Norra Finland')

    const res = await admin.get(`${base}/export?format=xlsx&by=sector,region.area&lang=fi`)
    expect(res.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await res.arrayBuffer())
    const names = workbook.worksheets.map((s) => s.name)
    expect(names).toContain('sector x region.area')
    expect(names).toContain('region.area')
    const sheet = workbook.getWorksheet('region.area')!
    const labels = sheet.getColumn(2).values.filter((v) => typeof v === 'string')
    expect(labels).toEqual(expect.arrayContaining(['Etelä-Suomi', 'Länsi-Suomi', 'Pohjois-Suomi']))
  })

  it('before the first release: the level column with every group suppressed', async () => {
    const { admin, answer } = await levelsSetup()
    await answerFirstBatch(answer)
    const res = await admin.get(`${base}/export?format=csv&by=region.area&lang=fi`)
    const { rows } = parseCsv(await downloadText(res))
    const groups = rows.filter((r) => r.table === 'region.area')
    expect(groups.map((r) => [r['region.area'], r['region.area_label'], r.suppressed])).toEqual([
      ['south', 'Etelä-Suomi', 'TRUE'],
      ['west', 'Länsi-Suomi', 'TRUE'],
      ['north', 'Pohjois-Suomi', 'TRUE'],
      ['', '', 'TRUE'],
    ])
  })

  it('refuses by=region,region.area with 422 invalid_dimension', async () => {
    const { admin } = await released()
    const res = await admin.get(`${base}/export?format=csv&by=region,region.area`)
    expect(res.status).toBe(422)
    expect((await res.json()).error.code).toBe('invalid_dimension')
  })
})

describe('codebook with a level', { timeout: 60_000 }, () => {
  it('lists each group and its members in JSON, CSV and Markdown', async () => {
    const { admin } = await levelsSetup()
    const json = await (await admin.get(`${base}/codebook`)).json()
    expect(json.levels).toEqual([
      {
        name: 'region.area',
        of: 'region',
        title: { fi: 'Yhteistyöalue', sv: 'Samarbetsområde', en: 'Collaborative area' },
        groups: Object.entries(AREAS).map(([value, members]) => ({
          value,
          label: { fi: LABELS.fi[value as 'south'], sv: LABELS.sv[value as 'south'], en: LABELS.en[value as 'south'] },
          members,
        })),
      },
    ])

    const { header, rows } = parseCsv(await downloadText(await admin.get(`${base}/codebook?format=csv`)))
    expect(header.at(-1)).toBe('members')
    const level = rows.filter((r) => r.question === 'region.area')
    expect(level.map((r) => [r.row_kind, r.value, r.label_sv, r.members])).toEqual([
      ['level', '', 'Samarbetsområde', ''],
      ['group', 'south', 'Södra Finland', 'helsinki vantaa_kerava'],
      ['group', 'west', 'Västra Finland', 'pirkanmaa varsinais_suomi'],
      ['group', 'north', 'Norra Finland', 'lappi pohjois_pohjanmaa'],
    ])

    const md = await (await admin.get(`${base}/codebook?format=md`)).text()
    expect(md).toContain('### `region.area`: groups of `region`')
    expect(md).toContain('| `south` | `helsinki`, `vantaa_kerava` | Etelä-Suomi | Södra Finland | Southern Finland |')
  })
})
