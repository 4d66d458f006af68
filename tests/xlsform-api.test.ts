import { beforeEach, describe, expect, it } from 'vitest'
import {
  BUNDLED_SLUG,
  countRows,
  createTestContext,
  createUser,
  signedInClient,
  signIn,
} from './helpers.js'
import { handmadeXlsx, MISSING_LABEL } from './fixtures/xlsform/handmade.js'
import { miniXlsx, withLevelsSheet, XLSX_TYPE, zipBomb } from './xlsform-fixtures.js'

// A fresh database per test: helpers.ts drops each one after its test.
let ctx: Awaited<ReturnType<typeof createTestContext>>
let admin = ''
let researcher = ''
beforeEach(async () => {
  ctx = await createTestContext()
  await createUser(ctx.db, 'ada', 'admin', 'correct horse battery staple')
  await createUser(ctx.db, 'rob', 'researcher', 'correct horse battery staple')
  admin = await signIn(ctx.app, 'ada', 'correct horse battery staple')
  researcher = await signIn(ctx.app, 'rob', 'correct horse battery staple')
})

const upload = (slug: string, bytes: Uint8Array, cookie?: string, type = XLSX_TYPE) =>
  ctx.app.request(`/api/admin/surveys/import?slug=${slug}`, {
    method: 'POST',
    headers: { Cookie: cookie ?? admin, 'Content-Type': type },
    body: bytes as unknown as BodyInit,
  })
const download = (slug: string, cookie?: string, query = '') =>
  ctx.app.request(`/api/admin/surveys/${slug}/xlsform${query}`, {
    headers: { Cookie: cookie ?? researcher },
  })
const audits = (target: string) =>
  ctx.db.selectFrom('audit_log').selectAll().where('target', '=', target).execute()

describe('POST /api/admin/surveys/import', () => {
  it('creates a draft as POST /surveys does, with the warnings, audited', async () => {
    const res = await upload('handmade', await handmadeXlsx())
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body).toMatchObject({
      slug: 'handmade',
      title: 'Hand-made form',
      status: 'draft',
      version: 1,
    })
    expect(body.warnings).toContainEqual(expect.objectContaining(MISSING_LABEL))
    const entries = await audits('handmade')
    expect(entries.map((e) => e.action)).toEqual(['survey.create'])
    const again = await upload('handmade', await handmadeXlsx())
    expect(again.status).toBe(200) // an existing draft is replaced, as PUT does
    expect((await audits('handmade')).map((e) => e.action)).toContain('survey.replace-draft')
  })

  it('adds a version to an open survey, keeping its dimension order', async () => {
    const file = await (await download(BUNDLED_SLUG)).arrayBuffer()
    const res = await upload(BUNDLED_SLUG, new Uint8Array(file))
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'open', warnings: [] })
  })

  it('refuses researchers, other media types, garbage and zip bombs, storing nothing', async () => {
    const before = await countRows(ctx.db)
    expect((await upload('r1', await miniXlsx(), researcher)).status).toBe(403)
    expect((await upload('r2', await miniXlsx(), undefined, 'application/json')).status).toBe(415)
    const garbage = await upload('r3', new TextEncoder().encode('not a workbook'))
    expect(garbage.status).toBe(422)
    expect((await garbage.json()).error.code).toBe('invalid_xlsform')
    const bomb = await upload('r4', zipBomb(64))
    expect(bomb.status).toBe(413)
    expect((await upload('Not A Slug', await miniXlsx())).status).toBe(422)
    const refused = await upload(
      'r5',
      await handmadeXlsx((rows) => void (rows[9][6] = 'today() > 3')),
    )
    expect(refused.status).toBe(422)
    expect((await refused.json()).error.details).toEqual([
      { sheet: 'survey', row: 10, column: 'relevant', message: expect.any(String) },
    ])
    expect(await countRows(ctx.db)).toEqual(before)
  })
})

