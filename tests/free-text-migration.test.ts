import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { currentRules, up as upFreeText } from '../db/migrations/2026-12-04T19-00_free-text-values.js'
import * as responseAnswers from '../db/migrations/2026-12-05T01-00_response-answers.js'
import { rederiveAnswerRows } from '../db/queries/rederive-values.js'
import { insertResponse } from '../db/queries/responses.js'
import { findLatestVersion } from '../db/queries/surveys.js'
import { prepareResponse } from '../server/domain/prepare-response.js'
import { freeTextProbe, SECRET, typed } from './free-text-fixtures.js'
import {
  addSurvey,
  createTestContext,
  createUser,
  signedInClient,
  signIn,
  type TestContext,
} from './helpers.js'

// Issue 14, finding 1: rows stored by the old flattening rules, where typed text was a value.
const PASSWORD = 'correct horse battery staple'
const LEGACY = [
  { question: 'custom', item: SECRET, value: SECRET, number: null },
  { question: 'custom_one', item: '', value: SECRET, number: null },
  { question: 'by_url', item: '', value: SECRET, number: null },
  { question: 'mt', item: 'city', value: SECRET, number: null },
  { question: 'm', item: `r1.c.${SECRET}`, value: SECRET, number: null },
]

async function legacyRelease() {
  const ctx = await createTestContext({ loadBundled: false })
  await addSurvey(ctx.db, 'probe', freeTextProbe)
  const survey = (await findLatestVersion(ctx.db, 'probe'))!
  const prepared = prepareResponse({ definition: freeTextProbe, locales: [] }, { answers: typed })
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.details))
  const values = prepared.response.values.map((v) =>
    // the old rules kept "other" text as the value itself
    v.value === 'other' ? { ...v, item: v.item === '' ? '' : SECRET, value: SECRET } : v,
  )
  for (let i = 0; i < 6; i++) {
    await insertResponse(ctx.db, {
      ...prepared.response,
      id: randomBytes(16).toString('hex'),
      surveyId: survey.surveyId,
      surveyVersionId: survey.versionId,
      dimensions: ['sector'],
      submittedOn: '2026-11-25',
      values: [...values, ...LEGACY],
    })
  }
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  const admin = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
  expect((await admin.post('/api/admin/surveys/probe/releases')).status).toBe(201)
  return { ...ctx, admin }
}

/** The migration on the schema it was written for: later migrations undone, then redone. */
async function up(db: TestContext['db']) {
  await responseAnswers.down(db)
  await upFreeText(db)
  await responseAnswers.up(db)
}

async function rowsWithSecret(db: TestContext['db']) {
  const found: Record<string, number> = {}
  for (const table of ['response_values', 'response_counts', 'release_tables']) {
    const { rows } = await sql<{ n: number | string }>`
      select count(*) as n from ${sql.table(table)}
      where item like '%Virtanen%' or value like '%Virtanen%'`.execute(db)
    found[table] = Number(rows[0].n)
  }
  return found
}

describe('the migration that drops stored free text', { timeout: 60_000 }, () => {
  it('re-derives answer rows, running counts and release tables from the answers', async () => {
    const { db, admin } = await legacyRelease()
    const polluted = await rowsWithSecret(db)
    expect(polluted.release_tables).toBeGreaterThan(0) // the old rules did count it
    await up(db)
    expect(await rowsWithSecret(db)).toEqual({
      response_values: 0,
      response_counts: 0,
      release_tables: 0,
    })
    const body = await (await admin.get('/api/admin/surveys/probe/aggregates?by=sector')).json()
    expect(body.total.questions).toEqual({
      custom: { counts: { listed: 6 } },
      other_one: { counts: { other: 6 } },
      other_many: { counts: { a: 6, other: 6 } },
      m: { counts: {}, items: { 'r1.c.x': { x: 6 } } },
    })
    expect(body.total.n).toBe(6)
  })

  it('leaves responses stored by the current rules alone', async () => {
    const { db } = await legacyRelease()
    await up(db)
    const counts = await db.selectFrom('response_counts').selectAll().orderBy('question').execute()
    expect(await rederiveAnswerRows(db, currentRules)).toBe(0)
    expect(await db.selectFrom('response_counts').selectAll().orderBy('question').execute())
      .toEqual(counts)
  })
})
