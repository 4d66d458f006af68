// README: "A release is refused (409 release_refused, with the reasons) if an attacker model could
// derive a group smaller than MIN_GROUP_SIZE from it together with the earlier releases."
import { describe, expect, it } from 'vitest'
import { allCorrectBundledAnswers } from './fixtures.js'
import {
  BUNDLED_SLUG,
  createTestContext,
  createUser,
  postJson,
  signIn,
  signedInClient,
} from './helpers.js'

const PASSWORD = 'correct horse battery staple'
const base = `/api/admin/surveys/${BUNDLED_SLUG}`

async function setup() {
  const ctx = await createTestContext()
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  const admin = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
  const answer = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const answers = { ...allCorrectBundledAnswers, sector: 'primary_health_care' }
      const res = await postJson(ctx.app, `/api/surveys/${BUNDLED_SLUG}/responses`, {
        answers: { ...answers, region: 'helsinki' },
      })
      expect(res.status).toBe(201)
    }
  }
  // What a refused release must leave as it was.
  const state = async () => ({
    releases: await ctx.db.selectFrom('releases').selectAll().execute(),
    released: await ctx.db
      .selectFrom('responses')
      .select(['id', 'release_no'])
      .orderBy('id')
      .execute(),
    audit: await ctx.db.selectFrom('audit_log').select('action').execute(),
  })
  return { ...ctx, admin, answer, state }
}

describe('a release that would disclose a small group', () => {
  it('is refused with 409 release_refused and its reasons, and changes nothing', async () => {
    const { admin, answer, state } = await setup()
    await answer(10)
    expect((await admin.post(`${base}/releases`)).status).toBe(201)
    // One more respondent: the published total would grow by 1, which is that respondent.
    await answer(1)
    const before = await state()
    const refused = await admin.post(`${base}/releases`)
    expect(refused.status).toBe(409)
    const { error } = await refused.json()
    expect(error.code).toBe('release_refused')
    expect(error.details.length).toBeGreaterThan(0)
    for (const detail of error.details) expect(detail.message).toEqual(expect.any(String))
    expect(await state()).toEqual(before)
    const latest = await (await admin.get(`${base}/aggregates?by=sector`)).json()
    expect([latest.release, latest.total.n]).toEqual([1, 10])

    // Growth of MIN_GROUP_SIZE (5) is no longer a small group: the same request is accepted.
    await answer(4)
    const made = await admin.post(`${base}/releases`)
    expect(made.status).toBe(201)
    expect(await made.json()).toEqual({ release: 2, kind: 'interim' })
  })

  it('on close: the survey closes, and no final release is made', async () => {
    const { admin, answer, state } = await setup()
    await answer(10)
    expect((await admin.post(`${base}/releases`)).status).toBe(201)
    await answer(2)
    const before = await state()
    const closed = await admin.post(`${base}/close`)
    expect(closed.status).toBe(200)
    const body = await closed.json()
    expect(body).toMatchObject({ status: 'closed', finalRelease: null })
    expect(body.releaseRefused.length).toBeGreaterThan(0)
    const after = await state()
    expect(after.releases).toEqual(before.releases)
    expect(after.released).toEqual(before.released)
  })
})
