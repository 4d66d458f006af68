import fc from 'fast-check'
import { strFromU8, unzipSync } from 'fflate'
import { integrityRuns } from './property-runs.js'
import { describe, expect, it } from 'vitest'
import { listAudit } from '../db/queries/audit-log.js'
import { parseCsv } from './csv.js'
import { createTestContext } from './helpers.js'
import { base, downloadText, exportSetup } from './export-setup.js'

const SECTORS = ['primary_health_care', 'specialised_hospital_care', 'social_services']
const REGIONS = ['helsinki', 'helsinki', 'pirkanmaa', 'lappi', 'kainuu']
const PROFESSIONS = ['nurse', 'nurse', 'physician', 'midwife']
const K = 5

const group = fc.record({
  size: fc.integer({ min: 1, max: 9 }),
  sector: fc.constantFrom(...SECTORS),
  region: fc.constantFrom(...REGIONS),
  profession: fc.constantFrom(...PROFESSIONS),
  day: fc.constantFrom('2026-10-03', '2026-10-30', '2026-11-02', '2026-11-25'),
})

const countBy = (rows: Record<string, string>[], key: (row: Record<string, string>) => string) => {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1)
  return counts
}

describe('response-level export (admins)', () => {
  it('is k-anonymous on random data, with no free text, id or exact date', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(group, { minLength: 1, maxLength: 8 }), async (groups) => {
        const setup = await exportSetup(await createTestContext())
        for (const [i, g] of groups.entries()) {
          const { size, day, ...dims } = g
          await setup.answer(
            size,
            { ...dims, comment: `SECRET-${i} I am the only midwife in Kainuu` },
            day,
          )
        }
        // One file per survey, of the final release (decision 007).
        expect((await setup.admin.post(`${base}/close`)).status).toBe(200)
        await setup.answer(3, { sector: 'social_services', comment: 'SECRET-late' }) // after the release

        const res = await setup.admin.get(`${base}/export?level=responses`)
        if (res.status === 409) {
          // The published tables single out a group below k: no file can be consistent.
          expect((await res.json()).error.code).toBe('response_file_unavailable')
          return
        }
        const text = await downloadText(res)
        const { header, rows } = parseCsv(text)
        expect(header.slice(0, 6)).toEqual([
          'month',
          'sector',
          'profession',
          'region',
          'generalised',
          'knowledge_score',
        ])
        expect(header).not.toContain('comment')
        expect(text).not.toMatch(/SECRET/)
        expect(text).not.toMatch(/[0-9a-f]{32}/)
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
        const released = groups.reduce((sum, g) => sum + g.size, 0)
        expect(rows.length).toBeLessThanOrEqual(released)
        const combos = countBy(rows, (r) => [r.sector, r.region, r.profession].join('/'))
        const months = countBy(rows, (r) => [r.sector, r.region, r.profession, r.month].join('/'))
        for (const row of rows) {
          expect(row.month).toBe('')
          expect(
            combos.get([row.sector, row.region, row.profession].join('/')),
          ).toBeGreaterThanOrEqual(K)
          expect(
            months.get([row.sector, row.region, row.profession, row.month].join('/')),
          ).toBeGreaterThanOrEqual(K)
        }
        // Every released response is in the file or counted as dropped.
        const zip = unzipSync(
          new Uint8Array(
            await (
              await setup.admin.get(`${base}/export?level=responses&format=zip`)
            ).arrayBuffer(),
          ),
        )
        const note = strFromU8(zip['anonymisation.md'])
        expect(note).toContain(`- responses in the release: ${released}`)
        const dropped = Number(/- rows dropped: (\d+)/.exec(note)![1])
        expect(rows.length + dropped).toBe(released)
      }),
      // Wiring through HTTP, few cases; the k-anonymity logic itself runs 500 cases in
      // tests/domain/anonymise-responses.property.test.ts.
      integrityRuns(5),
    )
  }, 300_000)

  it('keeps common combinations as they are and generalises the rare region', async () => {
    const setup = await exportSetup(await createTestContext())
    await setup.answer(6, {
      sector: 'primary_health_care',
      region: 'helsinki',
      profession: 'nurse',
      confidence_identify: 2,
    })
    await setup.answer(3, { sector: 'primary_health_care', region: 'lappi', profession: 'nurse' })
    await setup.answer(2, { sector: 'primary_health_care', region: 'kainuu', profession: 'nurse' })
    await setup.admin.post(`${base}/close`)
    const res = await setup.admin.get(`${base}/export?level=responses`)
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="counter-trafficking-release-1-responses.csv"',
    )
    const { rows } = parseCsv(await downloadText(res))
    const regions = Object.fromEntries(countBy(rows, (r) => `${r.region}:${r.generalised}`))
    expect(regions).toEqual({ 'helsinki:': 6, '_other:region': 5 })
    const helsinki = rows.filter((r) => r.region === 'helsinki')
    expect(helsinki.map((r) => r.confidence_identify)).toEqual(Array(6).fill('2'))
    expect(helsinki[0]).toMatchObject({
      month: '',
      knowledge_border: 'false',
      'indicators.fear_anxiety': '1',
    })
    // Selected 1, not selected 0, question not answered (here: hidden by logic) empty.
    expect(helsinki[0]['training_topics_needed.legislation']).toBe('0')
    expect(helsinki[0]['actions_taken.nothing']).toBe('')
    const [entry] = await listAudit(setup.db, { limit: 1 })
    expect(entry).toMatchObject({
      actor: 'anna',
      action: 'export',
      details: { level: 'responses', format: 'csv', release: 1 },
    })
  })

  it('comes with an R script, SPSS syntax and a zip of everything, labelled in the chosen language', async () => {
    const setup = await exportSetup(await createTestContext())
    await setup.answer(5, {
      sector: 'primary_health_care',
      region: 'helsinki',
      profession: 'nurse',
    })
    await setup.admin.post(`${base}/close`)
    const r = await setup.admin.get(`${base}/export?level=responses&format=r&lang=fi`)
    expect(r.headers.get('content-disposition')).toBe(
      'attachment; filename="counter-trafficking-release-1-responses.R"',
    )
    const script = await r.text()
    expect(script).toContain(
      'read.csv("counter-trafficking-release-1-responses.csv", fileEncoding = "UTF-8-BOM"',
    )
    expect(script).toContain('responses[["sector"]] <- factor(responses[["sector"]],')
    expect(script).toContain('"Perusterveydenhuolto (terveyskeskus)"')
    expect(script).toContain('"_other"')
    const sps = await (
      await setup.admin.get(`${base}/export?level=responses&format=sps&lang=sv`)
    ).text()
    expect(sps).toContain("/FILE='counter-trafficking-release-1-responses.csv'")
    expect(sps).toContain("'primary_health_care' 'Primärvård (hälsovårdscentral)'")
    const zipRes = await setup.admin.get(`${base}/export?level=responses&format=zip`)
    expect(zipRes.headers.get('content-type')).toBe('application/zip')
    const files = unzipSync(new Uint8Array(await zipRes.arrayBuffer()))
    expect(Object.keys(files).sort()).toEqual([
      'anonymisation.md',
      'codebook.md',
      'counter-trafficking-release-1-responses.R',
      'counter-trafficking-release-1-responses.csv',
      'counter-trafficking-release-1-responses.sps',
    ])
    const { rows } = parseCsv(
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(
        files['counter-trafficking-release-1-responses.csv'],
      ),
    )
    expect(rows).toHaveLength(5)
  })

  it('is for admins only, of released responses only, and refuses unknown formats', async () => {
    const setup = await exportSetup(await createTestContext())
    await setup.answer(5)
    const expectError = async (
      who: 'admin' | 'researcher',
      query: string,
      status: number,
      code: string,
    ) => {
      const res = await setup[who].get(`${base}/export?${query}`)
      expect(res.status).toBe(status)
      expect((await res.json()).error.code).toBe(code)
    }
    await expectError('researcher', 'level=responses', 403, 'forbidden')
    await expectError('admin', 'level=responses', 404, 'release_not_found')
    await setup.admin.post(`${base}/releases`)
    await expectError('admin', 'level=responses&format=xlsx', 422, 'invalid_format')
    await expectError('admin', 'level=responses&format=r&lang=de', 422, 'invalid_lang')
    await expectError('admin', 'format=r', 422, 'invalid_format')
    expect(await listAudit(setup.db, { limit: 10 })).toMatchObject([{ action: 'release.create' }])
  })
})