describe('levels in the spreadsheet', () => {
  // The hand-made form's dimension `unit` (ward, clinic, other) as in- and outpatient units.
  const inLanguages = (base: string) =>
    ['English (en)', 'Suomi (fi)', 'Svenska (sv)'].map((language) => `${base}::${language}`)
  const KIND = [
    ['level', 'of', ...inLanguages('level_label'), 'group', ...inLanguages('label'), 'member'],
    ['kind', 'unit', 'Kind', 'Laji', 'Typ', 'inpatient', 'Ward', 'Osasto', 'Avdelning', 'ward'],
    ['kind', 'unit', '', '', '', 'outpatient', 'Outpatient', 'Avo', 'Öppen', 'clinic'],
    ['kind', 'unit', '', '', '', 'outpatient', '', '', '', 'other'],
  ]
  const text = (en: string, fi: string, sv: string) => ({ default: en, fi, sv })
  const definitionOf = async (slug: string) => {
    const res = await ctx.app.request(`/api/admin/surveys/${slug}`, { headers: { Cookie: admin } })
    return (await res.json()).definition as Record<string, unknown>
  }

  it('become the definition\'s levels, which a download writes back', async () => {
    const res = await upload('wards', await withLevelsSheet(await handmadeXlsx(), KIND))
    expect(res.status).toBe(201)
    expect((await res.json()).warnings).toHaveLength(2) // the hand-made form's own
    const levels = [
      {
        name: 'kind',
        of: 'unit',
        title: text('Kind', 'Laji', 'Typ'),
        groups: [
          { value: 'inpatient', text: text('Ward', 'Osasto', 'Avdelning'), members: ['ward'] },
          {
            value: 'outpatient',
            text: text('Outpatient', 'Avo', 'Öppen'),
            members: ['clinic', 'other'],
          },
        ],
      },
    ]
    expect((await definitionOf('wards')).levels).toEqual(levels)
    const file = new Uint8Array(await (await download('wards')).arrayBuffer())
    const again = await upload('wards', file)
    expect(again.status).toBe(200)
    expect((await definitionOf('wards')).levels).toEqual(levels)
  })

  it('are refused with the sheet, row and column of each problem, storing nothing', async () => {
    const before = await countRows(ctx.db)
    const twice = [...KIND, ['kind', 'unit', '', '', '', 'inpatient', '', '', '', 'clinic']]
    const res = await upload('wards', await withLevelsSheet(await handmadeXlsx(), twice))
    expect(res.status).toBe(422)
    const { error } = await res.json()
    expect(error.code).toBe('invalid_xlsform')
    expect(error.details).toEqual([
      { sheet: 'levels', row: 5, column: 'member', message: expect.stringMatching(/"clinic"/) },
    ])
    expect(await countRows(ctx.db)).toEqual(before)
  })

  it('of an open survey keep each member in its group (409, as any save)', async () => {
    await upload('wards', await withLevelsSheet(await handmadeXlsx(), KIND))
    const open = await signedInClient(ctx.app, admin).post('/api/admin/surveys/wards/publish')
    expect(open.status).toBe(200)
    const moved = KIND.map((row) =>
      row.at(-1) === 'other' ? [...row.slice(0, 5), 'inpatient', '', '', '', 'other'] : row,
    )
    const res = await upload('wards', await withLevelsSheet(await handmadeXlsx(), moved))
    expect(res.status).toBe(409)
    const { error } = await res.json()
    expect(error.code).toBe('dimensions_changed')
    expect(error.details[0].message).toMatch(/"other" must stay in group "outpatient"/)
    // Another level may be added, as to any open survey.
    const size = [['small', 'ward'], ['big', 'clinic'], ['big', 'other']]
    const added = [
      ...KIND,
      ...size.map(([group, member]) => ['size', 'unit', '', '', '', group, '', '', '', member]),
    ]
    const res2 = await upload('wards', await withLevelsSheet(await handmadeXlsx(), added))
    expect(res2.status).toBe(200)
    expect(((await definitionOf('wards')).levels as unknown[]).length).toBe(2)
  })
})

describe('GET /api/admin/surveys/:slug/xlsform', () => {
  it('downloads the questionnaire for any signed-in user, by version', async () => {
    const res = await download(BUNDLED_SLUG, researcher, '?version=1')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE)
    expect(res.headers.get('content-disposition')).toContain(`${BUNDLED_SLUG}-v1.xlsx`)
    expect((await download(BUNDLED_SLUG, researcher, '?version=99')).status).toBe(404)
    expect((await ctx.app.request(`/api/admin/surveys/${BUNDLED_SLUG}/xlsform`)).status).toBe(401)
  })
})
