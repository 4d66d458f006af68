import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { executeCachedInsert } from '../db/queries/cached-insert.js'
import { integrityRuns } from './property-runs.js'
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from './test-database.js'

// The submission path runs its inserts from SQL texts Kysely built once per row count
// (db/queries/cached-insert.ts). The rows stored must be exactly what the builder would store.
interface Row extends Record<string, unknown> {
  id: string
  label: string
  amount: number | null
}
const COLUMNS = ['id', 'label', 'amount'] as const

let dir: string
let database: TestDatabase
let db: Kysely<any>

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cached-insert-'))
  database = await createTestDatabase(dir)
  db = database.db as Kysely<any>
  await sql`create table cached_insert_probe (
    id text primary key, label text not null, amount integer)`.execute(db)
})

afterAll(async () => {
  await database?.drop()
  rmSync(dir, { recursive: true, force: true })
})

const build = (rows: readonly Row[]) => db.insertInto('cached_insert_probe').values(rows)
const upsert = (rows: readonly Row[]) =>
  build(rows).onConflict((oc) =>
    oc.column('id').doUpdateSet((eb) => ({ amount: eb.ref('excluded.amount') })),
  )
const stored = () =>
  db.selectFrom('cached_insert_probe').selectAll().orderBy('id').execute() as Promise<Row[]>

describe(`inserts run from a cached SQL text (${TEST_ENGINE})`, () => {
  it('store what the builder stores, for any rows and row counts, again and again', async () => {
    const row = fc.record({
      label: fc.string({ maxLength: 12 }),
      amount: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(row, { minLength: 1, maxLength: 6 }), { maxLength: 4 }), async (batches) => {
        await db.deleteFrom('cached_insert_probe').execute()
        const expected: Row[] = []
        let next = 0
        for (const batch of batches) {
          const rows = batch.map((r) => ({ id: `r${String(next++).padStart(4, '0')}`, ...r }))
          await executeCachedInsert(db, 'probe', COLUMNS, rows, build)
          expected.push(...rows)
        }
        expect(await stored()).toEqual(expected)
      }),
      integrityRuns(30),
    )
  })

  it('keeps an upsert its conflict clause, and reports the rows it changed', async () => {
    await db.deleteFrom('cached_insert_probe').execute()
    await executeCachedInsert(db, 'probe upsert', COLUMNS, [{ id: 'a', label: 'x', amount: 1 }], upsert)
    const again = await executeCachedInsert(
      db,
      'probe upsert',
      COLUMNS,
      [{ id: 'a', label: 'x', amount: 7 }],
      upsert,
    )
    expect(Number(again.numAffectedRows)).toBe(1)
    expect(await stored()).toEqual([{ id: 'a', label: 'x', amount: 7 }])
  })

  it('refuses a row without a value for a column, before anything is written', async () => {
    await db.deleteFrom('cached_insert_probe').execute()
    const rows = [{ id: 'b', label: 'y', amount: undefined }] as unknown as Row[]
    await expect(executeCachedInsert(db, 'probe undefined', COLUMNS, rows, build)).rejects.toThrow(
      /amount has no value/,
    )
    expect(await stored()).toEqual([])
  })

  it('refuses a statement whose parameters are not the columns in order', async () => {
    // Binds a value of its own: a cached text would put the next call's values in wrong places.
    const extra = (rows: readonly Row[]) =>
      build(rows).onConflict((oc) => oc.column('id').doUpdateSet({ label: 'changed' }))
    const rows = [{ id: 'c', label: 'z', amount: 3 }]
    await expect(executeCachedInsert(db, 'probe extra', COLUMNS, rows, extra)).rejects.toThrow(
      /other parameters/,
    )
    const reordered = (['label', 'id', 'amount'] as const).slice()
    await expect(executeCachedInsert(db, 'probe order', reordered, rows, build)).rejects.toThrow(
      /other parameters/,
    )
  })
})
