import { describe, expect, it } from 'vitest'
import { allCorrectBundledAnswers } from './fixtures.js'
import { BUNDLED_SLUG, createTestContext, createUser, postJson, signIn } from './helpers.js'

const PASSWORD = 'correct horse battery staple'
const base = `/api/admin/surveys/${BUNDLED_SLUG}`

type Group = { key: Record<string, string>; suppressed: boolean; n?: number; questions?: Record<string, any>; knowledgeScore?: number | null }

async function setup() {
  const ctx = await createTestContext()
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  await createUser(ctx.db, 'rasmus', 'researcher', PASSWORD)
  const cookies = {
    admin: await signIn(ctx.app, 'anna', PASSWORD),
    researcher: await signIn(ctx.app, 'rasmus', PASSWORD),
  }
  const get = (who: keyof typeof cookies, path: string) =>
    ctx.app.request(path, { headers: { Cookie: cookies[who] } })
  const post = (who: keyof typeof cookies, path: string) =>
    postJson(ctx.app, path, {}, { Cookie: cookies[who] })
  const answer = async (count: number, sector: string, region: string, extra = {}) => {
    for (let i = 0; i < count; i++) {
      const answers = { ...allCorrectBundledAnswers, sector, region, ...extra }
      const res = await postJson(ctx.app, `/api/surveys/${BUNDLED_SLUG}/responses`, { answers })
      expect(res.status).toBe(201)
    }
  }
  return { ...ctx, get, post, answer }
}

function expectNoSmallGroup(groups: Group[]) {
  for (const group of groups) {
    if (group.suppressed) expect(Object.keys(group).sort()).toEqual(['key', 'suppressed'])
    else expect(group.n).toBeGreaterThanOrEqual(5)
  }
}

describe('aggregates before any release', () => {
  it('show the number of responses only, every group listed as suppressed', async () => {
    const { get, answer } = await setup()
    await answer(9, 'primary_health_care', 'helsinki')
    await answer(8, 'primary_health_care', 'pirkanmaa')
    await answer(2, 'social_services', 'lappi')
    const res = await get('researcher', `${base}/aggregates`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ survey: BUNDLED_SLUG, release: null, minGroupSize: 5, by: ['sector', 'region'] })
    expect(body.groups).toHaveLength(10 * 23)
    expect(body.total).toEqual({ n: 15 }) // live: rounded down to a multiple of 5 (decision 007)
    for (const group of body.groups) expect(Object.keys(group).sort()).toEqual(['key', 'suppressed'])
    const lappi = body.groups.find((g: Group) => g.key.sector === 'social_services' && g.key.region === 'lappi')
    expect(lappi).toEqual({ key: { sector: 'social_services', region: 'lappi' }, suppressed: true })
  })
})

