import { describe, expect, it } from 'vitest'
import { miniSurvey, validMiniAnswers } from './fixtures.js'
import {
  countRows,
  createTestContext,
  createUser,
  postJson,
  signIn,
  signedInClient,
} from './helpers.js'

const PASSWORD = 'correct horse battery staple'

async function setup() {
  const ctx = await createTestContext()
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  await createUser(ctx.db, 'rasmus', 'researcher', PASSWORD)
  const admin = await signIn(ctx.app, 'anna', PASSWORD)
  const researcher = await signIn(ctx.app, 'rasmus', PASSWORD)
  const as = (cookie: string) => signedInClient(ctx.app, cookie)
  return { ...ctx, admin: as(admin), researcher: as(researcher) }
}

const base = '/api/admin/surveys'

describe('publishing questionnaires', () => {
  it('creates a draft that respondents cannot see, publishes it, then closes it', async () => {
    const { app, admin } = await setup()
    const created = await admin.post(base, { slug: 'nurses-2027', definition: miniSurvey })
    expect(created.status).toBe(201)
    expect(await created.json()).toEqual({
      slug: 'nurses-2027',
      title: 'Mini survey',
      status: 'draft',
      version: 1,
    })
    expect((await app.request('/api/surveys/nurses-2027')).status).toBe(404)

    const published = await admin.post(`${base}/nurses-2027/publish`)
    expect(published.status).toBe(200)
    expect(await published.json()).toMatchObject({ status: 'open' })
    expect((await app.request('/api/surveys/nurses-2027')).status).toBe(200)
    const answered = await postJson(app, '/api/surveys/nurses-2027/responses', {
      answers: validMiniAnswers,
    })
    expect(answered.status).toBe(201)

    expect((await admin.post(`${base}/nurses-2027/close`)).status).toBe(200)
    expect((await app.request('/api/surveys/nurses-2027')).status).toBe(404)
    const late = await postJson(app, '/api/surveys/nurses-2027/responses', {
      answers: validMiniAnswers,
    })
    expect(late.status).toBe(404)
  })

  it('lists surveys with title, status, current version and response count', async () => {
    const { app, admin, researcher } = await setup()
    await admin.post(base, { slug: 'mini', definition: miniSurvey })
    await admin.post(`${base}/mini/publish`)
    await postJson(app, '/api/surveys/mini/responses', { answers: validMiniAnswers })
    await postJson(app, '/api/surveys/mini/responses', { answers: validMiniAnswers })
    await admin.put(`${base}/mini`, { definition: { ...miniSurvey, title: 'Mini, v2' } })
    await postJson(app, '/api/surveys/mini/responses', { answers: validMiniAnswers })

    for (const user of [admin, researcher]) {
      const res = await user.get(base)
      expect(res.status).toBe(200)
      const { surveys } = await res.json()
      expect(surveys).toEqual([
        {
          slug: 'counter-trafficking',
          title: expect.stringMatching(/trafficking/i),
          status: 'open',
          version: 1,
          responses: 0,
        },
        // 3 live responses read 0: rounded down to a multiple of 5 (decision 007).
        { slug: 'mini', title: 'Mini, v2', status: 'open', version: 2, responses: 0 },
      ])
    }
  })

  it('replaces a draft in place, and versions an open survey', async () => {
    const { admin, db } = await setup()
    await admin.post(base, { slug: 'mini', definition: miniSurvey })
    const replaced = await admin.put(`${base}/mini`, { definition: { ...miniSurvey, title: 'Draft 2' } })
    expect(await replaced.json()).toMatchObject({ status: 'draft', version: 1, title: 'Draft 2' })

    await admin.post(`${base}/mini/publish`)
    const versioned = await admin.put(`${base}/mini`, { definition: { ...miniSurvey, title: 'Open 2' } })
    expect(await versioned.json()).toMatchObject({ status: 'open', version: 2, title: 'Open 2' })
    const unchanged = await admin.put(`${base}/mini`, { definition: { ...miniSurvey, title: 'Open 2' } })
    expect(await unchanged.json()).toMatchObject({ version: 2 })

    const titles = await db
      .selectFrom('survey_versions')
      .innerJoin('surveys', 'surveys.id', 'survey_versions.survey_id')
      .select(['version', 'title'])
      .where('slug', '=', 'mini')
      .orderBy('version')
      .execute()
    expect(titles).toEqual([
      { version: 1, title: 'Draft 2' },
      { version: 2, title: 'Open 2' },
    ])
  })

  it.each([
    ['publishing an open survey', 'counter-trafficking', 'publish'],
    ['closing a draft', 'draft-one', 'close'],
    ['publishing a closed survey', 'closed-one', 'publish'],
  ])('refuses %s with 409', async (_case, slug, action) => {
    const { admin } = await setup()
    await admin.post(base, { slug: 'draft-one', definition: miniSurvey })
    await admin.post(base, { slug: 'closed-one', definition: miniSurvey })
    await admin.post(`${base}/closed-one/publish`)
    await admin.post(`${base}/closed-one/close`)
    const res = await admin.post(`${base}/${slug}/${action}`)
    expect(res.status).toBe(409)
    expect((await res.json()).error.code).toBe('invalid_transition')
  })

  it('refuses to change a closed survey', async () => {
    const { admin } = await setup()
    await admin.post(`${base}/counter-trafficking/close`)
    const res = await admin.put(`${base}/counter-trafficking`, { definition: miniSurvey })
    expect(res.status).toBe(409)
  })

  it.each([
    ['a slug that is not a slug', { slug: 'Nurses 2027', definition: miniSurvey }, 422, 'invalid_slug'],
    ['a definition without questions', { slug: 'empty', definition: { pages: [] } }, 422, 'invalid_definition'],
    ['a text question as a dimension', { slug: 'bad-dim', definition: { elements: [{ type: 'text', name: 'sector' }] } }, 422, 'invalid_definition'],
    ['a taken slug', { slug: 'counter-trafficking', definition: miniSurvey }, 409, 'slug_taken'],
    ['a definition that is not an object', { slug: 'x', definition: '{}' }, 400, 'invalid_body'],
  ])('refuses %s, storing nothing', async (_case, body, status, code) => {
    const { admin, db } = await setup()
    const res = await admin.post(base, body)
    expect(res.status).toBe(status)
    const error = (await res.json()).error
    expect(error.code).toBe(code)
    if (status === 422) expect(error.details.length).toBeGreaterThan(0)
    expect(await db.selectFrom('surveys').select('slug').execute()).toEqual([
      { slug: 'counter-trafficking' },
    ])
  })

  it('creates a slug once when two admins create it at the same moment', async () => {
    const { admin, db } = await setup()
    const other = { ...miniSurvey, title: 'Another mini survey' }
    // On PostgreSQL both requests run at once on pooled connections.
    const results = await Promise.all([
      admin.post(base, { slug: 'race', definition: miniSurvey }),
      admin.post(base, { slug: 'race', definition: other }),
    ])
    expect(results.map((res) => res.status).sort()).toEqual([201, 409])
    const versions = await db
      .selectFrom('survey_versions')
      .innerJoin('surveys', 'surveys.id', 'survey_versions.survey_id')
      .select('survey_versions.version')
      .where('surveys.slug', '=', 'race')
      .execute()
    expect(versions).toEqual([{ version: 1 }])
  })

  it('answers 404 for an unknown survey', async () => {
    const { admin } = await setup()
    expect((await admin.post(`${base}/nope/publish`)).status).toBe(404)
    expect((await admin.get(`${base}/nope`)).status).toBe(404)
  })
})

