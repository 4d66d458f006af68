import { describe, expect, it } from 'vitest'
import { listAudit } from '../db/queries/audit-log.js'
import { createApp } from '../server/app.js'
import { miniSurvey, validMiniAnswers } from './fixtures.js'
import {
  addSurvey,
  CLIENT_DIR,
  countRows,
  createTestContext,
  createUser,
  postJson,
  signedInClient,
  signIn,
  TEST_PASSWORD_COST,
  type TestContext,
} from './helpers.js'

const PASSWORD = 'correct horse battery staple'
const admin = '/api/admin/surveys'
const CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/

async function setup() {
  const ctx = await createTestContext({ loadBundled: false })
  await addSurvey(ctx.db, 'mini', miniSurvey)
  await addSurvey(ctx.db, 'other', miniSurvey)
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  await createUser(ctx.db, 'rasmus', 'researcher', PASSWORD)
  const anna = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
  const rasmus = signedInClient(ctx.app, await signIn(ctx.app, 'rasmus', PASSWORD))
  return { ...ctx, anna, rasmus }
}

type Client = ReturnType<typeof signedInClient>

/** Makes `slug` invitation-only and returns `count` fresh codes from the CSV download. */
async function inviteOnly(client: Client, slug: string, count: number) {
  expect((await client.put(`${admin}/${slug}/access`, { access: 'invitation' })).status).toBe(200)
  const res = await client.post(`${admin}/${slug}/invitation-codes`, { count })
  expect(res.status).toBe(201)
  const [header, ...rows] = (await res.text()).trimEnd().split('\r\n')
  expect(header).toBe('code')
  return rows
}

const submit = (app: TestContext['app'], code?: string, answers: object = validMiniAnswers) =>
  postJson(app, '/api/surveys/mini/responses', { answers, locale: 'fi', code })

const check = (app: TestContext['app'], code: string, slug = 'mini') =>
  postJson(app, `/api/surveys/${slug}/codes/check`, { code })

const errorOf = async (res: Response) => (await res.json()).error as { code: string }

async function counts(client: Client, slug = 'mini') {
  return (await client.get(`${admin}/${slug}/invitation-codes`)).json()
}

describe('invitation codes: admin', () => {
  it('makes a survey invitation-only and downloads N distinct one-time codes as CSV', async () => {
    const { anna, app } = await setup()
    expect(await counts(anna)).toEqual({ access: 'public', total: 0, used: 0 })
    const put = await anna.put(`${admin}/mini/access`, { access: 'invitation' })
    expect(await put.json()).toEqual({ slug: 'mini', access: 'invitation' })

    const res = await anna.post(`${admin}/mini/invitation-codes`, { count: 250 })
    expect(res.status).toBe(201)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="mini-invitation-codes.csv"',
    )
    expect(res.headers.get('cache-control')).toBe('no-store')
    const [header, ...codes] = (await res.text()).trimEnd().split('\r\n')
    expect(header).toBe('code')
    expect(codes).toHaveLength(250)
    expect(new Set(codes).size).toBe(250)
    for (const code of codes) expect(code).toMatch(CODE)

    expect(await counts(anna)).toEqual({ access: 'invitation', total: 250, used: 0 })
    expect((await (await anna.get(`${admin}/mini`)).json()).access).toBe('invitation')
    expect((await (await app.request('/api/surveys/mini')).json()).access).toBe('invitation')
  })

  it('adds a ready-to-send link (code in the fragment) when the public URL is known', async () => {
    const ctx = await setup()
    const app = createApp({
      db: ctx.db,
      config: { clientDir: CLIENT_DIR, publicUrl: 'https://survey.example.org' },
      auth: { passwordCost: TEST_PASSWORD_COST },
    })
    const anna = signedInClient(app, await signIn(app, 'anna', PASSWORD))
    const res = await anna.post(`${admin}/mini/invitation-codes`, { count: 3 })
    const [header, ...rows] = (await res.text()).trimEnd().split('\r\n')
    expect(header).toBe('code,link')
    for (const row of rows) {
      const [code, link] = row.split(',')
      expect(code).toMatch(CODE)
      expect(link).toBe(`https://survey.example.org/s/mini#code=${code}`)
    }
  })

  it('stores only HMACs and used flags, and audits the count, never the codes', async () => {
    const { anna, db } = await setup()
    const codes = await inviteOnly(anna, 'mini', 20)
    const rows = await db.selectFrom('invitation_codes').selectAll().execute()
    expect(rows).toHaveLength(20)
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['code_hmac', 'survey_id', 'used'])
    }
    const log = await listAudit(db, { limit: 10 })
    expect(log.map((e) => [e.actor, e.action, e.target, e.details])).toEqual([
      ['anna', 'invitation-codes.create', 'mini', { count: 20 }],
      ['anna', 'survey.access', 'mini', { access: 'invitation' }],
    ])
    const secrets = await db.selectFrom('server_secrets').selectAll().execute()
    const dump = JSON.stringify([rows, log, secrets])
    for (const code of codes) {
      expect(dump).not.toContain(code)
      expect(dump).not.toContain(code.replace(/-/g, ''))
    }
  })

  it('refuses bad requests, researchers and closed surveys, changing nothing', async () => {
    const { anna, rasmus, db } = await setup()
    const refused = [
      await anna.post(`${admin}/mini/invitation-codes`, { count: 0 }),
      await anna.post(`${admin}/mini/invitation-codes`, { count: 10_001 }),
      await anna.post(`${admin}/mini/invitation-codes`, { count: 2.5 }),
      await anna.post(`${admin}/mini/invitation-codes`, { count: '5' }),
      await anna.put(`${admin}/mini/access`, { access: 'private' }),
      await anna.post(`${admin}/nope/invitation-codes`, { count: 5 }),
      await anna.put(`${admin}/nope/access`, { access: 'invitation' }),
      await rasmus.post(`${admin}/mini/invitation-codes`, { count: 5 }),
      await rasmus.put(`${admin}/mini/access`, { access: 'invitation' }),
      await rasmus.get(`${admin}/mini/invitation-codes`),
    ]
    expect(refused.map((res) => res.status)).toEqual([
      422, 422, 422, 400, 400, 404, 404, 403, 403, 403,
    ])
    expect((await errorOf(refused[0])).code).toBe('invalid_count')

    await anna.post(`${admin}/other/close`)
    const onClosed = [
      await anna.post(`${admin}/other/invitation-codes`, { count: 5 }),
      await anna.put(`${admin}/other/access`, { access: 'invitation' }),
    ]
    expect(onClosed.map((res) => res.status)).toEqual([409, 409])
    expect(await db.selectFrom('invitation_codes').selectAll().execute()).toEqual([])
    const access = await db.selectFrom('surveys').select('access').execute()
    expect(access.map((row) => row.access)).toEqual(['public', 'public'])
    const actions = (await listAudit(db, { limit: 10 })).map((e) => e.action)
    expect(actions).toEqual(['release.create', 'survey.close']) // closing makes the final release
  })
})

