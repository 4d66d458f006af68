import { describe, expect, it } from 'vitest'
import { saveSurveyVersion } from '../db/queries/surveys.js'
import { definitionChecksum } from '../server/domain/survey-definition.js'
import {
  createTestContext,
  createUser,
  postJson,
  signedInClient,
  signIn,
  type TestContext,
} from './helpers.js'

// Issue 14, finding 7: a new version with other dimensions made results answer 500 for good.
const PASSWORD = 'correct horse battery staple'
const base = '/api/admin/surveys/units'
const SECTORS = ['hospital', 'primary_care']

const survey = (extra: Record<string, unknown> = {}, sectors = SECTORS) => ({
  title: 'Units',
  elements: [
    { type: 'dropdown', name: 'sector', isRequired: true, choices: sectors },
    { type: 'dropdown', name: 'unit', choices: ['ward', 'clinic'] },
    { type: 'rating', name: 'confidence', rateMin: 1, rateMax: 5 },
  ],
  ...extra,
})

async function setup(status: 'draft' | 'released' = 'released', definition = survey()) {
  const ctx = await createTestContext({ loadBundled: false })
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  const admin = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
  expect((await admin.post('/api/admin/surveys', { slug: 'units', definition })).status).toBe(201)
  if (status === 'released') {
    expect((await admin.post(`${base}/publish`)).status).toBe(200)
    for (let i = 0; i < 6; i++) {
      const answers = { sector: 'hospital', unit: 'ward', confidence: 4 }
      const res = await postJson(ctx.app, '/api/surveys/units/responses', { answers })
      expect(res.status).toBe(201)
    }
    expect((await admin.post(`${base}/releases`)).status).toBe(201)
  }
  return { ...ctx, admin }
}

const versionCount = async (db: TestContext['db']) =>
  Number(
    (await db
      .selectFrom('survey_versions')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()).n,
  )

/** Every results endpoint a researcher or script reads. */
const RESULTS = [
  '/aggregates',
  '/aggregates?by=sector',
  '/export?format=csv',
  '/export?format=xlsx',
  '/export?format=json',
  '/export?level=responses&format=zip',
  '/codebook',
  '/timeline',
]

// The response-level file exists for the final release only (decision 007): 409 before it.
const answers = (path: string, status: number) =>
  expect(path.includes('level=responses') ? [200, 409] : [200], path).toContain(status)

describe('changing the dimensions of an open survey', { timeout: 60_000 }, () => {
  it.each([
    ['declares other dimensions', survey({ dimensions: ['sector', 'unit'] })],
    ['drops the only dimension', { title: 'Units', elements: [{ type: 'text', name: 'q' }] }],
  ])('a new version that %s is refused with 409, nothing stored', async (_case, definition) => {
    const { admin, db } = await setup()
    const before = await versionCount(db)
    const res = await admin.put(base, { definition })
    expect(res.status).toBe(409)
    const body = await res.json()
    expect(body.error.code).toBe('dimensions_changed')
    expect(body.error.details[0].message).toMatch(/\[sector\]/)
    expect(await versionCount(db)).toBe(before)
    for (const path of RESULTS) answers(path, (await admin.get(`${base}${path}`)).status)
  })

  it('a new version with the same dimensions in another order is refused', async () => {
    const { admin } = await setup('released', survey({ dimensions: ['sector', 'unit'] }))
    const res = await admin.put(base, { definition: survey({ dimensions: ['unit', 'sector'] }) })
    expect(res.status).toBe(409)
    expect((await res.json()).error.details[0].message).toMatch(/\[sector, unit\]/)
    const same = await admin.put(base, { definition: survey({ dimensions: ['sector', 'unit'] }) })
    expect(same.status).toBe(200)
  })

  it('may add a value to a dimension; results keep working', async () => {
    const { admin } = await setup()
    const res = await admin.put(base, { definition: survey({}, [...SECTORS, 'social_services']) })
    expect(res.status).toBe(200)
    expect((await res.json()).version).toBe(2)
    for (const path of RESULTS) answers(path, (await admin.get(`${base}${path}`)).status)
    expect((await admin.post(`${base}/releases`)).status).toBe(201)
    const groups = (await (await admin.get(`${base}/aggregates?by=sector`)).json()).groups
    expect(groups.map((g: { key: object }) => g.key)).toContainEqual({ sector: 'social_services' })
  })

  it('a draft may change its dimensions freely', async () => {
    const { admin } = await setup('draft')
    const res = await admin.put(base, { definition: survey({ dimensions: ['sector', 'unit'] }) })
    expect(res.status).toBe(200)
  })

  it('is refused for closed surveys too, whoever saves the version', async () => {
    const { admin, db } = await setup()
    expect((await admin.post(`${base}/close`)).status).toBe(200)
    const definition = survey({ dimensions: ['unit'] })
    const saved = await saveSurveyVersion(db, {
      slug: 'units',
      title: 'Units',
      definition: JSON.stringify(definition),
      checksum: definitionChecksum(definition),
      source: 'surveys/units.json',
      initialStatus: 'open',
    })
    expect(saved).toMatchObject({ outcome: 'dimensions-changed', version: 1 })
    expect(await versionCount(db)).toBe(1)
  })
})

describe('a survey whose dimensions changed before this was refused', { timeout: 60_000 }, () => {
  it('still answers its results and makes releases, by each release its own dimensions', async () => {
    const { admin, db } = await setup()
    const definition = survey({ dimensions: ['sector', 'unit'] })
    const v1 = await db.selectFrom('survey_versions').select('survey_id').executeTakeFirstOrThrow()
    await db
      .insertInto('survey_versions')
      .values({
        survey_id: v1.survey_id,
        version: 2,
        title: 'Units',
        definition: JSON.stringify(definition),
        checksum: definitionChecksum(definition),
        source: null,
      })
      .execute()
    for (const path of RESULTS) answers(path, (await admin.get(`${base}${path}`)).status)
    const res = await admin.get(`${base}/aggregates?by=sector,unit`)
    expect(res.status).toBe(422)
    expect((await res.json()).error.code).toBe('invalid_dimension')
    const release = await admin.post(`${base}/releases`)
    expect(release.status).toBe(409)
    expect((await release.json()).error.details[0].message).toMatch(/dimensions changed/)
  })
})
