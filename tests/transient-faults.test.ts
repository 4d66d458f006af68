import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer, connect, type Server } from 'node:net'
import { sql, type Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createPostgresDb } from '../db/connection.js'
import type { Database } from '../db/schema.js'
import { createApp } from '../server/app.js'
import { miniSurvey, validMiniAnswers } from './fixtures.js'
import {
  addSurvey,
  CLIENT_DIR,
  countRows,
  createTestContext,
  createUser,
  postJson,
  REPO_ROOT,
  signedInClient,
  signIn,
} from './helpers.js'
import { TEST_ENGINE } from './test-database.js'

// Real faults from the real database engines, not mocks: a deferred trigger makes the first
// commit of a submission fail with a given SQLSTATE (or end its own connection), a proxy loses
// the answer to a commit that succeeded, another process holds SQLite's write lock. The server
// retries, and the response is stored exactly once.

const submit = (app: ReturnType<typeof createApp>) =>
  postJson(app, '/api/surveys/mini/responses', { answers: validMiniAnswers, locale: 'fi' })

/** Makes the first `failures` commits that stored a row in `table` fail with `action`. */
async function injectCommitFault(
  db: Kysely<Database>,
  table: string,
  action: string,
  failures = 1,
) {
  await sql`create sequence fault_seq`.execute(db)
  await sql
    .raw(
      `
    create function inject_fault() returns trigger language plpgsql as $$
    begin
      if nextval('fault_seq') <= ${failures} then ${action}; end if;
      return null;
    end $$`,
    )
    .execute(db)
  await sql
    .raw(
      `
    create constraint trigger inject_fault after insert on ${table}
    deferrable initially deferred for each row execute function inject_fault()`,
    )
    .execute(db)
}

const faultsFired = async (db: Kysely<Database>) =>
  Number((await sql<{ n: string }>`select last_value as n from fault_seq`.execute(db)).rows[0].n)

const FAULTS = {
  'a serialization failure (40001)': `raise exception 'injected' using errcode = '40001'`,
  'a deadlock (40P01)': `raise exception 'injected' using errcode = '40P01'`,
  'a lost connection': 'perform pg_terminate_backend(pg_backend_pid())',
}

describe.skipIf(TEST_ENGINE !== 'postgres')('transient failures on PostgreSQL', () => {
  for (const [name, action] of Object.entries(FAULTS)) {
    it(`stores a submission once when its first commit fails with ${name}`, async () => {
      const { app, db, errors } = await createTestContext({ loadBundled: false })
      await addSurvey(db, 'mini', miniSurvey)
      await injectCommitFault(db, 'responses', action)
      const res = await submit(app)
      expect(res.status).toBe(201)
      expect(await faultsFired(db)).toBe(2) // the failed commit and the retry
      expect((await countRows(db)).responses).toBe(1)
      expect(errors).toEqual([])
    })
  }

  it('answers 503 with Retry-After in the error shape when the fault outlasts the retries', async () => {
    const { app, db } = await createTestContext({ loadBundled: false })
    await addSurvey(db, 'mini', miniSurvey)
    await injectCommitFault(db, 'responses', FAULTS['a deadlock (40P01)'], 1000)
    const res = await submit(app)
    expect(res.status).toBe(503)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await res.json()).error).toMatchObject({ code: 'service_unavailable', details: [] })
    expect((await countRows(db)).responses).toBe(0)
    expect(await db.selectFrom('idempotency_keys').selectAll().execute()).toEqual([])
  })

  it('retries other transactions that write shared rows too (a release that meets a deadlock)', async () => {
    const { app, db } = await createTestContext()
    await injectCommitFault(db, 'releases', FAULTS['a deadlock (40P01)'])
    await createUser(db, 'anna', 'admin', 'correct horse battery staple')
    const anna = signedInClient(app, await signIn(app, 'anna', 'correct horse battery staple'))
    const res = await anna.post('/api/admin/surveys/counter-trafficking/releases')
    expect(res.status).toBe(201)
    expect(await db.selectFrom('releases').select('number').execute()).toEqual([{ number: 1 }])
    expect(await faultsFired(db)).toBe(2)
  })

  it('stores once when a commit succeeded but its answer was lost on the way back', async () => {
    const ctx = await createTestContext({ loadBundled: false })
    await addSurvey(ctx.db, 'mini', miniSurvey)
    const proxy = await commitDroppingProxy(new URL(ctx.databaseUrl))
    const url = new URL(ctx.databaseUrl)
    url.host = `127.0.0.1:${proxy.port}`
    const db = createPostgresDb(url.toString(), { poolSize: 2 })
    try {
      const app = createApp({ db, config: { clientDir: CLIENT_DIR }, log: () => {} })
      proxy.arm()
      const res = await submit(app)
      expect(proxy.dropped()).toBe(1)
      expect(res.status).toBe(201)
      expect((await countRows(ctx.db)).responses).toBe(1)
    } finally {
      await db.destroy()
      proxy.server.close()
    }
  })
})

/**
 * A TCP proxy to PostgreSQL that, once armed, closes both sockets instead of passing on the next
 * CommandComplete of a COMMIT: the server has committed, the client only sees its connection die.
 */
async function commitDroppingProxy(target: URL) {
  let armed = false
  let dropped = 0
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname)
    client.pipe(upstream)
    let pending = Buffer.alloc(0)
    upstream.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk])
      // Server messages: a type byte, then a 32-bit length that counts itself.
      while (pending.length >= 5 && pending.length >= 1 + pending.readInt32BE(1)) {
        const size = 1 + pending.readInt32BE(1)
        const message = pending.subarray(0, size)
        pending = pending.subarray(size)
        if (armed && message[0] === 0x43 && message.subarray(5, 11).toString() === 'COMMIT') {
          armed = false
          dropped++
          client.destroy()
          upstream.destroy()
          return
        }
        client.write(message)
      }
    })
    const close = () => (client.destroy(), upstream.destroy())
    client.on('error', close).on('close', close)
    upstream.on('error', close).on('close', close)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { server, port, arm: () => (armed = true), dropped: () => dropped }
}

describe.skipIf(TEST_ENGINE !== 'sqlite')('transient failures on SQLite', () => {
  it('stores a submission once when another process holds the write lock past busy_timeout', async () => {
    const { app, db, dbPath } = await createTestContext({ loadBundled: false })
    await addSurvey(db, 'mini', miniSurvey)
    // Another process: better-sqlite3 waits synchronously, so a timer in this one could not run.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const d = new (require('better-sqlite3'))(${JSON.stringify(dbPath)})
         d.exec('begin immediate'); console.log('locked')
         setTimeout(() => { d.exec('commit'); d.close() }, 6500)`,
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    // Listened for before submitting: the holder may exit while the request is still answered.
    const exited = once(holder, 'exit')
    await once(holder.stdout!, 'data')
    const res = await submit(app)
    expect(res.status).toBe(201)
    await exited
    expect((await countRows(db)).responses).toBe(1)
  }, 30_000)
})
