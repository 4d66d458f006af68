import { describe, expect, it, vi } from 'vitest'
import { computeKnowledge } from '../server/knowledge/compute.js'
import { queryAggregates } from '../server/results/aggregates-query.js'
import { BUNDLED_SLUG, createTestContext, createUser, signedInClient, signIn } from './helpers.js'
import { answerFixture, FIXTURE_RESPONSES, variedAnswers } from './reports-fixtures.js'

// A release never changes, so its knowledge figures and a report's content are built once per app
// (server/knowledge/release-cache.ts); whether a report is published is read on every request.

vi.mock(import('../server/knowledge/compute.js'), async (original) => {
  const actual = await original()
  return { ...actual, computeKnowledge: vi.fn(actual.computeKnowledge) }
})
vi.mock(import('../server/results/aggregates-query.js'), async (original) => {
  const actual = await original()
  return { ...actual, queryAggregates: vi.fn(actual.queryAggregates) }
})
const computed = () => vi.mocked(computeKnowledge).mock.calls.length
/** A report's content is read from the aggregates' answers (server/reports/content.ts). */
const aggregated = () => vi.mocked(queryAggregates).mock.calls.length

const base = `/api/admin/surveys/${BUNDLED_SLUG}`

/** An app on a database of its own: the fixture's answers plus `extra`, release 1, an admin. */
async function setup(extra = 0) {
  const ctx = await createTestContext()
  await createUser(ctx.db, 'anna', 'admin', 'correct horse battery staple')
  const cookie = await signIn(ctx.app, 'anna', 'correct horse battery staple')
  const admin = signedInClient(ctx.app, cookie)
  await answerFixture(ctx.app)
  for (let i = 0; i < extra; i++) {
    const answers = variedAnswers('primary_health_care', 'helsinki', i)
    const res = await ctx.app.request(`/api/surveys/${BUNDLED_SLUG}/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers, locale: 'en' }),
    })
    expect(res.status).toBe(201)
  }
  expect((await admin.post(`${base}/releases`)).status).toBe(201)
  const publish = async () => {
    const res = await admin.post(`${base}/releases/1/report`, {})
    return (await res.json()).url as string
  }
  const withdraw = async () => {
    const headers = { Cookie: cookie, 'Content-Type': 'application/json' }
    return (await ctx.app.request(`${base}/releases/1/report`, { method: 'DELETE', headers }))
      .status
  }
  return { ...ctx, admin, publish, withdraw }
}

type Requests = { request: (path: string) => Response | Promise<Response> }
const page = async (app: Requests, url: string) => {
  const res = await app.request(`${url}?lang=en`)
  return { status: res.status, text: await res.text() }
}

describe('a public report, built once per app', () => {
  it('computes the figures and the content once: publishing builds them, views reuse them', async () => {
    const s = await setup()
    const before = computed()
    const url = await s.publish()
    expect(computed()).toBe(before + 1)
    const contentBuilt = aggregated()
    const first = await page(s.app, url)
    expect(first.status).toBe(200)
    expect(first.text).toContain(`${FIXTURE_RESPONSES} people answered`)
    expect(await page(s.app, url)).toEqual(first)
    expect((await s.app.request(`${url}?lang=fi`)).status).toBe(200)
    expect((await s.app.request(`${url}/download?lang=sv`)).status).toBe(200)
    const knowledge = await s.admin.get(`${base}/knowledge?release=1&by=sector`)
    expect(knowledge.status).toBe(200)
    const exported = await s.admin.get(`${base}/export?level=knowledge&format=json&release=1&by=sector`)
    expect(exported.status).toBe(200)
    expect(computed()).toBe(before + 1)
    expect(aggregated()).toBe(contentBuilt)
  })

  it('is 404 at once when withdrawn, though its content is cached', async () => {
    const s = await setup()
    const url = await s.publish()
    expect((await page(s.app, url)).status).toBe(200)
    expect(await s.withdraw()).toBe(200)
    expect((await page(s.app, url)).status).toBe(404)
    expect((await s.app.request(`${url}/download`)).status).toBe(404)
  })

  it('shows a replaced baseline at once, though the release\'s figures are cached', async () => {
    const s = await setup()
    const border = async () => {
      const body = await (await s.admin.get(`${base}/knowledge?release=1`)).json()
      return body.total.items.find((i: { name: string }) => i.name === 'knowledge_border')
    }
    expect(await border()).not.toHaveProperty('baseline')
    const baseline = (n: number) => ({
      label: `B${n}`, 
      items: { knowledge_border: { n, correct: 1 } },
    })
    expect((await s.admin.put(`${base}/baseline`, baseline(200))).status).toBe(200)
    expect((await border()).baseline).toMatchObject({ n: 200, correct: 1 })
    expect((await s.admin.put(`${base}/baseline`, baseline(300))).status).toBe(200)
    expect((await border()).baseline).toMatchObject({ n: 300, correct: 1 })
  })

  it('never shows one app the content of another database (same survey, release, version)', async () => {
    const a = await setup()
    const b = await setup(7)
    const urlA = await a.publish()
    const urlB = await b.publish()
    expect((await page(a.app, urlA)).text).toContain(`${FIXTURE_RESPONSES} people answered`)
    expect((await page(b.app, urlB)).text).toContain(`${FIXTURE_RESPONSES + 7} people answered`)
    const totalOf = async (s: typeof a) =>
      (await (await s.admin.get(`${base}/knowledge?release=1`)).json()).total.n
    expect(await totalOf(a)).toBe(FIXTURE_RESPONSES)
    expect(await totalOf(b)).toBe(FIXTURE_RESPONSES + 7)
  })
})