describe('invitation codes: respondents', () => {
  it('accepts each code once, however typed; a second use is 409 and stores nothing', async () => {
    const { anna, app, db } = await setup()
    const [code] = await inviteOnly(anna, 'mini', 3)
    const typed = ` ${code.replace(/-/g, '').toLowerCase()} `
    expect((await submit(app, typed)).status).toBe(201)
    expect(await countRows(db)).toMatchObject({ responses: 1 })

    const again = await submit(app, code)
    expect(again.status).toBe(409)
    expect(await errorOf(again)).toMatchObject({ code: 'code_used' })
    expect(await countRows(db)).toMatchObject({ responses: 1 })
    // One used code reads 0: used codes are respondents, rounded down to a multiple of 5 (007).
    expect(await counts(anna)).toEqual({ access: 'invitation', total: 3, used: 0 })
  })

  it('refuses a missing, malformed, unknown or other survey’s code', async () => {
    const { anna, app, db } = await setup()
    await inviteOnly(anna, 'mini', 2)
    const [otherCode] = await inviteOnly(anna, 'other', 1)
    const missing = await submit(app)
    expect(missing.status).toBe(422)
    expect(await missing.json()).toMatchObject({
      error: { code: 'code_required', details: [{ field: 'code' }] },
    })
    const malformed = await submit(app, 'not a code')
    const unknown = await submit(app, 'ABCD-EFGH-JKMN-PQRS')
    const foreign = await submit(app, otherCode)
    for (const res of [malformed, unknown, foreign]) expect(res.status).toBe(422)
    // A code of another survey is indistinguishable from one that never existed.
    expect(await unknown.json()).toEqual(await foreign.json())
    expect((await errorOf(malformed)).code).toBe('invalid_code')
    expect(await countRows(db)).toEqual({ responses: 0, values: 0, quiz: 0 })
    expect(await counts(anna)).toMatchObject({ total: 2, used: 0 })
    expect(await counts(anna, 'other')).toMatchObject({ total: 1, used: 0 })
  })

  it('leaves the code unused when the answers are refused', async () => {
    const { anna, app, db } = await setup()
    const [code] = await inviteOnly(anna, 'mini', 1)
    const bad = await submit(app, code, { ...validMiniAnswers, sector: 'spaceship' })
    expect(bad.status).toBe(422)
    expect((await errorOf(bad)).code).toBe('invalid_answers')
    expect(await counts(anna)).toMatchObject({ used: 0 })
    expect((await submit(app, code)).status).toBe(201)
    expect(await countRows(db)).toMatchObject({ responses: 1 })
  })

  it('leaves the code unused when storing the response fails (one transaction)', async () => {
    const { anna, app, db, errors } = await setup()
    const [code] = await inviteOnly(anna, 'mini', 1)
    // The quiz rows are written last: without their table the insert fails half-way.
    await db.schema.alterTable('response_quiz_items').renameTo('quiz_items_away').execute()
    expect((await submit(app, code)).status).toBe(500)
    expect(errors).toHaveLength(1)
    await db.schema.alterTable('quiz_items_away').renameTo('response_quiz_items').execute()
    expect(await countRows(db)).toEqual({ responses: 0, values: 0, quiz: 0 })
    expect(await counts(anna)).toMatchObject({ used: 0 })
    expect((await submit(app, code)).status).toBe(201)
  })

  it('lets exactly one of several simultaneous submissions with one code through', async () => {
    const { anna, app, db } = await setup()
    const [code] = await inviteOnly(anna, 'mini', 1)
    const results = await Promise.all(Array.from({ length: 8 }, () => submit(app, code)))
    const statuses = results.map((res) => res.status).sort()
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409])
    expect(await countRows(db)).toMatchObject({ responses: 1 })
  })

  it('checks a code before answering without spending it', async () => {
    const { anna, app, db } = await setup()
    const [code, spent] = await inviteOnly(anna, 'mini', 2)
    expect((await submit(app, spent)).status).toBe(201)
    const valid = await check(app, code.toLowerCase())
    expect(valid.status).toBe(200)
    expect(await valid.json()).toEqual({ valid: true })
    expect((await check(app, spent)).status).toBe(409)
    expect((await check(app, 'ABCD-EFGH-JKMN-PQRS')).status).toBe(422)
    expect((await check(app, '')).status).toBe(422)
    expect((await check(app, code, 'nope')).status).toBe(404)
    // The endpoint rounds used codes down to a multiple of 5 (decision 007): read the table.
    const used = await db.selectFrom('invitation_codes').select('used').where('used', '=', 1).execute()
    expect(used).toHaveLength(1)
    expect((await submit(app, code)).status).toBe(201)
  })

  it('needs no code on a public survey (a code sent is ignored, never stored)', async () => {
    const { anna, app, db } = await setup()
    const [code] = await inviteOnly(anna, 'mini', 1)
    expect((await anna.put(`${admin}/mini/access`, { access: 'public' })).status).toBe(200)
    expect(await (await app.request('/api/surveys/mini')).json()).not.toHaveProperty('access')
    expect((await submit(app)).status).toBe(201)
    expect((await submit(app, code)).status).toBe(201)
    const dump = JSON.stringify(await db.selectFrom('responses').selectAll().execute())
    expect(dump).not.toContain(code.replace(/-/g, '').slice(0, 8))
    expect(await counts(anna)).toMatchObject({ access: 'public', used: 0 })
  })
})

