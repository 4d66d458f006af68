import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sweepKeys } from '../db/queries/idempotency-keys.js'
import { miniSurvey, validMiniAnswers } from './fixtures.js'
import {
  addSurvey,
  countRows,
  createTestContext,
  createUser,
  inviteOnlyMini,
  postJson,
  signedInClient,
  signIn,
  type TestContext,
} from './helpers.js'

// A resend after a lost 201 carries the same Idempotency-Key: it is answered as the first one
// was and stores nothing. The keys are kept apart from the responses and for a short time only.

const newKey = () => `"${randomBytes(18).toString('base64url')}"`
const body = { answers: validMiniAnswers, locale: 'fi' }
const send = (
  app: TestContext['app'],
  key: string | undefined,
  payload: unknown = body,
  slug = 'mini',
) =>
  postJson(
    app,
    `/api/surveys/${slug}/responses`,
    payload,
    key === undefined ? {} : { 'Idempotency-Key': key },
  )

async function miniContext() {
  const ctx = await createTestContext({ loadBundled: false })
  await addSurvey(ctx.db, 'mini', miniSurvey)
  return ctx
}

describe('Idempotency-Key on submissions', () => {
  it('answers a repeat of a stored submission with the same 201 and stores nothing', async () => {
    const { app, db } = await miniContext()
    const key = newKey()
    const first = await send(app, key)
    expect(first.status).toBe(201)
    const again = await send(app, key)
    expect(again.status).toBe(201)
    expect(await again.json()).toEqual(await first.json())
    expect((await countRows(db)).responses).toBe(1)
  })

  it('stores one response when the same request arrives twice at once', async () => {
    const { app, db } = await miniContext()
    const key = newKey()
    const statuses = await Promise.all([send(app, key), send(app, key), send(app, key)])
    expect(statuses.map((res) => res.status)).toEqual([201, 201, 201])
    expect((await countRows(db)).responses).toBe(1)
  })

  it('takes an unquoted key too (a UUID), and the same key in either form is one key', async () => {
    const { app, db } = await miniContext()
    const uuid = crypto.randomUUID()
    expect((await send(app, uuid)).status).toBe(201)
    expect((await send(app, `"${uuid}"`)).status).toBe(201)
    expect((await countRows(db)).responses).toBe(1)
  })

  it('refuses a key reused with another body (422 idempotency_key_reused), storing nothing', async () => {
    const { app, db } = await miniContext()
    const key = newKey()
    expect((await send(app, key)).status).toBe(201)
    const changed = { ...body, answers: { ...validMiniAnswers, confidence: 1 } }
    const res = await send(app, key, changed)
    expect(res.status).toBe(422)
    expect((await res.json()).error).toMatchObject({ code: 'idempotency_key_reused' })
    await addSurvey(db, 'other', miniSurvey)
    const elsewhere = await send(app, key, body, 'other')
    expect(elsewhere.status).toBe(422)
    expect((await countRows(db)).responses).toBe(1)
  })

  it('refuses a key that cannot carry 128 random bits (400), storing nothing', async () => {
    const { app, db } = await miniContext()
    for (const key of ['short', '"abc"', 'x'.repeat(256), 'has space in it 12345', '']) {
      const res = await send(app, key)
      expect(res.status, key).toBe(400)
      expect((await res.json()).error.code).toBe('invalid_idempotency_key')
    }
    expect((await countRows(db)).responses).toBe(0)
  })

  it('works as before without the header: every request is a new response', async () => {
    const { app, db } = await miniContext()
    expect((await send(app, undefined)).status).toBe(201)
    expect((await send(app, undefined)).status).toBe(201)
    expect((await countRows(db)).responses).toBe(2)
  })

  it('answers a resend of a stored invitation submission 201, not "code used"', async () => {
    const { app, db, codes } = await inviteOnlyMini(2)
    const key = newKey()
    const withCode = { ...body, code: codes[0] }
    expect((await send(app, key, withCode)).status).toBe(201)
    expect((await send(app, key, withCode)).status).toBe(201)
    const other = await send(app, newKey(), withCode)
    expect(other.status).toBe(409)
    expect((await countRows(db)).responses).toBe(1)
  })

  it('keeps a key no longer than the next release or the end of its day, and never the key itself', async () => {
    const { app, db } = await miniContext()
    const key = newKey()
    expect((await send(app, key)).status).toBe(201)
    const stored = await db.selectFrom('idempotency_keys').selectAll().execute()
    expect(stored).toHaveLength(1)
    expect(JSON.stringify(stored)).not.toContain(key.slice(1, -1))
    // The test clock's day is 2026-11-25: a sweep on that day keeps it, the next day's does not.
    await sweepKeys(db, '2026-11-25')
    expect(await db.selectFrom('idempotency_keys').selectAll().execute()).toHaveLength(1)
    await sweepKeys(db, '2026-11-26')
    expect(await db.selectFrom('idempotency_keys').selectAll().execute()).toHaveLength(0)

    expect((await send(app, newKey())).status).toBe(201)
    await createUser(db, 'anna', 'admin', 'correct horse battery staple')
    const anna = signedInClient(app, await signIn(app, 'anna', 'correct horse battery staple'))
    const release = await anna.post('/api/admin/surveys/mini/releases')
    expect(release.status).toBe(201)
    expect(await db.selectFrom('idempotency_keys').selectAll().execute()).toHaveLength(0)
  })
})
