import SQLite from 'better-sqlite3'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { startWalCheckpoints } from '../db/wal-hygiene.js'
import { allCorrectBundledAnswers } from './fixtures.js'
import {
  BUNDLED_SLUG,
  createTestContext,
  createUser,
  postJson,
  signIn,
  signedInClient,
  type TestContext,
} from './helpers.js'
import { TEST_ENGINE } from './test-database.js'

// Issue 14, finding 9: SQLite's write-ahead log must not keep responses next to time-stamped
// writes (sessions, audit entries) or in commit order. PostgreSQL keeps no such file for the app.
const PASSWORD = 'correct horse battery staple'
const NOW = new Date('2026-11-25T14:37:21.123Z')
const RESPONSE_MARK = 'pohjois_karjala' // a region in allCorrectBundledAnswers
const walOf = (ctx: TestContext) => `${ctx.dbPath}-wal`
const walText = (ctx: TestContext) =>
  existsSync(walOf(ctx)) ? readFileSync(walOf(ctx)).toString('latin1') : ''
const walBytes = (ctx: TestContext) => (existsSync(walOf(ctx)) ? statSync(walOf(ctx)).size : 0)
const submit = (ctx: TestContext) =>
  postJson(ctx.app, `/api/surveys/${BUNDLED_SLUG}/responses`, {
    answers: allCorrectBundledAnswers,
  })

describe.skipIf(TEST_ENGINE !== 'sqlite')('the SQLite write-ahead log', () => {
  it('never holds a session timestamp and a response at once, even with requests interleaved', async () => {
    const ctx = await createTestContext({ now: NOW })
    await createUser(ctx.db, 'anna', 'admin', PASSWORD)
    const seen: string[] = []
    const look = () => seen.push(walText(ctx))
    look()
    const admin = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
    look()
    expect((await submit(ctx)).status).toBe(201)
    look()
    // Interleaved: submissions, sign-ins and admin reads at once, the log read on every tick.
    let done = false
    const burst = Promise.all([
      ...Array.from({ length: 6 }, () => submit(ctx)),
      signIn(ctx.app, 'anna', PASSWORD),
      admin.get('/api/admin/surveys'),
      admin.post(`/api/admin/surveys/${BUNDLED_SLUG}/releases`),
    ]).finally(() => (done = true))
    while (!done) {
      look()
      await new Promise((resolve) => setImmediate(resolve))
    }
    await burst
    look()
    const timestamp = NOW.toISOString()
    const shared = seen.filter((wal) => wal.includes(timestamp) && wal.includes(RESPONSE_MARK))
    expect(shared.length).toBe(0) // the count only: a failure would print whole log files
    // Positive control: both reached the database.
    const db = readFileSync(ctx.dbPath).toString('latin1')
    expect(db).toContain(timestamp)
    expect(db).toContain(RESPONSE_MARK)
  })

  it('is empty (0 bytes) after a release', async () => {
    const ctx = await createTestContext({ now: NOW })
    await createUser(ctx.db, 'anna', 'admin', PASSWORD)
    const admin = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
    for (let i = 0; i < 5; i++) expect((await submit(ctx)).status).toBe(201)
    const release = await admin.post(`/api/admin/surveys/${BUNDLED_SLUG}/releases`)
    expect(release.status).toBe(201)
    expect(existsSync(walOf(ctx))).toBe(true)
    expect(walBytes(ctx)).toBe(0)
  })

  it('is truncated by the periodic checkpoint once a reader that blocked it is gone', async () => {
    const ctx = await createTestContext()
    const stop = startWalCheckpoints(ctx.db, 50)
    try {
      expect((await submit(ctx)).status).toBe(201) // warm caches first
      const started = performance.now()
      expect((await submit(ctx)).status).toBe(201)
      const baseline = performance.now() - started
      // Another process reading (a backup) pins the log: the checkpoint is refused, not awaited.
      const reader = new SQLite(ctx.dbPath, { readonly: true })
      reader.prepare('begin').run()
      reader.prepare('select count(*) from responses').get()
      const blockedAt = performance.now()
      expect((await submit(ctx)).status).toBe(201)
      const blocked = performance.now() - blockedAt
      expect(walBytes(ctx)).toBeGreaterThan(0)
      expect(blocked / Math.max(baseline, 1)).toBeLessThan(20)
      reader.prepare('commit').run()
      reader.close()
      await expect.poll(() => walBytes(ctx)).toBe(0)
    } finally {
      stop()
    }
  })
})
