import { once } from 'node:events'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import SQLite from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSqliteDb } from '../db/connection.js'
import { createWalGate } from '../db/wal-hygiene.js'
import { countGroups } from '../db/queries/aggregates.js'
import { createThreadedResponseWriter } from '../db/queries/response-writer-thread.js'
import { createResponseWriter, IdempotencyKeyReused } from '../db/queries/response-writer.js'
import { bundledResponses, countRows, createTestContext } from './helpers.js'
import { buildApp, REPO_ROOT } from './server-process.js'
import { TEST_ENGINE } from './test-database.js'

// On SQLite the server stores responses from a thread of its own (server/sqlite-writer-worker.ts,
// built by npm run build:server), on a second connection to the same file.
const WORKER = pathToFileURL(join(REPO_ROOT, 'dist', 'server', 'sqlite-writer-worker.js'))

async function setup() {
  const ctx = await createTestContext()
  const { survey, input } = await bundledResponses(ctx.db)
  const local = createResponseWriter(ctx.db)
  const localWrites: string[] = []
  const spy = {
    write: (...args: Parameters<typeof local.write>) => {
      localWrites.push(args[0].id)
      return local.write(...args)
    },
  }
  return { ...ctx, survey, input, local: spy, localWrites }
}

describe.skipIf(TEST_ENGINE !== 'sqlite')('the response writer thread (SQLite)', () => {
  beforeAll(() => buildApp(), 120_000)

  it('stores and counts what it acknowledges, and reads idempotency keys like the group commit', async () => {
    const { db, survey, input, local, localWrites, dbPath } = await setup()
    const writer = createThreadedResponseWriter(WORKER, { path: dbPath, walGate: createWalGate() }, local)
    try {
      const key = { keyHash: 'a'.repeat(64), fingerprint: 'b'.repeat(64) }
      const outcomes = await Promise.all([
        ...Array.from({ length: 40 }, () => writer.write(input())),
        writer.write(input(), { idempotency: key }),
      ])
      expect(outcomes).toEqual(Array(41).fill('stored'))
      expect(await writer.write(input(), { idempotency: key })).toBe('repeat')
      const other = { ...key, fingerprint: 'c'.repeat(64) }
      await expect(writer.write(input(), { idempotency: other })).rejects.toBeInstanceOf(
        IdempotencyKeyReused,
      )
      expect(localWrites).toEqual([])
      expect((await countRows(db)).responses).toBe(41)
      const [counted] = await countGroups(db, { surveyId: survey.surveyId }, [])
      expect(counted.n).toBe(41)
    } finally {
      await writer.close()
    }
  })

  it('leaves a submission that spends an invitation code to the main connection', async () => {
    const { input, local, localWrites, dbPath } = await setup()
    const writer = createThreadedResponseWriter(WORKER, { path: dbPath, walGate: createWalGate() }, local)
    try {
      const response = input()
      const claim = { order: '1', run: async () => {} }
      expect(await writer.write(response, { claim })).toBe('stored')
      expect(localWrites).toEqual([response.id])
    } finally {
      await writer.close()
    }
  })

  it('falls back to the main connection when the thread cannot run', async () => {
    const { db, input, local, localWrites, dbPath } = await setup()
    const missing = pathToFileURL(join(REPO_ROOT, 'dist', 'server', 'no-such-worker.js'))
    const writer = createThreadedResponseWriter(missing, { path: dbPath, walGate: createWalGate() }, local)
    const early = writer.write(input())
    await expect(early).rejects.toThrow()
    const later = input()
    expect(await writer.write(later)).toBe('stored')
    expect(localWrites).toEqual([later.id])
    expect((await countRows(db)).responses).toBe(1)
  })
})

describe.skipIf(TEST_ENGINE !== 'sqlite')('the log gate shared by the connections of a process', () => {
  it('keeps a write waiting while another thread holds it, and never a read', async () => {
    const { dbPath } = await createTestContext({ loadBundled: false })
    const walGate = createWalGate()
    const db = createSqliteDb(dbPath, { walGate })
    const released = new SharedArrayBuffer(4)
    const holder = new Worker(new URL('./fixtures/hold-wal-gate.mjs', import.meta.url), {
      workerData: { gate: walGate, released, holdMs: 300 },
    })
    try {
      expect(await once(holder, 'message')).toEqual(['held'])
      const wasReleased = () => Atomics.load(new Int32Array(released), 0) === 1
      await db.selectFrom('server_secrets').selectAll().execute()
      expect(wasReleased()).toBe(false)
      await db.insertInto('server_secrets').values({ name: 'gate', value: 'x' }).execute()
      expect(wasReleased()).toBe(true)
    } finally {
      await holder.terminate()
      await db.destroy()
    }
  })
})

describe.skipIf(TEST_ENGINE !== 'sqlite')('transactions on the main SQLite connection', () => {
  it('hold the write lock from their start, so no other connection commits between a read and a write', async () => {
    const { dbPath } = await createTestContext({ loadBundled: false })
    const db = createSqliteDb(dbPath)
    const other = new SQLite(dbPath)
    other.pragma('busy_timeout = 0')
    try {
      await db.transaction().execute(async (trx) => {
        await trx.selectFrom('surveys').select('id').execute()
        // With a deferred begin this commit would succeed, and the write below would then fail.
        expect(() => other.prepare("insert into server_secrets (name, value) values ('x', 'y')").run()).toThrow(
          /locked|busy/i,
        )
        await trx.insertInto('server_secrets').values({ name: 'z', value: 'w' }).execute()
      })
    } finally {
      other.close()
      await db.destroy()
    }
  })
})
