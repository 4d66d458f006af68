import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { findLatestVersion } from '../db/queries/surveys.js'
import { makeRelease } from '../server/results/releases.js'
import { validMiniAnswers } from './fixtures.js'
import { inviteOnlyMini, postJson } from './helpers.js'
import { TEST_ENGINE } from './test-database.js'

// What someone with direct access to the database could read beyond the columns: the physical
// order of rows, and on PostgreSQL the id of the transaction that wrote each row (xmin). After a
// release, neither may tie a used invitation code to the response it unlocked, or give the order
// in which responses arrived.
describe('storage traces after a release', () => {
  it('leaves codes in key order and no per-submission transaction id on codes or responses', async () => {
    const ctx = await inviteOnlyMini(16)
    const { codes } = ctx
    const sectors = ['hospital', 'primary_care', 'other']
    for (const [i, code] of codes.slice(0, 10).entries()) {
      // Varied answers, so count rows are last written by different submissions.
      const answers = { ...validMiniAnswers, sector: sectors[i % 3], confidence: 1 + (i % 5) }
      const res = await postJson(ctx.app, '/api/surveys/mini/responses', { answers, code })
      expect(res.status).toBe(201)
    }
    const survey = await findLatestVersion(ctx.db, 'mini')
    await makeRelease(ctx.db, survey!, { kind: 'interim', minGroupSize: 5, today: '2026-11-25' })

    const scanned = (await sql<{ code_hmac: string }>`select code_hmac from invitation_codes`
      .execute(ctx.db)).rows.map((row) => row.code_hmac)
    expect(scanned).toHaveLength(16)
    expect(scanned).toEqual([...scanned].sort())

    if (TEST_ENGINE === 'postgres') {
      const xmins = async (table: string) =>
        (await sql<{ xmin: string }>`select distinct xmin::text as xmin from ${sql.table(table)}`
          .execute(ctx.db)).rows.map((row) => row.xmin)
      // One transaction id for all of them (the release's), so none points at a submission.
      expect(await xmins('responses')).toHaveLength(1)
      expect(await xmins('invitation_codes')).toHaveLength(1)
      // A count row would otherwise keep the id of the last submission that added to it.
      expect(await xmins('response_counts')).toHaveLength(1)
    }
  })
})
