import { sql, type Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { countsLayout } from '../db/queries/counts-reader.js'
import { createRelease } from '../db/queries/releases.js'
import { rebuildResponseCounts } from '../db/queries/response-counts.js'
import { createResponseWriter } from '../db/queries/response-writer.js'
import type { Database } from '../db/schema.js'
import { bundledResponses, createTestContext } from './helpers.js'

// A response is stored with the number of the release it will be part of, and so are its counts,
// so a release relabels nothing (decision 008, fifth step). Responses and counts stored before
// that (release_no null, counts under 0) are claimed by the next release as before.

const DIMENSIONS = ['sector', 'region', 'profession']

async function setup() {
  const ctx = await createTestContext()
  const { survey, input } = await bundledResponses(ctx.db)
  const writer = createResponseWriter(ctx.db)
  const write = async (n: number) => {
    const inputs = Array.from({ length: n }, input)
    for (const outcome of await Promise.all(inputs.map((i) => writer.write(i)))) {
      expect(outcome).toBe('stored')
    }
    return inputs.map((i) => i.id)
  }
  const release = () =>
    createRelease(
      ctx.db,
      { surveyId: survey.surveyId, kind: 'interim', createdOn: '2026-11-26' },
      async () => '{}',
    )
  return { ...ctx, survey, write, release }
}

async function releaseNumbers(db: Kysely<Database>) {
  const rows = await db.selectFrom('responses').select(['id', 'release_no']).execute()
  return new Map(rows.map((row) => [row.id, row.release_no]))
}

// Per release number: responses counted, and answer values counted, against the rows.
async function countsAgainstRows(db: Kysely<Database>, surveyId: number) {
  const { rows: counted } = await sql<{ release_no: number; kind: string; n: number }>`
    select release_no, kind, sum(n) as n from response_counts
     where survey_id = ${surveyId} and kind in ('response', 'answer')
     group by release_no, kind`.execute(db)
  const { rows: responses } = await sql<{ release_no: number; n: number }>`
    select coalesce(release_no, 0) as release_no, count(*) as n from responses
     group by coalesce(release_no, 0)`.execute(db)
  const { rows: answers } = await sql<{ release_no: number; n: number }>`
    select coalesce(r.release_no, 0) as release_no, count(*) as n
      from response_values a join responses r on r.id = a.response_id
     where a.value is not null group by coalesce(r.release_no, 0)`.execute(db)
  const fromCounts = (kind: string) =>
    Object.fromEntries(
      counted
        .filter((row) => row.kind === kind)
        .map((row) => [Number(row.release_no), Number(row.n)]),
    )
  const fromRows = (list: { release_no: number; n: number }[]) =>
    Object.fromEntries(list.map((row) => [Number(row.release_no), Number(row.n)]))
  return {
    counts: { responses: fromCounts('response'), answers: fromCounts('answer') },
    rows: { responses: fromRows(responses), answers: fromRows(answers) },
  }
}

describe('responses stored with the number of their release', () => {
  it('are stored under the next release, and its counts with them', async () => {
    const { db, survey, write, release } = await setup()
    const first = await write(4)
    const numbers = await releaseNumbers(db)
    for (const id of first) expect(numbers.get(id)).toBe(1)
    // Live results see the pending counts before any release is made.
    expect(await countsLayout(db, { surveyId: survey.surveyId })).toEqual(DIMENSIONS)

    expect(await release()).toBe(1)
    const second = await write(3)
    const after = await releaseNumbers(db)
    for (const id of first) expect(after.get(id)).toBe(1)
    for (const id of second) expect(after.get(id)).toBe(2)
    const { counts, rows } = await countsAgainstRows(db, survey.surveyId)
    expect(rows.responses).toEqual({ 1: 4, 2: 3 })
    expect(counts).toEqual(rows)
    expect(await countsLayout(db, { surveyId: survey.surveyId })).toEqual(DIMENSIONS)
    expect(await countsLayout(db, { surveyId: survey.surveyId, releaseNo: 1 })).toEqual(DIMENSIONS)
  })

  it('a release also claims responses and counts stored before numbers were stored', async () => {
    const { db, survey, write, release } = await setup()
    const stamped = await write(3)
    const legacy = await write(2)
    // As stored before decision 008's fifth step: no number, counts under release 0.
    await db.updateTable('responses').set({ release_no: null }).where('id', 'in', legacy).execute()
    await db.deleteFrom('response_counts').where('survey_id', '=', survey.surveyId).execute()
    await rebuildResponseCounts(db, { versionId: survey.versionId, dimensions: DIMENSIONS })
    const before = await countsAgainstRows(db, survey.surveyId)
    expect(before.rows.responses).toEqual({ 0: 2, 1: 3 })
    expect(before.counts).toEqual(before.rows)
    expect(await countsLayout(db, { surveyId: survey.surveyId })).toEqual(DIMENSIONS)

    expect(await release()).toBe(1)
    const numbers = await releaseNumbers(db)
    for (const id of [...stamped, ...legacy]) expect(numbers.get(id)).toBe(1)
    const { counts, rows } = await countsAgainstRows(db, survey.surveyId)
    expect(rows.responses).toEqual({ 1: 5 })
    expect(counts).toEqual(rows)
    const tables = await sql<{ n: number }>`
      select sum(n) as n from release_tables
       where survey_id = ${survey.surveyId} and release_no = 1 and grouping = ''
         and kind = 'response'`.execute(db)
    expect(Number(tables.rows[0].n)).toBe(5)
  })
})
