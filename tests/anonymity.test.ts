import { sql } from 'kysely'
import { describe, expect, it, vi } from 'vitest'
import { RESPONSE_SIDE_TABLES } from '../db/schema.js'
import { addSurvey, createTestContext, postJson } from './helpers.js'
import { miniSurvey, validMiniAnswers } from './fixtures.js'
import { listColumns, tablesReferencing } from './test-database.js'
import { findLatestVersion } from '../db/queries/surveys.js'
import { makeRelease } from '../server/results/releases.js'

// Any column on the respondent side whose name hints at who, where from or exactly when.
const IDENTIFYING = /ip|addr|agent|ua$|referr?er|cookie|session|token|user|device|browser|fingerprint|time|_at$|created|updated|seen|email|name|phone|geo|country|city|lat|lon/i

// The complete, reviewed list: a new column on a response-side table must be added here on purpose.
const REVIEWED_COLUMNS: Record<string, string[]> = {
  responses: [
    'id',
    'survey_version_id',
    'locale',
    'submitted_on',
    'knowledge_score',
    'release_no', // which release first included it: coarser than the day already kept
  ],
  // The answers as submitted, apart from the row a release relabels (decision 008).
  response_answers: ['response_id', 'answers'],
  response_values: ['response_id', 'question', 'item', 'value', 'number'],
  response_quiz_items: ['response_id', 'question', 'correct'],
  // Counts per combination of dimension values; no response id, nothing per respondent.
  response_counts: [
    'survey_id',
    'release_no',
    'dims',
    'g0',
    'g1',
    'g2',
    'g3',
    'kind',
    'question',
    'item',
    'value',
    'n',
    'numbers',
    'number_sum',
  ],
  // A release's figures per table, summed from response_counts when it is made.
  release_tables: [
    'survey_id',
    'release_no',
    'grouping',
    'g0',
    'g1',
    'kind',
    'question',
    'item',
    'value',
    'n',
    'numbers',
    'number_sum',
  ],
  // No time and no response reference: see tests/invitation-anonymity.test.ts.
  invitation_codes: ['survey_id', 'code_hmac', 'used'],
  // Idempotency keys of stored submissions: a hash of the key, an HMAC of the request under the
  // key, and the day (as coarse as submitted_on); no response reference. Gone at the next
  // release or when the day ends.
  idempotency_keys: ['key_hash', 'survey_id', 'request_digest', 'day'],
}

describe('anonymity of stored responses', () => {
  it('has no identifying or precise-time column on any response-side table', async () => {
    const { db } = await createTestContext({ loadBundled: false })
    for (const table of RESPONSE_SIDE_TABLES) {
      const columns = await listColumns(db, table)
      expect(columns.sort(), table).toEqual([...REVIEWED_COLUMNS[table]].sort())
      for (const column of columns) {
        if (column === 'question') continue // a question's name, not the respondent's
        expect(column, `${table}.${column}`).not.toMatch(IDENTIFYING)
      }
    }
  })

  it('covers every table that references responses', async () => {
    const { db } = await createTestContext({ loadBundled: false })
    for (const name of await tablesReferencing(db, 'responses')) {
      expect(RESPONSE_SIDE_TABLES, name).toContain(name)
    }
  })

  it('stores nothing from request headers and logs nothing about a submission', async () => {
    const { app, db, errors } = await createTestContext({ loadBundled: false })
    await addSurvey(db, 'mini', miniSurvey)
    const output = vi.spyOn(process.stdout, 'write')
    const console_ = ['log', 'info', 'warn', 'error', 'debug'].map((method) =>
      vi.spyOn(console, method as 'log'),
    )
    const res = await postJson(
      app,
      '/api/surveys/mini/responses',
      { answers: validMiniAnswers, locale: 'fi' },
      {
        'User-Agent': 'Mozilla/5.0 UniqueAgent/123',
        'X-Forwarded-For': '203.0.113.77',
        Referer: 'https://intranet.example/ward-7',
        Cookie: 'tracking=abc123',
      },
    )
    expect(res.status).toBe(201)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(output).not.toHaveBeenCalled()
    for (const spy of console_) expect(spy).not.toHaveBeenCalled()
    expect(errors).toEqual([])
    vi.restoreAllMocks()

    const dump = JSON.stringify([
      await db.selectFrom('responses').selectAll().execute(),
      await db.selectFrom('response_values').selectAll().execute(),
    ])
    for (const secret of ['UniqueAgent', '203.0.113.77', 'ward-7', 'abc123', '14:37']) {
      expect(dump).not.toContain(secret)
    }
  })

  it('records the submission day only, never the time', async () => {
    const { app, db } = await createTestContext({
      loadBundled: false,
      now: new Date('2026-03-09T23:59:59.999Z'),
    })
    await addSurvey(db, 'mini', miniSurvey)
    await postJson(app, '/api/surveys/mini/responses', { answers: validMiniAnswers })
    const row = await db.selectFrom('responses').selectAll().executeTakeFirstOrThrow()
    expect(row.submitted_on).toBe('2026-03-09')
    expect(JSON.stringify(row)).not.toMatch(/T\d\d:\d\d|23:59/)
  })

  it('does not reveal arrival order through ids or storage order (after a release)', async () => {
    const { app, db } = await createTestContext({ loadBundled: false })
    await addSurvey(db, 'mini', miniSurvey)
    const survey = await findLatestVersion(db, 'mini')
    const arrival: string[] = []
    for (let i = 0; i < 30; i++) {
      const answers = { ...validMiniAnswers, comment: `marker-${String(i).padStart(2, '0')}` }
      await postJson(app, '/api/surveys/mini/responses', { answers })
      arrival.push(`marker-${String(i).padStart(2, '0')}`)
    }
    // SQLite keeps rows in key order all the time; PostgreSQL's heap only after a release rewrites it.
    await makeRelease(db, survey!, { kind: 'interim', minGroupSize: 5, today: '2026-11-25' })
    // A plain scan returns rows in key order; with random keys that is not arrival order.
    const scanned = (await sql<{ answers: string }>`select answers from response_answers`.execute(db)).rows
      .map((row) => JSON.parse(row.answers).comment)
    expect(scanned).toHaveLength(30)
    expect(scanned).not.toEqual(arrival)
    expect(scanned).not.toEqual([...arrival].reverse())
  })
})
