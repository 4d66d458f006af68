import { describe, expect, it } from 'vitest'
import { addSurvey, countRows, createTestContext, postJson } from './helpers.js'
import { miniSurvey, validMiniAnswers } from './fixtures.js'

const setup = async () => {
  const ctx = await createTestContext({ loadBundled: false })
  await addSurvey(ctx.db, 'mini', miniSurvey)
  return ctx
}

const expectErrorShape = async (res: Response, status: number, code?: string) => {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  const body = await res.json()
  expect(body).toEqual({
    error: { code: expect.any(String), message: expect.any(String), details: expect.any(Array) },
  })
  if (code) expect(body.error.code).toBe(code)
  return body.error as { code: string; message: string; details: Record<string, unknown>[] }
}

describe('GET /api/surveys/:slug', () => {
  it('returns slug, version, title and definition of an open survey', async () => {
    const { app } = await setup()
    const res = await app.request('/api/surveys/mini')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      slug: 'mini',
      version: 1,
      title: 'Mini survey',
      definition: miniSurvey,
    })
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('serves the latest version after the definition changed', async () => {
    const { app, db } = await setup()
    await addSurvey(db, 'mini', { ...miniSurvey, title: 'Mini survey, revised' })
    const body = await (await app.request('/api/surveys/mini')).json()
    expect(body.version).toBe(2)
    expect(body.title).toBe('Mini survey, revised')
  })

  it('serves and validates against a new version once it exists, after the old one was used', async () => {
    const { app, db } = await setup()
    const submit = (answers: object) =>
      postJson(app, '/api/surveys/mini/responses', { answers, locale: 'fi' })
    // Version 1 is read and answered first, so whatever is kept per version exists for it.
    await app.request('/api/surveys/mini')
    expect((await submit(validMiniAnswers)).status).toBe(201)
    const [page] = miniSurvey.pages
    const required = { type: 'text', name: 'workplace_size', isRequired: true }
    const elements = [...page.elements, required]
    await addSurvey(db, 'mini', { ...miniSurvey, pages: [{ ...page, elements }] })
    const served = await (await app.request('/api/surveys/mini')).json()
    expect(served.definition.pages[0].elements.at(-1)).toEqual(required)
    expect((await submit(validMiniAnswers)).status).toBe(422)
    expect((await submit({ ...validMiniAnswers, workplace_size: 'ten' })).status).toBe(201)
  })

  it.each(['draft', 'closed'] as const)('answers 404 for a %s survey', async (status) => {
    const { app, db } = await setup()
    await addSurvey(db, `a-${status}`, miniSurvey, status)
    await expectErrorShape(await app.request(`/api/surveys/a-${status}`), 404, 'survey_not_found')
  })

  it('answers 404 for an unknown survey', async () => {
    const { app } = await setup()
    await expectErrorShape(await app.request('/api/surveys/nope'), 404, 'survey_not_found')
  })
})

describe('POST /api/surveys/:slug/responses', () => {
  it('stores a valid response and answers 201 with nothing that identifies the row', async () => {
    const { app, db } = await setup()
    const res = await postJson(app, '/api/surveys/mini/responses', {
      answers: validMiniAnswers,
      locale: 'fi',
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ ok: true })
    expect(res.headers.get('location')).toBeNull()
    expect(res.headers.get('set-cookie')).toBeNull()

    const rows = await db.selectFrom('responses').selectAll().execute()
    expect(rows).toHaveLength(1)
    const [row] = rows
    expect(row.locale).toBe('fi')
    expect(row.submitted_on).toBe('2026-11-25')
    expect(row.id).toMatch(/^[0-9a-f]{32}$/)
    const stored = await db.selectFrom('response_answers').selectAll().executeTakeFirstOrThrow()
    expect(stored.response_id).toBe(row.id)
    expect(JSON.parse(stored.answers)).toEqual(validMiniAnswers)
    expect(row.knowledge_score).toBe(1)

    const version = await db.selectFrom('survey_versions').select('id').executeTakeFirstOrThrow()
    expect(row.survey_version_id).toBe(version.id)

    const values = await db
      .selectFrom('response_values')
      .select(['question', 'item', 'value', 'number'])
      .where('response_id', '=', row.id)
      .orderBy('question')
      .orderBy('item')
      .execute()
    expect(values).toEqual([
      { question: 'confidence', item: '', value: '4', number: 4 },
      { question: 'knowledge_border', item: '', value: 'false', number: null },
      { question: 'sector', item: '', value: 'hospital', number: null },
      { question: 'topics', item: 'indicators', value: 'indicators', number: null },
      { question: 'topics', item: 'law', value: 'law', number: null },
    ])
    const quiz = await db.selectFrom('response_quiz_items').select(['question', 'correct']).execute()
    expect(quiz).toEqual([{ question: 'knowledge_border', correct: 1 }])
  })

  it('records the version the respondent answered', async () => {
    const { app, db } = await setup()
    await postJson(app, '/api/surveys/mini/responses', { answers: validMiniAnswers, locale: 'sv' })
    await addSurvey(db, 'mini', { ...miniSurvey, title: 'v2' })
    await postJson(app, '/api/surveys/mini/responses', { answers: validMiniAnswers, locale: 'en' })
    const rows = await db
      .selectFrom('responses')
      .innerJoin('survey_versions', 'survey_versions.id', 'responses.survey_version_id')
      .select(['responses.locale', 'survey_versions.version'])
      .orderBy('survey_versions.version')
      .execute()
    expect(rows).toEqual([
      { locale: 'sv', version: 1 },
      { locale: 'en', version: 2 },
    ])
  })

  it('gives every response a different random id', async () => {
    const { app, db } = await setup()
    for (let i = 0; i < 20; i++) {
      await postJson(app, '/api/surveys/mini/responses', { answers: validMiniAnswers, locale: 'fi' })
    }
    const ids = (await db.selectFrom('responses').select('id').execute()).map((row) => row.id)
    expect(new Set(ids).size).toBe(20)
  })

  it('stores a score of 0 for a wrong quiz answer', async () => {
    const { app, db } = await setup()
    const answers = { ...validMiniAnswers, knowledge_border: 'true' }
    expect((await postJson(app, '/api/surveys/mini/responses', { answers })).status).toBe(201)
    const row = await db.selectFrom('responses').selectAll().executeTakeFirstOrThrow()
    expect(row.knowledge_score).toBe(0)
    expect(row.locale).toBe('en')
  })
})

