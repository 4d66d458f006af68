import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allCorrectBundledAnswers } from './fixtures.js'
import { buildApp, startServerAt, SURVEY_SLUG, type RunningServer } from './server-process.js'
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from './test-database.js'

// Several instances behind a proxy share one PostgreSQL database: sessions, releases and
// responses must be the same whichever instance a request reaches.
const ADMIN = { username: 'admin', password: 'multi-instance-admin-pw' }
const SECTORS = ['primary_health_care', 'specialised_hospital_care', 'social_services']
const REGIONS = ['helsinki', 'pirkanmaa']

function answersFor(i: number) {
  return { ...allCorrectBundledAnswers, sector: SECTORS[i % 3], region: REGIONS[i % 2] }
}

describe.skipIf(TEST_ENGINE !== 'postgres')('two instances on one PostgreSQL database', () => {
  let dir: string
  let database: TestDatabase
  let servers: RunningServer[] = []

  beforeAll(async () => {
    buildApp()
    dir = mkdtempSync(join(tmpdir(), 'survey-multi-'))
    database = await createTestDatabase(dir)
    // Started together: migrations, bundled-survey loading and the first admin must not collide.
    const env = { ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password }
    servers = await Promise.all([startServerAt(database.url, env), startServerAt(database.url, env)])
  }, 120_000)

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()))
    await database?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  const post = (server: RunningServer, path: string, body: unknown, cookie = '') =>
    fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(body),
    })
  const get = (server: RunningServer, path: string, cookie: string) =>
    fetch(`${server.baseUrl}${path}`, { headers: { Cookie: cookie } })

  async function signIn(server: RunningServer) {
    const res = await post(server, '/api/auth/login', ADMIN)
    expect(res.status).toBe(200)
    return (res.headers.get('set-cookie') ?? '').split(';')[0]
  }

  it('accepts a session made on one instance on the other, and sign-out on either ends it', async () => {
    const [a, b] = servers
    const cookie = await signIn(a)
    const me = await get(b, '/api/auth/me', cookie)
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ user: { username: ADMIN.username, role: 'admin' } })

    expect((await post(b, '/api/auth/logout', {}, cookie)).status).toBeLessThan(300)
    expect((await get(a, '/api/auth/me', cookie)).status).toBe(401)
  })

  it('stores every response acknowledged by either instance, and both show the same results', async () => {
    const [a, b] = servers
    const submissions = Array.from({ length: 60 }, (_, i) =>
      post(i % 2 === 0 ? a : b, `/api/surveys/${SURVEY_SLUG}/responses`, {
        answers: answersFor(i),
        locale: 'en',
      }).then((res) => res.status),
    )
    const statuses = await Promise.all(submissions)
    expect(statuses.filter((status) => status === 201)).toHaveLength(60)

    const cookie = await signIn(b)
    const release = await post(a, `/api/admin/surveys/${SURVEY_SLUG}/releases`, {}, cookie)
    expect(release.status).toBe(201)
    const stored = await database.db
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(stored.n)).toBe(60)

    const path = `/api/admin/surveys/${SURVEY_SLUG}/aggregates?by=sector,region`
    const [fromA, fromB] = await Promise.all([get(a, path, cookie), get(b, path, cookie)])
    expect(fromA.status).toBe(200)
    const resultA = await fromA.json()
    expect(await fromB.json()).toEqual(resultA)
    expect(resultA.total.n).toBe(60)
  }, 120_000)

  it('numbers releases made on both instances at once without a gap or a clash', async () => {
    const [a, b] = servers
    const cookie = await signIn(a)
    for (let i = 0; i < 10; i++) {
      await post(i % 2 ? a : b, `/api/surveys/${SURVEY_SLUG}/responses`, { answers: answersFor(i) })
    }
    const path = `/api/admin/surveys/${SURVEY_SLUG}/releases`
    const earlier = (await (await get(a, path, cookie)).json()).releases.length
    const statuses = await Promise.all([post(a, path, {}, cookie), post(b, path, {}, cookie)])
    // Each either makes its release or is refused by suppression (409): never a server error.
    // 10 new respondents in a table that grew by 10 since: at least one is made (two equal
    // refusals must not pass), and every one made is listed.
    for (const res of statuses) expect([201, 409]).toContain(res.status)
    const made = statuses.filter((res) => res.status === 201).length
    expect(made).toBeGreaterThanOrEqual(1)
    const listed = await (await get(b, path, cookie)).json()
    const numbers = listed.releases.map((release: { number: number }) => release.number)
    expect(numbers).toEqual(Array.from({ length: earlier + made }, (_, i) => i + 1))
  }, 120_000)
})
