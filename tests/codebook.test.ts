import { describe, expect, it } from 'vitest'
import { parseCsv } from './csv.js'
import { base, downloadText, exportSetup } from './export-setup.js'
import { addSurvey, createTestContext } from './helpers.js'
import { miniSurvey } from './fixtures.js'

describe('GET /codebook', () => {
  it('answers JSON by default, for the latest version', async () => {
    const { researcher } = await exportSetup(await createTestContext())
    const res = await researcher.get(`${base}/codebook`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="counter-trafficking-v1-codebook.json"',
    )
    const body = await res.json()
    expect(body).toMatchObject({
      survey: 'counter-trafficking',
      version: 1,
      locales: ['fi', 'sv', 'en'],
    })
    expect(
      body.entries.find((e: { name: string }) => e.name === 'knowledge_consent'),
    ).toMatchObject({
      correctAnswer: 'true',
      isDimension: false,
    })
  })

  it('selects a version, and answers 404 for one that does not exist', async () => {
    const { researcher, db } = await exportSetup(await createTestContext())
    await addSurvey(db, 'mini', miniSurvey)
    await addSurvey(db, 'mini', { ...miniSurvey, title: 'Mini 2' })
    const first = await (await researcher.get('/api/admin/surveys/mini/codebook?version=1')).json()
    const latest = await (await researcher.get('/api/admin/surveys/mini/codebook')).json()
    expect([first.version, latest.version]).toEqual([1, 2])
    expect(latest.title.en).toBe('Mini 2')
    const missing = await researcher.get('/api/admin/surveys/mini/codebook?version=7')
    expect(missing.status).toBe(404)
    expect((await missing.json()).error.code).toBe('version_not_found')
  })

  it('as CSV has a row per question, value and item, readable with default CSV readers', async () => {
    const { researcher } = await exportSetup(await createTestContext())
    const { header, rows } = parseCsv(
      await downloadText(await researcher.get(`${base}/codebook?format=csv`)),
    )
    expect(header.slice(0, 6)).toEqual([
      'question',
      'row_kind',
      'value',
      'label_fi',
      'label_sv',
      'label_en',
    ])
    const region = rows.filter((r) => r.question === 'region' && r.row_kind === 'value')
    expect(region).toHaveLength(23)
    expect(region.find((r) => r.value === 'ahvenanmaa')).toMatchObject({
      label_sv: 'Åland',
      label_fi: 'Ahvenanmaa',
    })
    const met = rows.find((r) => r.question === 'met_count' && r.row_kind === 'question')!
    expect(met.visible_if).toBe("{met_possible_victim} anyof ['yes', 'not_sure']")
  })

  it('as Markdown has a section per question', async () => {
    const { researcher } = await exportSetup(await createTestContext())
    const res = await researcher.get(`${base}/codebook?format=md`)
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    const md = await res.text()
    expect(md).toContain('## `knowledge_border`')
    expect(md).toContain('- correct answer: `false`')
  })

  it('refuses an unknown format with 422 and an unknown survey with 404', async () => {
    const { researcher } = await exportSetup(await createTestContext())
    const bad = await researcher.get(`${base}/codebook?format=xml`)
    expect(bad.status).toBe(422)
    expect((await bad.json()).error).toMatchObject({
      code: 'invalid_format',
      details: [{ field: 'format' }],
    })
    expect((await researcher.get('/api/admin/surveys/nope/codebook')).status).toBe(404)
  })
})