describe('who may publish', () => {
  it('refuses every publishing route to a researcher with 403 and changes nothing', async () => {
    const { researcher, db, app } = await setup()
    const attempts = [
      researcher.post(base, { slug: 'mine', definition: miniSurvey }),
      researcher.put(`${base}/counter-trafficking`, { definition: miniSurvey }),
      researcher.post(`${base}/counter-trafficking/close`),
      researcher.post(`${base}/counter-trafficking/publish`),
    ]
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403)
      expect((await res.json()).error.code).toBe('forbidden')
    }
    expect((await app.request('/api/surveys/counter-trafficking')).status).toBe(200)
    expect((await db.selectFrom('survey_versions').selectAll().execute()).length).toBe(1)
  })

  it('refuses everything to an anonymous caller with 401', async () => {
    const { app } = await setup()
    for (const [method, path] of [
      ['GET', base],
      ['POST', base],
      ['PUT', `${base}/counter-trafficking`],
      ['POST', `${base}/counter-trafficking/close`],
    ]) {
      const res = await app.request(path, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: method === 'GET' ? undefined : JSON.stringify({ slug: 'x', definition: miniSurvey }),
      })
      expect(res.status, `${method} ${path}`).toBe(401)
    }
  })

  it('refuses a cross-site form post even with the admin cookie', async () => {
    const { app, db } = await setup()
    const cookie = await signIn(app, 'anna', PASSWORD)
    const res = await app.request(`${base}/counter-trafficking/close`, {
      method: 'POST',
      headers: {
        Cookie: cookie,
        Origin: 'https://evil.example',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'x=1',
    })
    expect(res.status).toBe(403)
    const survey = await db.selectFrom('surveys').select('status').executeTakeFirstOrThrow()
    expect(survey.status).toBe('open')
    expect((await countRows(db)).responses).toBe(0)
  })
})
