import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allCorrectBundledAnswers, miniSurvey, validMiniAnswers } from './fixtures.js'
import { buildApp, startServerAt, SURVEY_SLUG, type RunningServer } from './server-process.js'
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from './test-database.js'

// Two instances on one PostgreSQL database (on SQLite, one instance, whose response writer thread
// and main connection write the same file), hundreds of respondents sending at the same moment
// (a public and an invitation-only survey, codes reused on purpose, releases made meanwhile):
// every request is answered 201, or 409 for a code already used, and the stored responses are
// exactly the acknowledged ones. Seeds vary the mix (NO_LOSS_SEEDS=1,2,3,4 for more runs).
const ADMIN = { username: 'admin', password: 'no-answer-lost-admin-pw' }
const SUBMITTERS = 320
const SEEDS = (process.env.NO_LOSS_SEEDS ?? '11,23,37').split(',').map(Number)
const INVITATION_SLUG = 'ward-invitations'
const SECTORS = ['primary_health_care', 'specialised_hospital_care', 'social_services', 'other']
const REGIONS = ['helsinki', 'pirkanmaa', 'lappi', 'kainuu', 'satakunta']

/** mulberry32: a small seeded generator, so a failing mix can be run again. */
function seeded(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const INSTANCES = TEST_ENGINE === 'postgres' ? 2 : 1

describe('no answer lost under hundreds of simultaneous respondents', () => {
  let dir: string
  let database: TestDatabase
  let servers: RunningServer[] = []
  let cookie = ''
  const unusedCodes: string[] = []

  const request = (server: RunningServer, path: string, init: RequestInit = {}) =>
    fetch(`${server.baseUrl}${path}`, {
      ...init,
      headers: { 'Content-Type': 'application/json', Cookie: cookie, ...init.headers },
    })
  const post = (server: RunningServer, path: string, body: unknown, headers = {}) =>
    request(server, path, { method: 'POST', body: JSON.stringify(body), headers })

  beforeAll(async () => {
    buildApp()
    dir = mkdtempSync(join(tmpdir(), 'survey-no-loss-'))
    database = await createTestDatabase(dir)
    const env = { ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password }
    servers = await Promise.all(
      Array.from({ length: INSTANCES }, () => startServerAt(database.url, env)),
    )
    const login = await post(servers[0], '/api/auth/login', ADMIN)
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
    const admin = `/api/admin/surveys`
    const definition = { ...miniSurvey, dimensions: ['sector'] }
    expect((await post(servers[0], admin, { slug: INVITATION_SLUG, definition })).status).toBe(201)
    const other = servers.at(-1)!
    expect((await post(other, `${admin}/${INVITATION_SLUG}/publish`, {})).status).toBe(200)
    const access = { method: 'PUT', body: JSON.stringify({ access: 'invitation' }) }
    expect((await request(servers[0], `${admin}/${INVITATION_SLUG}/access`, access)).status).toBe(
      200,
    )
    const made = await post(other, `${admin}/${INVITATION_SLUG}/invitation-codes`, {
      count: 2000,
    })
    expect(made.status).toBe(201)
    unusedCodes.push(...(await made.text()).trim().split(/\r?\n/).slice(1))
  }, 120_000)

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()))
    await database?.drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  async function releaseCount(): Promise<number> {
    const { rows } = await sql<{ n: number }>`select count(*) as n from releases`.execute(
      database.db,
    )
    return Number(rows[0].n)
  }

  async function storedCount(slug: string): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from responses r
      join survey_versions v on v.id = r.survey_version_id
      join surveys s on s.id = v.survey_id
      where s.slug = ${slug}`.execute(database.db)
    return Number(rows[0].n)
  }

  for (const seed of SEEDS) {
    it(`answers every one of ${SUBMITTERS} simultaneous respondents and stores each 201 once (seed ${seed})`, async () => {
      const random = seeded(seed)
      const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
      const before = {
        public: await storedCount(SURVEY_SLUG),
        invitation: await storedCount(INVITATION_SLUG),
      }
      // About one in ten invitation respondents types a code that another one uses too.
      const plans = Array.from({ length: SUBMITTERS }, () => {
        const server = pick(servers)
        if (random() < 0.6) {
          const answers = {
            ...allCorrectBundledAnswers,
            sector: pick(SECTORS),
            region: pick(REGIONS),
          }
          return { server, slug: SURVEY_SLUG, body: { answers, locale: pick(['fi', 'sv', 'en']) } }
        }
        const code = unusedCodes.pop()!
        return {
          server,
          slug: INVITATION_SLUG,
          body: { answers: validMiniAnswers, locale: 'fi', code },
        }
      })
      const invitationPlans = plans.filter((plan) => plan.slug === INVITATION_SLUG)
      for (let i = 1; i < invitationPlans.length; i += 10) {
        invitationPlans[i].body.code = invitationPlans[i - 1].body.code
      }
      const releaseAt = Math.floor(SUBMITTERS * (0.3 + random() * 0.4))
      const releasesBefore = await releaseCount()
      const releases: Promise<{ status: number; code?: string }>[] = []
      const submissions = plans.map((plan, i) => {
        if (i === releaseAt) {
          // Releases of both surveys while submissions are in flight, from either instance.
          for (const slug of [SURVEY_SLUG, INVITATION_SLUG]) {
            releases.push(
              post(pick(servers), `/api/admin/surveys/${slug}/releases`, {}).then(async (res) =>
                res.status === 409
                  ? { status: 409, code: (await res.json()).error.code }
                  : { status: res.status },
              ),
            )
          }
        }
        const headers =
          random() < 0.5 ? { 'Idempotency-Key': randomBytes(18).toString('base64url') } : {}
        return post(plan.server, `/api/surveys/${plan.slug}/responses`, plan.body, headers).then(
          async (res) => ({ plan, status: res.status, body: await res.text() }),
        )
      })
      const results = await Promise.all(submissions)
      // A release may be refused by small-cell suppression (409), never fail; each 201 is stored
      // (two equal failures must not pass).
      const made = await Promise.all(releases)
      for (const r of made) expect([201, 409]).toContain(r.status)
      for (const r of made.filter((r) => r.status === 409)) expect(r.code).toBe('release_refused')
      const created = made.filter((r) => r.status === 201).length
      expect(await releaseCount()).toBe(releasesBefore + created)

      const unexpected = results.filter((r) => r.status !== 201 && r.status !== 409)
      expect(unexpected.map((r) => `${r.status} ${r.body}`)).toEqual([])
      // 409 only for a code used twice, and of each such pair exactly one was stored.
      const byCode = new Map<string, number[]>()
      for (const r of results) {
        if (r.plan.body.code)
          byCode.set(r.plan.body.code, [...(byCode.get(r.plan.body.code) ?? []), r.status])
        else expect(r.status).toBe(201)
      }
      for (const statuses of byCode.values()) {
        expect(statuses.filter((status) => status === 201)).toHaveLength(1)
      }
      const accepted = (slug: string) =>
        results.filter((r) => r.plan.slug === slug && r.status === 201).length
      expect(await storedCount(SURVEY_SLUG)).toBe(before.public + accepted(SURVEY_SLUG))
      expect(await storedCount(INVITATION_SLUG)).toBe(before.invitation + accepted(INVITATION_SLUG))
      // The running counts agree with the rows (every response counted once, released or not).
      const { rows } = await sql<{ n: number }>`
        select coalesce(sum(n), 0) as n from response_counts where kind = 'response'`.execute(
        database.db,
      )
      const { rows: all } = await sql<{ n: number }>`select count(*) as n from responses`.execute(
        database.db,
      )
      expect(Number(rows[0].n)).toBe(Number(all[0].n))
    }, 180_000)
  }

  // Its slow commits are a PostgreSQL trigger; SQLite's crash safety is tests/crash.test.ts.
  it.skipIf(TEST_ENGINE !== 'postgres')('keeps serving when one instance is killed mid-load; resends store each response once', async () => {
    const slug = 'kill-test'
    const admin = `/api/admin/surveys`
    expect((await post(servers[1], admin, { slug, definition: miniSurvey })).status).toBe(201)
    expect((await post(servers[1], `${admin}/${slug}/publish`, {})).status).toBe(200)
    // A third instance, named in pg_stat_activity so the test can see its COMMITs.
    const url = new URL(database.url)
    url.searchParams.set('application_name', 'instance-doomed')
    const env = { ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password }
    const doomed = await startServerAt(url.toString(), env)
    const b = servers[1]
    // Commits that take a second, so the kill can find one sent but not yet answered.
    await sql`create function slow_commit() returns trigger language plpgsql as $$
      begin
        if current_setting('test.slept', true) is distinct from 'yes' then
          perform pg_sleep(1);
          perform set_config('test.slept', 'yes', true);
        end if;
        return null;
      end $$`.execute(database.db)
    await sql`create constraint trigger slow_commit after insert on responses
      deferrable initially deferred for each row execute function slow_commit()`.execute(
      database.db,
    )
    const committing = async () => {
      const { rows } = await sql<{ n: number }>`
        select count(*) as n from pg_stat_activity
        where application_name = 'instance-doomed' and state = 'active' and query ilike 'commit%'`.execute(
        database.db,
      )
      return Number(rows[0].n)
    }
    // Each respondent's comment carries a token, so the stored rows can be matched to them.
    const respondents = Array.from({ length: 300 }, (_, i) => ({
      server: i % 2 === 0 ? doomed : b,
      key: randomBytes(18).toString('base64url'),
      body: {
        answers: { ...validMiniAnswers, comment: `token-${i}-${randomBytes(6).toString('hex')}` },
      },
    }))
    const send = (server: RunningServer, r: (typeof respondents)[number]) =>
      post(server, `/api/surveys/${slug}/responses`, r.body, { 'Idempotency-Key': r.key }).then(
        (res) => res.status,
        () => 'network error' as const,
      )
    const firstTry = Promise.all(respondents.map((r) => send(r.server, r)))
    // Frozen while its COMMIT runs in the database: the COMMIT completes there, its 201s never
    // leave. Only the idempotency key can then tell the resends apart from new responses.
    await expect.poll(committing, { interval: 20, timeout: 60_000 }).toBeGreaterThan(0)
    doomed.child.kill('SIGSTOP')
    await expect.poll(committing, { interval: 20, timeout: 10_000 }).toBe(0)
    doomed.child.kill('SIGKILL')
    const first = await firstTry
    await sql`drop trigger slow_commit on responses`.execute(database.db)
    expect(first.filter((status) => status === 'network error').length).toBeGreaterThan(0)

    // Whatever the killed instance did not answer is sent again to the other one, as the
    // respondent app does, with the same key: stored already or not, it ends stored once.
    const final = await Promise.all(
      respondents.map((r, i) => (first[i] === 201 ? 201 : send(b, r))),
    )
    expect(final.filter((status) => status !== 201)).toEqual([])
    const { rows } = await sql<{ answers: string }>`
      select a.answers from responses r join response_answers a on a.response_id = r.id
      join survey_versions v on v.id = r.survey_version_id
      join surveys s on s.id = v.survey_id where s.slug = ${slug}`.execute(database.db)
    const tokens = rows.map((row) => JSON.parse(row.answers).comment as string).sort()
    expect(tokens).toEqual(respondents.map((r) => r.body.answers.comment).sort())

    // Started again on the same database, it needs nothing by hand.
    const restarted = await startServerAt(url.toString(), env)
    try {
      const again = await post(restarted, `/api/surveys/${slug}/responses`, {
        answers: validMiniAnswers,
      })
      expect(again.status).toBe(201)
    } finally {
      await restarted.stop()
    }
  }, 180_000)
})