describe('rejected submissions store nothing', () => {
  const body = JSON.stringify({ answers: validMiniAnswers, locale: 'fi' })

  const cases: [string, (ctx: Awaited<ReturnType<typeof setup>>) => Response | Promise<Response>, number, string][] = [
    ['malformed JSON', ({ app }) => postJson(app, '/api/surveys/mini/responses', '{"answers": {'), 400, 'malformed_json'],
    ['a JSON array body', ({ app }) => postJson(app, '/api/surveys/mini/responses', []), 400, 'invalid_body'],
    ['answers that are not an object', ({ app }) => postJson(app, '/api/surveys/mini/responses', { answers: [1] }), 400, 'invalid_body'],
    ['a missing answers field', ({ app }) => postJson(app, '/api/surveys/mini/responses', { locale: 'fi' }), 400, 'invalid_body'],
    ['an unexpected top-level field', ({ app }) => postJson(app, '/api/surveys/mini/responses', { answers: validMiniAnswers, userAgent: 'x' }), 400, 'invalid_body'],
    ['a text/plain body', ({ app }) => app.request('/api/surveys/mini/responses', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body }), 415, 'unsupported_media_type'],
    ['a form post', ({ app }) => app.request('/api/surveys/mini/responses', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'answers=1' }), 415, 'unsupported_media_type'],
    ['no content type', ({ app }) => app.request('/api/surveys/mini/responses', { method: 'POST', body }), 415, 'unsupported_media_type'],
    ['a body over 64 KiB', ({ app }) => postJson(app, '/api/surveys/mini/responses', { answers: { ...validMiniAnswers, comment: 'x'.repeat(70_000) } }), 413, 'payload_too_large'],
    ['a chunked body over 64 KiB', ({ app }) => app.request('/api/surveys/mini/responses', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: chunkedBody(80_000), duplex: 'half' } as RequestInit), 413, 'payload_too_large'],
    ['an unknown survey', ({ app }) => postJson(app, '/api/surveys/unknown/responses', JSON.parse(body)), 404, 'survey_not_found'],
    ['an unknown question', ({ app }) => postJson(app, '/api/surveys/mini/responses', { answers: { ...validMiniAnswers, age: 41 } }), 422, 'invalid_answers'],
    ['a choice that is not listed', ({ app }) => postJson(app, '/api/surveys/mini/responses', { answers: { ...validMiniAnswers, sector: 'police' } }), 422, 'invalid_answers'],
    ['a missing required answer', ({ app }) => postJson(app, '/api/surveys/mini/responses', { answers: { confidence: 3 } }), 422, 'invalid_answers'],
    ['a rating out of range', ({ app }) => postJson(app, '/api/surveys/mini/responses', { answers: { ...validMiniAnswers, confidence: 9 } }), 422, 'invalid_answers'],
    ['a locale the survey does not have', ({ app }) => postJson(app, '/api/surveys/mini/responses', { answers: validMiniAnswers, locale: 'de' }), 422, 'invalid_locale'],
  ]

  it.each(cases)('rejects %s', async (_name, send, status, code) => {
    const ctx = await setup()
    await expectErrorShape(await send(ctx), status, code)
    expect(await countRows(ctx.db)).toEqual({ responses: 0, values: 0, quiz: 0 })
  })

  it('rejects a closed survey with 404', async () => {
    const ctx = await setup()
    await ctx.db.updateTable('surveys').set({ status: 'closed' }).where('slug', '=', 'mini').execute()
    const res = await postJson(ctx.app, '/api/surveys/mini/responses', JSON.parse(body))
    await expectErrorShape(res, 404, 'survey_not_found')
    expect((await countRows(ctx.db)).responses).toBe(0)
  })

  it('names each offending question in the 422 details', async () => {
    const ctx = await setup()
    const res = await postJson(ctx.app, '/api/surveys/mini/responses', {
      answers: { sector: 'police', confidence: 'high', extra: 1 },
    })
    const error = await expectErrorShape(res, 422, 'invalid_answers')
    const questions = error.details.map((detail) => detail.question)
    expect(questions).toEqual(expect.arrayContaining(['sector', 'confidence', 'extra', 'knowledge_border']))
    for (const detail of error.details) {
      expect(detail).toEqual(
        expect.objectContaining({ question: expect.any(String), code: expect.any(String), message: expect.any(String) }),
      )
    }
  })
})

function chunkedBody(bytes: number) {
  const chunk = new TextEncoder().encode(`{"answers":{"comment":"${'y'.repeat(bytes)}"}}`)
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < chunk.length; i += 4096) controller.enqueue(chunk.slice(i, i + 4096))
      controller.close()
    },
  })
}
