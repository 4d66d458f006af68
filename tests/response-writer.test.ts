import type { Transaction } from 'kysely'
import { describe, expect, it } from 'vitest'
import { countGroups } from '../db/queries/aggregates.js'
import { createResponseWriter } from '../db/queries/response-writer.js'
import type { Database } from '../db/schema.js'
import { bundledResponses, countRows, createTestContext } from './helpers.js'

// Submissions that arrive together are committed together (one durable commit for many), yet
// each one is stored whole or refused alone.

async function setup() {
  const ctx = await createTestContext()
  const { survey, input } = await bundledResponses(ctx.db)
  return { ...ctx, survey, input, writer: createResponseWriter(ctx.db) }
}

describe('the response writer', () => {
  it('stores responses that arrive together in one transaction', async () => {
    const { db, survey, input, writer } = await setup()
    const transactions = new Set<Transaction<Database>>()
    await Promise.all(
      Array.from({ length: 10 }, () => writer.write(input(), { claim: { order: '', run: async (trx) => void transactions.add(trx) } })),
    )
    expect(transactions.size).toBe(1)
    expect((await countRows(db)).responses).toBe(10)
    const [counted] = await countGroups(db, { surveyId: survey.surveyId }, [])
    expect(counted.n).toBe(10)
  })

  it('refuses one response alone and keeps the others of its batch', async () => {
    const { db, survey, input, writer } = await setup()
    const refused = new Error('code already used')
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        writer.write(input(), {
          claim: {
            order: String(i),
            run: async (trx) => {
              // The refused response has already written a row of its own before it fails.
              if (i === 2) {
                await trx.insertInto('invitation_codes').values({ survey_id: survey.surveyId, code_hmac: 'x', used: 1 }).execute()
                throw refused
              }
            },
          },
        }),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled'])
    expect((results[2] as PromiseRejectedResult).reason).toBe(refused)
    const rows = await countRows(db)
    expect(rows.responses).toBe(5)
    expect(await db.selectFrom('invitation_codes').selectAll().execute()).toEqual([])
    const [counted] = await countGroups(db, { surveyId: survey.surveyId }, [])
    expect(counted.n).toBe(5)
    const counts = await db
      .selectFrom('response_counts')
      .select((eb) => eb.fn.sum<number>('n').as('n'))
      .where('kind', '=', 'response')
      .executeTakeFirstOrThrow()
    expect(Number(counts.n)).toBe(5)
  })

  it('refuses a response whose own rows fail, alone, though a batch inserts its rows together', async () => {
    const { db, survey, input, writer } = await setup()
    const broken = input()
    // The same answer row twice: the primary key refuses it, and only it.
    broken.values = [...broken.values, broken.values[0]]
    const results = await Promise.allSettled([
      ...Array.from({ length: 4 }, () => writer.write(input())),
      writer.write(broken),
      ...Array.from({ length: 4 }, () => writer.write(input())),
    ])
    expect(results.map((r) => r.status)).toEqual([
      ...Array(4).fill('fulfilled'),
      'rejected',
      ...Array(4).fill('fulfilled'),
    ])
    expect((await countRows(db)).responses).toBe(8)
    const ids = await db.selectFrom('responses').select('id').execute()
    expect(ids.map((row) => row.id)).not.toContain(broken.id)
    const [counted] = await countGroups(db, { surveyId: survey.surveyId }, [])
    expect(counted.n).toBe(8)
  })

  it('settles a response only after its batch is committed, and keeps writing later ones', async () => {
    const { db, input, writer } = await setup()
    await writer.write(input())
    expect((await countRows(db)).responses).toBe(1)
    await Promise.all([writer.write(input()), writer.write(input())])
    await writer.write(input())
    expect((await countRows(db)).responses).toBe(4)
  })
})
