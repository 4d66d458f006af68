import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createRelease } from '../db/queries/releases.js'
import { createResponseWriter } from '../db/queries/response-writer.js'
import { bundledResponses, createTestContext } from './helpers.js'

// A release made while submissions wait in the group commit's queue or are being committed:
// it holds exactly the responses committed before it, its counts are exactly theirs, and every
// later one waits, counted, for the next release (docs/decisions/008-submission-cost.md).

async function setup() {
  const ctx = await createTestContext()
  const { survey, input } = await bundledResponses(ctx.db)
  return { ...ctx, survey, input, writer: createResponseWriter(ctx.db, { maxBatch: 7 }) }
}

describe('a release made while submissions are pending', () => {
  it('includes exactly the responses committed before it, and counts exactly those', async () => {
    const { db, survey, input, writer } = await setup()
    const settled = new Set<string>()
    const write = () => {
      const response = input()
      return writer.write(response).then((outcome) => {
        expect(outcome).toBe('stored')
        settled.add(response.id)
        return response.id
      })
    }
    const first = Array.from({ length: 40 }, write)
    // Two batches of 7 committed, the rest still queued or being written.
    await first[13]
    let settledBeforeRelease = new Set<string>()
    const release = createRelease(
      db,
      { surveyId: survey.surveyId, kind: 'interim', createdOn: '2026-11-25' },
      async () => {
        // Inside the release's transaction: whatever has settled by now was committed before it.
        settledBeforeRelease = new Set(settled)
        return '{}'
      },
    )
    const during = Array.from({ length: 40 }, write)
    const releaseNo = await release
    const after = Array.from({ length: 10 }, write)
    const ids = await Promise.all([...first, ...during, ...after])

    const rows = await db.selectFrom('responses').select(['id', 'release_no']).execute()
    const releaseOf = new Map(rows.map((row) => [row.id, row.release_no]))
    expect(rows).toHaveLength(ids.length)
    for (const id of ids) expect(releaseOf.has(id)).toBe(true)
    const released = rows.filter((row) => row.release_no === releaseNo).map((row) => row.id)
    // Not vacuous: the release fell between commits, with responses on both sides of it.
    expect(settledBeforeRelease.size).toBeGreaterThan(0)
    expect(released.length).toBeLessThan(ids.length)
    for (const id of settledBeforeRelease) expect(releaseOf.get(id)).toBe(releaseNo)
    const afterIds = await Promise.all(after)
    // Pending for the next release: stored under its number (decision 008, fifth step).
    for (const id of afterIds) expect(releaseOf.get(id)).toBe(releaseNo + 1)

    // Counts per release equal the rows: each response counted once, in the release it is in.
    const { rows: counted } = await sql<{ release_no: number; n: number }>`
      select release_no, sum(n) as n from response_counts
       where survey_id = ${survey.surveyId} and kind = 'response'
       group by release_no`.execute(db)
    const countOf = new Map(counted.map((row) => [Number(row.release_no), Number(row.n)]))
    expect(countOf.get(releaseNo)).toBe(released.length)
    expect(countOf.get(releaseNo + 1)).toBe(ids.length - released.length)
    expect([...countOf.keys()].sort()).toEqual([releaseNo, releaseNo + 1])
    const { rows: answers } = await sql<{ release_no: number; n: number }>`
      select coalesce(r.release_no, 0) as release_no, count(*) as n
        from response_values a join responses r on r.id = a.response_id
       where a.value is not null group by coalesce(r.release_no, 0)`.execute(db)
    const { rows: answerCounts } = await sql<{ release_no: number; n: number }>`
      select release_no, sum(n) as n from response_counts
       where survey_id = ${survey.surveyId} and kind = 'answer'
       group by release_no`.execute(db)
    const byRelease = (list: { release_no: number; n: number }[]) =>
      Object.fromEntries(list.map((row) => [Number(row.release_no), Number(row.n)]))
    expect(byRelease(answerCounts)).toEqual(byRelease(answers))
  })
})