describe('releases', () => {
  it('freeze what researchers see; statistics come with the release', async () => {
    const { get, post, answer } = await setup()
    await answer(9, 'primary_health_care', 'helsinki', { confidence_identify: 5 })
    await answer(8, 'specialised_hospital_care', 'helsinki', { confidence_identify: 1, knowledge_border: 'true' })
    await answer(7, 'primary_health_care', 'pirkanmaa', { confidence_identify: 3 })
    await answer(6, 'specialised_hospital_care', 'pirkanmaa', { confidence_identify: 3 })

    const made = await post('admin', `${base}/releases`)
    expect(made.status).toBe(201)
    expect(await made.json()).toEqual({ release: 1, kind: 'interim' })

    const body = await (await get('researcher', `${base}/aggregates?by=sector`)).json()
    expect(body.release).toBe(1)
    expect(body.total.n).toBe(30)
    const hospital = body.groups.find((g: Group) => g.key.sector === 'specialised_hospital_care')
    expect(hospital.n).toBe(14)
    expect(hospital.questions.confidence_identify.mean).toBeCloseTo((8 * 1 + 6 * 3) / 14)
    expect(hospital.questions.confidence_identify.distribution).toEqual({ '1': 8, '3': 6 })
    expect(hospital.questions.knowledge_border.shareCorrect).toBeCloseTo(6 / 14)
    expect(hospital.questions.training_received.counts).toEqual({ none: 14 })
    // Dimensions are never counted inside groups: that would bypass the suppressed cross-tables.
    expect(hospital.questions).not.toHaveProperty('profession')
    // 21 quiz items (the indicators checklist is scored per option): one wrong is 20/21.
    expect(hospital.knowledgeScore).toBeCloseTo((8 * (20 / 21) + 6 * 1) / 14)
    expect(hospital.questions).not.toHaveProperty('comment')
    expectNoSmallGroup(body.groups)

    // Responses after the release do not change it.
    await answer(10, 'specialised_hospital_care', 'helsinki')
    const again = await (await get('researcher', `${base}/aggregates?by=sector`)).json()
    expect(again.total.n).toBe(30)

    expect((await post('admin', `${base}/releases`)).status).toBe(201)
    const second = await (await get('researcher', `${base}/aggregates?by=sector`)).json()
    expect(second.release).toBe(2)
    expect(second.total.n).toBe(40)
    const first = await (await get('researcher', `${base}/aggregates?by=sector&release=1`)).json()
    expect(first.total.n).toBe(30)
    const list = await (await get('researcher', `${base}/releases`)).json()
    expect(list.releases.map((r: { number: number; kind: string }) => [r.number, r.kind])).toEqual([
      [1, 'interim'],
      [2, 'interim'],
    ])
  })

  it('makes the final release when the survey closes', async () => {
    const { get, post, answer } = await setup()
    await answer(12, 'primary_health_care', 'helsinki')
    const closed = await post('admin', `${base}/close`)
    expect(await closed.json()).toMatchObject({ status: 'closed', finalRelease: 1 })
    const list = await (await get('researcher', `${base}/releases`)).json()
    expect(list.releases).toEqual([{ number: 1, kind: 'final', createdOn: '2026-11-25' }])
    expect((await post('admin', `${base}/releases`)).status).toBe(409)
  })

  it('are made by admins only', async () => {
    const { post } = await setup()
    expect((await post('researcher', `${base}/releases`)).status).toBe(403)
  })

  it('never show a group below the minimum size, in any table of a release', async () => {
    const { get, post, answer } = await setup()
    await answer(6, 'primary_health_care', 'helsinki')
    await answer(3, 'primary_health_care', 'lappi')
    await answer(1, 'social_services', 'lappi')
    await answer(7, 'emergency_ambulance', 'kainuu')
    await post('admin', `${base}/releases`)
    for (const by of ['sector', 'region', 'profession', 'sector,region', 'region,profession', 'sector,profession']) {
      const body = await (await get('researcher', `${base}/aggregates?by=${by}`)).json()
      expectNoSmallGroup(body.groups)
    }
  })
})

describe('response counts over time', () => {
  it('are counted by ISO week, with small weeks suppressed', async () => {
    const { get, answer } = await setup()
    await answer(6, 'primary_health_care', 'helsinki')
    const body = await (await get('researcher', `${base}/timeline`)).json()
    expect(body).toEqual({
      survey: BUNDLED_SLUG,
      minGroupSize: 5,
      weeks: [{ week: '2026-W48', suppressed: false, n: 5 }], // 6, rounded down (decision 007)
    })
  })
})

describe('aggregate requests', () => {
  it.each(['comment', 'sector,region,profession', 'sector,sector', ''])('refuses by=%s with 422', async (by) => {
    const { get } = await setup()
    const res = await get('researcher', `${base}/aggregates?by=${by}`)
    expect(res.status).toBe(422)
    expect((await res.json()).error.code).toBe('invalid_dimension')
  })

  it('answers 404 for an unknown release or survey, 401 without a session', async () => {
    const { get, app } = await setup()
    expect((await get('researcher', `${base}/aggregates?release=3`)).status).toBe(404)
    expect((await get('researcher', `/api/admin/surveys/nope/aggregates`)).status).toBe(404)
    expect((await app.request(`${base}/aggregates`)).status).toBe(401)
  })
})