describe('invitation codes across restarts and instances', () => {
  it('verify in a new app on the same database (the key is stored, not per process)', async () => {
    const { anna, db } = await setup()
    const [code] = await inviteOnly(anna, 'mini', 1)
    const restarted = createApp({ db, config: { clientDir: CLIENT_DIR } })
    expect((await submit(restarted, code)).status).toBe(201)
  })

  it('use INVITATION_SECRET when set, so the database alone cannot check codes', async () => {
    const ctx = await setup()
    const withSecret = (invitationSecret?: string) =>
      createApp({
        db: ctx.db,
        config: { clientDir: CLIENT_DIR, invitationSecret },
        auth: { passwordCost: TEST_PASSWORD_COST },
      })
    const SECRET = 'an invitation secret of at least 32 characters'
    const app = withSecret(SECRET)
    const anna = signedInClient(app, await signIn(app, 'anna', PASSWORD))
    const [first, second] = await inviteOnly(anna, 'mini', 2)
    const stored = ctx.db.selectFrom('server_secrets').where('name', '=', 'invitation-code-hmac')
    expect(await stored.selectAll().execute()).toEqual([])
    expect((await submit(withSecret(), first)).status).toBe(422) // the stored key does not fit
    const otherSecret = withSecret('another secret, also 32 characters long')
    expect((await submit(otherSecret, first)).status).toBe(422)
    expect((await submit(app, first)).status).toBe(201)
    expect((await submit(withSecret(SECRET), second)).status).toBe(201) // another instance
  })
})
